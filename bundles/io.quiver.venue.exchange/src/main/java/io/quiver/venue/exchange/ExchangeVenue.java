package io.quiver.venue.exchange;

import io.quiver.matching.BookRules;
import io.quiver.matching.CancelReason;
import io.quiver.matching.DepthHistory;
import io.quiver.matching.MatchingEvents;
import io.quiver.matching.OrderBook;
import io.quiver.matching.OrderBooks;
import io.quiver.matching.OrderKind;
import io.quiver.matching.RejectReason;
import io.quiver.matching.SelfTradePrevention;
import io.quiver.matching.Side;
import io.quiver.matching.TimeInForce;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.spi.ExecutionListener;
import io.quiver.sdk.spi.VenueEventOutbox;
import io.quiver.sdk.spi.MarketDataListener;
import io.quiver.sdk.spi.Venue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A simulated exchange: one price-time order book per instrument, where strategy orders queue, fill
 * partially and pay maker or taker fees, against liquidity from a seeded {@link MarketSimulation}
 * driven by the bars it is shown. Prices and sizes cross into the book as exact units of the
 * instrument's tick and lot scales. Thread-safe (one lock).
 *
 * <p>On each bar: the market maker re-quotes around the open; noise traders trade the market to the
 * bar's low and high (low first when the bar closed up, high first otherwise), filling everything
 * resting at prices the bar traded through and a random amount at the extreme itself; the maker
 * re-quotes around the close. Strategy orders meet this flow in strict price-time priority.
 */
public final class ExchangeVenue implements Venue, MarketDataListener, ExchangeBooks {
    private static final long MAKER = 1;
    private static final long NOISE = 2;
    private static final long FIRST_STRATEGY_ACCOUNT = 100;
    /** Depth updates kept per instrument for subscribers that resync after a gap. */
    private static final int DEPTH_HISTORY = 100_000;

    /** Fee rates of an account, in millionths of the notional (1 bp = 100); negative is a rebate. */
    public record FeeTier(long makerRate, long takerRate) {
    }

    /** An order of a strategy in a book; {@code request} is what it works to now, modifications included. */
    private record Tracked(ClientOrderId clientId, String account, io.quiver.sdk.model.Side side, InstrumentId instrument, OrderRequest request) {
    }

    private final class InstrumentBook implements MatchingEvents {
        final Instrument instrument;
        final OrderBook book;
        final int priceScale;
        final int sizeScale;
        final long tick;
        final long lot;
        final List<Long> makerOrders = new ArrayList<>();

        final DepthHistory history = new DepthHistory(DEPTH_HISTORY);

        InstrumentBook(Instrument instrument, BookRules.Accounts accounts) {
            this.instrument = instrument;
            this.priceScale = instrument.tickSize().scale();
            this.sizeScale = instrument.lotSize().scale();
            this.tick = instrument.tickSize().units();
            this.lot = instrument.lotSize().units();
            this.book = OrderBooks.create(new BookRules(tick, lot, bandTicks, accounts), this);
            this.book.depthListener(this::depthChanged);
        }

        private void depthChanged(long sequence, Side side, long priceUnits, long total, int count) {
            history.levelChanged(sequence, side, priceUnits, total, count);
            if (!marketDataListeners.isEmpty()) {
                forward(sequence, side, priceUnits, total, count, marketDataListeners);
            }
        }

        void forward(long sequence, Side side, long priceUnits, long total, int count, List<ExchangeMarketDataListener> to) {
            io.quiver.sdk.model.Side s = side == Side.BUY ? io.quiver.sdk.model.Side.BUY : io.quiver.sdk.model.Side.SELL;
            Price p = price(priceUnits);
            Qty q = Qty.ofUnits(total, sizeScale);
            for (ExchangeMarketDataListener l : to) {
                l.levelChanged(id, instrument.id(), sequence, s, p, q, count);
            }
        }

        Price price(long units) {
            return Price.ofUnits(units, priceScale);
        }

        @Override
        public void accepted(long orderId) {
            Tracked t = tracked.get(orderId);
            if (t != null) {
                emit(new OrderEvent.Accepted(t.clientId(), now));
            }
        }

