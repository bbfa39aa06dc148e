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
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.spi.ExecutionListener;
import io.quiver.sdk.spi.JournalFields;
import io.quiver.sdk.spi.MarketDataListener;
import io.quiver.sdk.spi.ReconcilableVenue;
import io.quiver.sdk.spi.VenueAccount;
import io.quiver.sdk.spi.VenueEventOutbox;
import io.quiver.sdk.spi.VenueOrder;
import io.quiver.sdk.spi.VenueSetup;
import io.quiver.sdk.spi.VenueStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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
 *
 * <p>Durable like a broker: every input (instrument, account, order, modify, cancel, bar) is written to
 * its {@link VenueStore} before it is applied, and committed before any event it caused is reported. The
 * simulation is deterministic, so on start the venue replays its inputs and stands exactly where it
 * stood: every resting order in its place in the queue, the market maker's quotes, the seeded noise, and
 * the books it reconciles against (orders, fills, cash, positions). Every {@value #COMPACT_AFTER} inputs,
 * and on {@link #compact()}, the history is replaced by a snapshot of that state.
 */
public final class ExchangeVenue implements ReconcilableVenue, MarketDataListener, ExchangeBooks {
    /** The journal format this version writes and reads. */
    static final int FORMAT = 1;
    /** Inputs after which the journal is rewritten as a snapshot. */
    static final int COMPACT_AFTER = 50_000;
    /** Inputs written but not committed after which a bar commits them (events commit at once). */
    private static final int COMMIT_AFTER = 64;
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

        /** A book read from a snapshot: last trade price and depth sequence, set once its orders are placed. */
        long[] restoring;

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
                emit(new OrderEvent.ModifyRejected(t.clientId(), now, code(reason).code(), rejectMessage(reason)));
                modifying = null; // the order works on as it was; later steps are not taken
                return;
            }
            Tracked t = tracked.remove(orderId);
            if (t != null) {
                ids.remove(t.clientId());
                emit(new OrderEvent.Rejected(t.clientId(), now, code(reason).code(), rejectMessage(reason)));
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
    private final SeededRandom random;
    private final VenueStore journal;
    private final ExchangeLedger ledger = new ExchangeLedger();
    /** LIVE: inputs are written and events reported; REPLAY: inputs are re-applied, events only booked; RESTORE: a snapshot is read, events dropped. */
    private enum Mode { LIVE, REPLAY, RESTORE }
    private Mode mode = Mode.LIVE;
    private long inputsSinceSnapshot;
    private int uncommitted;
    int compactAfter = COMPACT_AFTER;
    private final BookRules.Accounts accounts;
    private final List<ExchangeMarketDataListener> marketDataListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Events wait until the book is done and the lock released: a listener may call back in (an OCO cancel). */
    private final VenueEventOutbox outbox = new VenueEventOutbox(this, this::commitJournal, () -> this.listener);
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
        this(id, simulation, bandTicks, selfTrade, selfTradeByAccount, defaultFees, fees, VenueSetup.noStore());
    }

    /**
     * A venue whose inputs live in {@code journal}; it replays them here and stands where it stood.
     *
     * @param selfTradeByAccount self-trade prevention per account (strategy instance id); others use {@code selfTrade}
     * @param fees fee tier per account; others pay {@code defaultFees}
     */
    public ExchangeVenue(String id, MarketSimulation simulation, long bandTicks, SelfTradePrevention selfTrade,
            Map<String, SelfTradePrevention> selfTradeByAccount, FeeTier defaultFees, Map<String, FeeTier> fees, VenueStore journal) {
        this.id = id;
        this.journal = journal;
        this.simulation = simulation;
        this.bandTicks = bandTicks;
        this.selfTrade = selfTrade;
        this.selfTradeByAccount = Map.copyOf(selfTradeByAccount);
        this.defaultFees = defaultFees;
        this.fees = Map.copyOf(fees);
        this.random = new SeededRandom(simulation.seed());
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
        replayJournal();
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
        if (!books.containsKey(instrument.id())) {
            write(() -> JournalFields.record("INSTRUMENT").add(instrument.id()).add(instrument.tickSize()).add(instrument.lotSize())
                    .add(instrument.currency()).add(instrument.minQuantity())
                    .add(instrument.hours().zone()));
            books.put(instrument.id(), new InstrumentBook(instrument, accounts));
        }
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
            write(() -> request(JournalFields.record("SUBMIT").add(time).add(account).add(orderId), r));
            enter(account, orderId, r, time);
        }
        outbox.report();
    }

    private void enter(String account, ClientOrderId orderId, OrderRequest r, Instant time) {
        now = time;
        InstrumentBook b = books.get(r.instrument());
        if (ids.containsKey(orderId) || ledger.knows(orderId)) {
            emit(new OrderEvent.Rejected(orderId, time, ReasonCode.DUPLICATE_ORDER_ID.code(), "order id " + orderId + " was used before"));
            return;
        }
        ledger.received(account, orderId, r, time);
        if (b == null) {
            emit(new OrderEvent.Rejected(orderId, time, ReasonCode.UNKNOWN_INSTRUMENT.code(), r.instrument() + " is not traded on " + id));
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
            emit(new OrderEvent.Rejected(orderId, time, ReasonCode.INVALID_PRECISION.code(), "more decimals than " + r.instrument() + " trades in: "
                    + e.getMessage()));
            return;
        }
        if (r.quantity().compareTo(b.instrument.minQuantity()) < 0) {
            emit(new OrderEvent.Rejected(orderId, time, ReasonCode.INVALID_QUANTITY.code(), "quantity " + r.quantity() + " is below the minimum "
                    + b.instrument.minQuantity() + " of " + r.instrument()));
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
            emit(new OrderEvent.Rejected(orderId, time, ReasonCode.UNSUPPORTED_ORDER_TYPE.code(), r.type() + " orders are not executed by venue " + id));
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
        java.time.LocalDate day = b.instrument.tradingDay(bar);
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
    public String costs() {
        return "commission: maker " + defaultFees.makerRate() + ", taker " + defaultFees.takerRate() + " millionths of notional"
                + (fees.isEmpty() ? "" : " (" + fees.size() + " accounts on tiers of their own)") + "; slippage: the book's depth; fills: what the book holds";
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
    /** Strategies' DAY orders by book id: the trading day (instrument's zone) of the first bar they met, null before. */
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
            write(() -> request(JournalFields.record("MODIFY").add(time).add(orderId), amended));
            applyModify(orderId, amended, time);
        }
        outbox.report();
    }

    private void applyModify(ClientOrderId orderId, OrderRequest amended, Instant time) {
        {
            now = time;
            long[] bookId = ids.get(orderId);
            Tracked t = bookId == null ? null : tracked.get(bookId[0]);
            if (t == null) {
                emit(new OrderEvent.ModifyRejected(orderId, time, ReasonCode.ORDER_CLOSED.code(), "order " + orderId + " is not working at " + id));
            } else {
                amend(t, bookId[0], amended, time);
            }
        }
    }

    private void amend(Tracked t, long bookId, OrderRequest amended, Instant time) {
        OrderRequest was = t.request();
        InstrumentBook b = books.get(t.instrument());
        if (amended.type() != was.type() || amended.side() != was.side() || !amended.instrument().equals(was.instrument())) {
            emit(new OrderEvent.ModifyRejected(t.clientId(), time, ReasonCode.NOT_AMENDABLE.code(), "only quantity and prices can change"));
            return;
        }
        if (!java.util.Objects.equals(amended.stopPrice(), was.stopPrice())) {
            emit(new OrderEvent.ModifyRejected(t.clientId(), time, ReasonCode.NOT_AMENDABLE.code(), "a stop price cannot change on " + id + "; cancel and enter again"));
            return;
        }
        long remaining;
        long price;
        try {
            long filled = was.quantity().unitsAt(b.sizeScale) - b.book.remaining(bookId);
            remaining = amended.quantity().unitsAt(b.sizeScale) - filled;
            price = amended.limitPrice() == null ? 0 : amended.limitPrice().unitsAt(b.priceScale);
        } catch (ArithmeticException e) {
            emit(new OrderEvent.ModifyRejected(t.clientId(), time, ReasonCode.INVALID_PRECISION.code(), "more decimals than " + t.instrument() + " trades in: "
                    + e.getMessage()));
            return;
        }
        if (remaining <= 0) {
            emit(new OrderEvent.ModifyRejected(t.clientId(), time, ReasonCode.INVALID_SIZE.code(), "the quantity " + amended.quantity()
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
            write(() -> JournalFields.record("CANCEL").add(time).add(orderId));
            applyCancel(orderId, time);
        }
        outbox.report();
    }

    private void applyCancel(ClientOrderId orderId, Instant time) {
        now = time;
        long[] bookId = ids.get(orderId);
        Tracked t = bookId == null ? null : tracked.get(bookId[0]);
        if (t != null) {
            books.get(t.instrument()).book.cancel(bookId[0]);
        }
    }

    @Override
    public void onBar(Bar bar) {
        synchronized (this) {
            if (books.containsKey(bar.instrument())) {
                write(() -> JournalFields.record("BAR").add(bar.instrument()).add(bar.time()).add(bar.open()).add(bar.high()).add(bar.low())
                        .add(bar.close()).add(bar.volume()));
                trade(bar);
                if (inputsSinceSnapshot >= compactAfter) {
                    compactNow();
                } else if (uncommitted >= COMMIT_AFTER) {
                    commitJournal();
                }
            }
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

    /** The platform's code for the book's reason: the same name (a test holds every reason to it). */
    static ReasonCode code(RejectReason reason) {
        return ReasonCode.valueOf(reason.name());
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
        if (mode == Mode.RESTORE) {
            return;
        }
        ledger.apply(e);
        if (mode == Mode.LIVE) {
            outbox.add(e);
        }
    }

    // ---- reconciliation --------------------------------------------------------------------------

    @Override
    public synchronized void openAccount(String account, Money startingCash) {
        if (ledger.openAccount(account, startingCash)) {
            write(() -> JournalFields.record("ACCOUNT").add(account).add(startingCash.toBigDecimal().toPlainString()));
            commitJournal();
        }
    }

    @Override
    public synchronized List<VenueOrder> openOrders(String account) {
        return ledger.openOrders(account);
    }

    @Override
    public synchronized Optional<VenueOrder> order(ClientOrderId orderId) {
        return ledger.order(orderId);
    }

    @Override
    public synchronized List<Fill> fillsSince(String account, Instant since) {
        return ledger.fillsSince(account, since);
    }

    @Override
    public synchronized VenueAccount account(String account) {
        return ledger.account(account);
    }

    // ---- the journal ---------------------------------------------------------------------------

    /** Writes an input down before it is applied, when live and the store keeps records. */
    private void write(Supplier<JournalFields> record) {
        if (mode == Mode.LIVE && journal.keepsRecords()) {
            journal.append(record.get().toString());
            inputsSinceSnapshot++;
            uncommitted++;
        }
    }

    private void commitJournal() {
        if (uncommitted > 0) {
            journal.commit();
            uncommitted = 0;
        }
    }

    private static JournalFields request(JournalFields f, OrderRequest r) {
        return f.add(r.instrument()).add(r.side()).add(r.type()).add(r.quantity()).add(r.limitPrice()).add(r.stopPrice()).add(r.timeInForce());
    }

    private static OrderRequest request(List<String> v, int from) {
        return new OrderRequest(InstrumentId.of(v.get(from)), io.quiver.sdk.model.Side.valueOf(v.get(from + 1)), OrderType.valueOf(v.get(from + 2)),
                Qty.of(v.get(from + 3)), price(v.get(from + 4)), price(v.get(from + 5)), null,
                io.quiver.sdk.model.TimeInForce.valueOf(v.get(from + 6)));
    }

    private static Price price(String s) {
        return s == null ? null : Price.of(s);
    }

    /** Rewrites the journal as a snapshot of the venue as it stands, so that a restart need not replay its history. */
    public synchronized void compact() {
        if (journal.keepsRecords()) {
            compactNow();
        }
    }

    private void compactNow() {
        uncommitted++; // whatever the last commit left, make it durable before the rewrite
        commitJournal();
        journal.rewrite(snapshot());
        inputsSinceSnapshot = 0;
    }

    /** The inputs since the last snapshot (or since the start): what a restart replays. */
    synchronized long inputsSinceSnapshot() {
        return inputsSinceSnapshot;
    }

    private void replayJournal() {
        if (!journal.keepsRecords()) {
            return;
        }
        boolean[] first = {true};
        mode = Mode.REPLAY;
        try {
            journal.replay(record -> {
                List<String> v = JournalFields.parse(record);
                if (first[0] && !"FORMAT".equals(v.get(0))) {
                    throw new IllegalStateException("venue " + id + ": the journal does not start with a FORMAT record; it is not an exchange journal");
                }
                first[0] = false;
                replay(v);
            });
        } finally {
            mode = Mode.LIVE;
        }
        if (first[0]) {
            journal.append(JournalFields.record("FORMAT").add(FORMAT).toString());
            uncommitted++;
        }
    }

    private void replay(List<String> v) {
        switch (v.get(0)) {
            case "FORMAT" -> {
                int format = Integer.parseInt(v.get(1));
                if (format != FORMAT) {
                    throw new IllegalStateException("venue " + id + ": journal format " + format + " is not the format this version reads ("
                            + FORMAT + ")");
                }
            }
            case "INSTRUMENT" -> {
                Qty lot = Qty.of(v.get(3));
                Instrument i = new Instrument(InstrumentId.of(v.get(1)), Price.of(v.get(2)), lot, v.get(4), v.size() > 5 ? Qty.of(v.get(5)) : lot,
                        io.quiver.sdk.model.AssetClass.OTHER, BigDecimal.ONE, v.size() > 6 ? new io.quiver.sdk.model.TradingHours(
                                java.time.ZoneId.of(v.get(6)), false, io.quiver.sdk.model.TradingHours.ALWAYS.sessions())
                                : io.quiver.sdk.model.TradingHours.ALWAYS); // only the zone matters here: it draws the day line
                books.putIfAbsent(i.id(), new InstrumentBook(i, accounts));
            }
            case "ACCOUNT" -> ledger.openAccount(v.get(1), Money.of(v.get(2)));
            case "SUBMIT" -> enter(v.get(2), ClientOrderId.of(v.get(3)), request(v, 4), Instant.parse(v.get(1)));
            case "MODIFY" -> applyModify(ClientOrderId.of(v.get(2)), request(v, 3), Instant.parse(v.get(1)));
            case "CANCEL" -> applyCancel(ClientOrderId.of(v.get(2)), Instant.parse(v.get(1)));
            case "BAR" -> trade(new Bar(InstrumentId.of(v.get(1)), Instant.parse(v.get(2)), Price.of(v.get(3)), Price.of(v.get(4)),
                    Price.of(v.get(5)), Price.of(v.get(6)), Qty.of(v.get(7))));
            default -> {
                restore(v);
                return;
            }
        }
        if (!"FORMAT".equals(v.get(0))) {
            inputsSinceSnapshot++;
        }
    }

    // ---- snapshots -----------------------------------------------------------------------------

    /**
     * The venue as records: its counters and seeded generator, its accounts in the order they were first
     * seen, each book with every live order in queue order, the strategies' orders, and the ledger.
     */
    private List<String> snapshot() {
        List<String> out = new ArrayList<>();
        out.add(JournalFields.record("FORMAT").add(FORMAT).toString());
        out.add(JournalFields.record("STATE").add(now).add(nextId).add(executions).add(random.state()).toString());
        accountNames.forEach(a -> out.add(JournalFields.record("ACCOUNT-ID").add(a).toString()));
        books.values().stream().sorted(java.util.Comparator.comparing(b -> b.instrument.id())).forEach(b -> {
            Instrument i = b.instrument;
            out.add(JournalFields.record("INSTRUMENT").add(i.id()).add(i.tickSize()).add(i.lotSize()).add(i.currency()).add(i.minQuantity())
                    .add(i.hours().zone()).toString());
            JournalFields book = JournalFields.record("BOOK").add(i.id()).add(b.book.lastTradePrice()).add(b.book.depthSequence());
            b.makerOrders.forEach(book::add);
            out.add(book.toString());
            b.book.orders((orderId, account, side, kind, tif, postOnly, price, stop, remaining) -> out.add(JournalFields.record("REST")
                    .add(i.id()).add(orderId).add(account).add(side).add(kind).add(tif).add(postOnly).add(price).add(stop).add(remaining)
                    .toString()));
            out.add(JournalFields.record("BOOK-END").add(i.id()).toString());
        });
        tracked.forEach((bookId, t) -> out.add(request(JournalFields.record("TRACKED").add(bookId).add(t.clientId()).add(t.account()),
                t.request()).toString()));
        daySessions.forEach((bookId, day) -> out.add(JournalFields.record("DAY").add(bookId).add(day).toString()));
        ledger.writeTo(out, now);
        return out;
    }

    private void restore(List<String> v) {
        switch (v.get(0)) {
            case "STATE" -> {
                now = Instant.parse(v.get(1));
                nextId = Long.parseLong(v.get(2));
                executions = Long.parseLong(v.get(3));
                random.restore(Long.parseLong(v.get(4)));
            }
            case "ACCOUNT-ID" -> accountId(v.get(1));
            case "BOOK" -> {
                InstrumentBook b = books.get(InstrumentId.of(v.get(1)));
                b.restoring = new long[] {Long.parseLong(v.get(2)), Long.parseLong(v.get(3))};
                for (int k = 4; k < v.size(); k++) {
                    b.makerOrders.add(Long.parseLong(v.get(k)));
                }
                b.book.depthListener(null); // placing the orders again is no change of depth
            }
            case "REST" -> {
                InstrumentBook b = books.get(InstrumentId.of(v.get(1)));
                mode = Mode.RESTORE;
                try {
                    b.book.place(Long.parseLong(v.get(2)), Long.parseLong(v.get(3)), Side.valueOf(v.get(4)), OrderKind.valueOf(v.get(5)),
                            TimeInForce.valueOf(v.get(6)), Boolean.parseBoolean(v.get(7)), Long.parseLong(v.get(8)), Long.parseLong(v.get(9)),
                            Long.parseLong(v.get(10)));
                } finally {
                    mode = Mode.REPLAY;
                }
            }
            case "BOOK-END" -> {
                InstrumentBook b = books.get(InstrumentId.of(v.get(1)));
                b.book.restoreMarket(b.restoring[0], b.restoring[1]);
                b.restoring = null;
                b.book.depthListener(b::depthChanged);
            }
            case "TRACKED" -> {
                long bookId = Long.parseLong(v.get(1));
                OrderRequest r = request(v, 4);
                Tracked t = new Tracked(ClientOrderId.of(v.get(2)), v.get(3), r.side(), r.instrument(), r);
                tracked.put(bookId, t);
                ids.put(t.clientId(), new long[] {bookId});
            }
            case "DAY" -> daySessions.put(Long.parseLong(v.get(1)), v.get(2) == null ? null : LocalDate.parse(v.get(2)));
            default -> {
                if (!ledger.read(v)) {
                    throw new IllegalStateException("venue " + id + ": unknown journal record " + v.get(0));
                }
            }
        }
    }
}