        @Override
        public void rejected(long orderId, RejectReason reason) {
            if (modifying != null && modifying.bookId == orderId) {
                Tracked t = tracked.get(orderId);
                emit(new OrderEvent.ModifyRejected(t.clientId(), now, reason.name(), rejectMessage(reason)));
                modifying = null; // the order works on as it was; later steps are not taken
                return;
            }
            Tracked t = tracked.remove(orderId);
            if (t != null) {
                ids.remove(t.clientId());
                emit(new OrderEvent.Rejected(t.clientId(), now, reason.name(), rejectMessage(reason)));
            }
        }

        @Override
        public void trade(long takerId, long takerAccount, long makerId, long makerAccount, Side takerSide, long priceUnits, long size,
                long takerFee, long makerFee, long takerLeft, long makerLeft) {
            fill(takerId, priceUnits, size, takerFee, takerLeft);
            fill(makerId, priceUnits, size, makerFee, makerLeft);
            if (!marketDataListeners.isEmpty()) {
                io.quiver.sdk.model.Side aggressor = takerSide == Side.BUY ? io.quiver.sdk.model.Side.BUY : io.quiver.sdk.model.Side.SELL;
                Price p = price(priceUnits);
                Qty q = Qty.ofUnits(size, sizeScale);
                for (ExchangeMarketDataListener l : marketDataListeners) {
                    l.traded(id, instrument.id(), now, aggressor, p, q);
                }
            }
        }

        private void fill(long orderId, long priceUnits, long size, long fee, long left) {
            Tracked t = tracked.get(orderId);
            if (t == null) {
                return;
            }
            if (left == 0) {
                tracked.remove(orderId);
                ids.remove(t.clientId());
            }
            // fee units are price unit x size unit x 10^-6
            Money feeMoney = Money.of(BigDecimal.valueOf(fee, priceScale + sizeScale + 6).stripTrailingZeros());
            Fill f = new Fill(t.clientId(), id + "-" + ++executions, t.account(), t.instrument(), t.side(), Qty.ofUnits(size, sizeScale),
                    price(priceUnits), feeMoney, now);
            emit(new OrderEvent.Filled(t.clientId(), now, f, left == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED));
        }

        @Override
        public void cancelled(long orderId, long size, CancelReason reason) {
            Tracked t = tracked.remove(orderId);
            if (t != null) {
                ids.remove(t.clientId());
                emit(reason == CancelReason.EXPIRED || expiring.contains(orderId) ? new OrderEvent.Expired(t.clientId(), now)
                        : new OrderEvent.Cancelled(t.clientId(), now, reason.name()));
            }
        }

        @Override
        public void amended(long orderId, long priceUnits, long size) {
            if (modifying != null && modifying.bookId == orderId && --modifying.steps == 0) {
                Tracked t = tracked.get(orderId);
                OrderRequest r = modifying.amended;
                tracked.put(orderId, new Tracked(t.clientId(), t.account(), t.side(), t.instrument(), r));
                emit(new OrderEvent.Modified(t.clientId(), now, r.quantity(), r.limitPrice(), r.stopPrice()));
                modifying = null;
            }
        }

        @Override
        public void triggered(long orderId) {
            // A triggered stop is still working: its fills follow.
        }

        /** The market maker's quotes, replaced around {@code center}. */
        void requote(long center) {
            for (long makerOrder : makerOrders) {
                book.cancel(makerOrder);
            }
            makerOrders.clear();
            long center0 = center / tick * tick;
            for (int k = 1; k <= simulation.levels(); k++) {
                long size = simulation.levelLots() * lot;
                long bid = center0 - k * tick;
                if (bid > 0) {
                    book.place(++nextId, MAKER, Side.BUY, OrderKind.LIMIT, TimeInForce.GTC, false, bid, 0, size);
                    makerOrders.add(nextId);
                }
                book.place(++nextId, MAKER, Side.SELL, OrderKind.LIMIT, TimeInForce.GTC, false, center0 + k * tick, 0, size);
                makerOrders.add(nextId);
            }
            // Orders the quotes traded away are gone; keep only live ones to cancel next time.
            makerOrders.removeIf(o -> book.remaining(o) == 0);
        }

        /**
         * Noise flow that trades the market to {@code limit} (a bar's high or low): everything resting at
         * prices strictly better than it, since the bar traded through them, plus a random amount at
         * the limit itself, where queue position decides who fills.
         */
        void sweep(Side side, long limit) {
            long[] through = {0};
            book.levels(side == Side.BUY ? Side.SELL : Side.BUY, Integer.MAX_VALUE, (s, price, total, count) -> {
                if (side == Side.BUY ? price < limit : price > limit) {
                    through[0] += total;
                }
            });
            long atLimit = simulation.noiseLots() == 0 ? 0 : random.nextLong(2 * simulation.noiseLots() + 1) * lot;
            if (through[0] + atLimit > 0) {
                book.place(++nextId, NOISE, side, OrderKind.LIMIT, TimeInForce.IOC, false, limit, 0, through[0] + atLimit);
            }
        }
    }

    private final String id;
    private final MarketSimulation simulation;
    private final long bandTicks;
    private final SelfTradePrevention selfTrade;
    private final Map<String, SelfTradePrevention> selfTradeByAccount;
    private final FeeTier defaultFees;
    private final Map<String, FeeTier> fees;
    private final Map<InstrumentId, InstrumentBook> books = new HashMap<>();
    private final Map<Long, Tracked> tracked = new HashMap<>();
    private final Map<ClientOrderId, long[]> ids = new HashMap<>();
    private final Map<String, Long> accountIds = new HashMap<>();
    private final List<String> accountNames = new ArrayList<>();
    private final SplittableRandom random;
    private final BookRules.Accounts accounts;
    private final List<ExchangeMarketDataListener> marketDataListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Events wait until the book is done and the lock released: a listener may call back in (an OCO cancel). */
    private final VenueEventOutbox outbox = new VenueEventOutbox(this, () -> { }, () -> this.listener);
    private volatile ExecutionListener listener;
    private Instant now = Instant.EPOCH;
    private long nextId;
    private long executions;

    /**
     * @param fees fee tier per account (strategy instance id); others pay {@code defaultFees}
     */
    public ExchangeVenue(String id, MarketSimulation simulation, long bandTicks, SelfTradePrevention selfTrade, FeeTier defaultFees,
            Map<String, FeeTier> fees) {
        this(id, simulation, bandTicks, selfTrade, Map.of(), defaultFees, fees);
    }

    /**
     * @param selfTradeByAccount self-trade prevention per account (strategy instance id); others use {@code selfTrade}
     * @param fees fee tier per account; others pay {@code defaultFees}
     */
    public ExchangeVenue(String id, MarketSimulation simulation, long bandTicks, SelfTradePrevention selfTrade,
            Map<String, SelfTradePrevention> selfTradeByAccount, FeeTier defaultFees, Map<String, FeeTier> fees) {
        this.id = id;
        this.simulation = simulation;
        this.bandTicks = bandTicks;
        this.selfTrade = selfTrade;
        this.selfTradeByAccount = Map.copyOf(selfTradeByAccount);
        this.defaultFees = defaultFees;
        this.fees = Map.copyOf(fees);
        this.random = new SplittableRandom(simulation.seed());
        this.accounts = new BookRules.Accounts() {
            @Override
            public SelfTradePrevention selfTradePrevention(long account) {
                return account < FIRST_STRATEGY_ACCOUNT ? SelfTradePrevention.NONE
                        : selfTradeByAccount.getOrDefault(accountNames.get((int) (account - FIRST_STRATEGY_ACCOUNT)), selfTrade);
            }

            @Override
            public long makerFeeRate(long account) {
                return account < FIRST_STRATEGY_ACCOUNT ? 0 : tier(account).makerRate();
            }

            @Override
            public long takerFeeRate(long account) {
                return account < FIRST_STRATEGY_ACCOUNT ? 0 : tier(account).takerRate();
            }
        };
    }

    private FeeTier tier(long account) {
        return fees.getOrDefault(accountNames.get((int) (account - FIRST_STRATEGY_ACCOUNT)), defaultFees);
    }

    private long accountId(String account) {
        return accountIds.computeIfAbsent(account, a -> {
            accountNames.add(a);
            return FIRST_STRATEGY_ACCOUNT + accountNames.size() - 1;
        });
    }

    public synchronized void addInstrument(Instrument instrument) {
        books.computeIfAbsent(instrument.id(), k -> new InstrumentBook(instrument, accounts));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean supportsNatively(io.quiver.sdk.model.OrderType type) {
        return type != io.quiver.sdk.model.OrderType.TRAILING_STOP;
    }

    @Override
    public synchronized void open(ExecutionListener listener) {
        this.listener = listener;
    }

    @Override
    public synchronized void close() {
        this.listener = null;
    }

    @Override
    public void submit(String account, ClientOrderId orderId, OrderRequest r, Instant time) {
        synchronized (this) {
            enter(account, orderId, r, time);
        }
        outbox.report();
    }

    private void enter(String account, ClientOrderId orderId, OrderRequest r, Instant time) {
        now = time;
        InstrumentBook b = books.get(r.instrument());
        if (b == null) {
            emit(new OrderEvent.Rejected(orderId, time, "UNKNOWN_INSTRUMENT", r.instrument() + " is not traded on " + id));
            return;
        }
        if (ids.containsKey(orderId)) {
            emit(new OrderEvent.Rejected(orderId, time, RejectReason.DUPLICATE_ORDER_ID.name(), "order id " + orderId + " is in use"));
            return;
        }
        long size;
        long price = 0;
        long stop = 0;
        try {
            size = r.quantity().unitsAt(b.sizeScale);
            if (r.limitPrice() != null) {
                price = r.limitPrice().unitsAt(b.priceScale);
            }
            if (r.stopPrice() != null) {
                stop = r.stopPrice().unitsAt(b.priceScale);
            }
        } catch (ArithmeticException e) {
            emit(new OrderEvent.Rejected(orderId, time, "INVALID_PRECISION", "more decimals than " + r.instrument() + " trades in: "
                    + e.getMessage()));
            return;
        }
        long bookId = ++nextId;
        tracked.put(bookId, new Tracked(orderId, account, r.side(), r.instrument(), r));
        ids.put(orderId, new long[] {bookId});
        OrderKind kind = switch (r.type()) {
            case MARKET -> OrderKind.MARKET;
            case LIMIT -> OrderKind.LIMIT;
            case STOP -> OrderKind.STOP;
            case STOP_LIMIT -> OrderKind.STOP_LIMIT;
            case TRAILING_STOP -> null;
        };
        if (kind == null) {
            tracked.remove(bookId);
            ids.remove(orderId);
            emit(new OrderEvent.Rejected(orderId, time, "UNSUPPORTED_ORDER_TYPE", r.type() + " orders are not executed by venue " + id));
            return;
        }
        b.book.place(bookId, accountId(account), r.side() == io.quiver.sdk.model.Side.BUY ? Side.BUY : Side.SELL, kind,
                TimeInForce.valueOf(r.timeInForce().name()), false, price, stop, size);
        if (r.timeInForce() == io.quiver.sdk.model.TimeInForce.DAY && tracked.containsKey(bookId)) {
            daySessions.put(bookId, null);
        }
    }

    /**
     * A DAY order works through the trading day of the first bar it meets and expires at the first bar of
     * a later day, before that bar trades: the rule of the simulated venue, so that both mean the same.
     */
    private void expireDayOrders(InstrumentBook b, Bar bar) {
        java.time.LocalDate day = bar.time().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        for (Map.Entry<Long, java.time.LocalDate> e : List.copyOf(daySessions.entrySet())) {
            long bookId = e.getKey();
            Tracked t = tracked.get(bookId);
            if (t == null) {
                daySessions.remove(bookId); // filled, cancelled or rejected
            } else if (t.instrument().equals(bar.instrument())) {
                if (e.getValue() == null) {
                    daySessions.put(bookId, day);
                } else if (day.isAfter(e.getValue())) {
                    daySessions.remove(bookId);
                    expiring.add(bookId);
                    try {
                        b.book.cancel(bookId);
                    } finally {
                        expiring.remove(bookId);
                    }
                }
            }
        }
    }

    @Override
    public boolean supportsModify() {
        return true;
    }

    /** A modification in progress: the book amends size and price as separate steps, reported as one. */
    private static final class Modifying {
        final long bookId;
        final OrderRequest amended;
        int steps;

        Modifying(long bookId, OrderRequest amended, int steps) {
            this.bookId = bookId;
            this.amended = amended;
            this.steps = steps;
        }
    }

    private Modifying modifying;
    /** Strategies' DAY orders by book id: the trading day (UTC) of the first bar they met, null before. */
    private final Map<Long, java.time.LocalDate> daySessions = new HashMap<>();
    /** Book ids being expired right now: their cancel is reported as an expiry. */
    private final java.util.Set<Long> expiring = new java.util.HashSet<>();

    /**
     * Amends a working limit or stop-limit order in its book: a smaller quantity keeps its place in the
     * queue, a larger one or a new price goes to the back (and a new price may trade at once). The
     * quantity is the order's whole quantity, what it has filled included. A stop price cannot change.
     */
    @Override
    public void modify(ClientOrderId orderId, OrderRequest amended, Instant time) {
        synchronized (this) {
            now = time;
            long[] bookId = ids.get(orderId);
            Tracked t = bookId == null ? null : tracked.get(bookId[0]);
            if (t == null) {
                emit(new OrderEvent.ModifyRejected(orderId, time, "ORDER_CLOSED", "order " + orderId + " is not working at " + id));
            } else {
                amend(t, bookId[0], amended, time);
            }
        }
        outbox.report();
    }

    private void amend(Tracked t, long bookId, OrderRequest amended, Instant time) {
        OrderRequest was = t.request();
        InstrumentBook b = books.get(t.instrument());
        if (amended.type() != was.type() || amended.side() != was.side() || !amended.instrument().equals(was.instrument())) {
            emit(new OrderEvent.ModifyRejected(t.clientId(), time, "NOT_AMENDABLE", "only quantity and prices can change"));
            return;
        }
        if (!java.util.Objects.equals(amended.stopPrice(), was.stopPrice())) {
            emit(new OrderEvent.ModifyRejected(t.clientId(), time, "NOT_AMENDABLE", "a stop price cannot change on " + id + "; cancel and enter again"));
            return;
        }
        long remaining;
        long price;
        try {
            long filled = was.quantity().unitsAt(b.sizeScale) - b.book.remaining(bookId);
            remaining = amended.quantity().unitsAt(b.sizeScale) - filled;
            price = amended.limitPrice() == null ? 0 : amended.limitPrice().unitsAt(b.priceScale);
        } catch (ArithmeticException e) {
            emit(new OrderEvent.ModifyRejected(t.clientId(), time, "INVALID_PRECISION", "more decimals than " + t.instrument() + " trades in: "
                    + e.getMessage()));
            return;
        }
        if (remaining <= 0) {
            emit(new OrderEvent.ModifyRejected(t.clientId(), time, "INVALID_SIZE", "the quantity " + amended.quantity()
                    + " is not above what the order has filled"));
            return;
        }
        boolean newSize = remaining != b.book.remaining(bookId);
        boolean newPrice = amended.limitPrice() != null && !amended.limitPrice().equals(was.limitPrice());
        modifying = new Modifying(bookId, amended, Math.max(1, (newSize ? 1 : 0) + (newPrice ? 1 : 0)));
        if (newSize) {
            b.book.amendSize(bookId, remaining);
        }
        if (newPrice && modifying != null) {
            b.book.amendPrice(bookId, price);
        }
        if (!newSize && !newPrice && modifying != null) {
            modifying = null;
            tracked.put(bookId, new Tracked(t.clientId(), t.account(), t.side(), t.instrument(), amended));
            emit(new OrderEvent.Modified(t.clientId(), time, amended.quantity(), amended.limitPrice(), amended.stopPrice()));
        }
        modifying = null;
    }

    @Override
    public void cancel(ClientOrderId orderId, Instant time) {
        synchronized (this) {
            now = time;
            long[] bookId = ids.get(orderId);
            Tracked t = bookId == null ? null : tracked.get(bookId[0]);
            if (t != null) {
                books.get(t.instrument()).book.cancel(bookId[0]);
            }
        }
        outbox.report();
    }

    @Override
    public void onBar(Bar bar) {
        synchronized (this) {
            trade(bar);
        }
        outbox.report();
    }

    /** Calls made by this thread inside report their outcomes at the end. */
    @Override
    public void inBatch(Runnable calls) {
        outbox.inBatch(calls);
    }

    @Override
    public boolean batches() {
        return true;
    }

    private void trade(Bar bar) {
        InstrumentBook b = books.get(bar.instrument());
        if (b == null) {
            return;
        }
        now = bar.time();
        if (!daySessions.isEmpty()) {
            expireDayOrders(b, bar);
        }
        long open = bar.open().unitsAt(b.priceScale);
        long high = bar.high().unitsAt(b.priceScale);
        long low = bar.low().unitsAt(b.priceScale);
        long close = bar.close().unitsAt(b.priceScale);
        b.requote(open);
        boolean downFirst = close >= open;
        b.sweep(downFirst ? Side.SELL : Side.BUY, downFirst ? low : high);
        b.sweep(downFirst ? Side.BUY : Side.SELL, downFirst ? high : low);
        b.requote(close);
    }

    /** The book of an instrument, for tests; null if it is not traded here. Not thread-safe: use {@link #depth}. */
    synchronized OrderBook book(InstrumentId instrument) {
        InstrumentBook b = books.get(instrument);
        return b == null ? null : b.book;
    }

    public void addMarketDataListener(ExchangeMarketDataListener l) {
        marketDataListeners.add(l);
    }

    public void removeMarketDataListener(ExchangeMarketDataListener l) {
        marketDataListeners.remove(l);
    }

    @Override
    public synchronized boolean replaySince(InstrumentId instrument, long lastSeen, ExchangeMarketDataListener to) {
        InstrumentBook b = books.get(instrument);
        if (b == null) {
            throw new IllegalArgumentException("no book for " + instrument + " on " + id);
        }
        List<ExchangeMarketDataListener> target = List.of(to);
        return b.history.replaySince(lastSeen, (seq, side, price, total, count) -> b.forward(seq, side, price, total, count, target));
    }

    @Override
    public synchronized List<InstrumentId> instruments() {
        return books.keySet().stream().sorted().toList();
    }

    @Override
    public synchronized Depth depth(InstrumentId instrument, int levels) {
        InstrumentBook b = books.get(instrument);
        if (b == null) {
            throw new IllegalArgumentException("no book for " + instrument + " on " + id + "; books: " + instruments());
        }
        List<Level> bids = new ArrayList<>();
        List<Level> asks = new ArrayList<>();
        b.book.levels(Side.BUY, levels, (side, price, total, count) -> bids.add(new Level(io.quiver.sdk.model.Side.BUY, b.price(price),
                Qty.ofUnits(total, b.sizeScale), count)));
        b.book.levels(Side.SELL, levels, (side, price, total, count) -> asks.add(new Level(io.quiver.sdk.model.Side.SELL, b.price(price),
                Qty.ofUnits(total, b.sizeScale), count)));
        long last = b.book.lastTradePrice();
        return new Depth(instrument, b.book.depthSequence(), last == 0 ? null : b.price(last), bids, asks);
    }

    private static String rejectMessage(RejectReason reason) {
        return switch (reason) {
            case DUPLICATE_ORDER_ID -> "the order id is in use";
            case UNKNOWN_ORDER -> "no such order";
            case INVALID_SIZE -> "the quantity is not a positive multiple of the lot size";
            case INVALID_PRICE -> "a price is not a positive multiple of the tick size";
            case POST_ONLY_WOULD_TAKE -> "a post-only order would have traded";
            case NO_LIQUIDITY -> "no opposite liquidity for a market order";
            case NOT_SUPPORTED -> "this combination is not supported";
        };
    }

    private void emit(OrderEvent e) {
        outbox.add(e);
    }
}
