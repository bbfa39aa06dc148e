package io.quiver.venue.sim;

import io.quiver.sdk.costs.FillCost;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.spi.JournalFields;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.model.TrailingOffset;
import io.quiver.sdk.spi.ExecutionListener;
import io.quiver.sdk.spi.MarketDataListener;
import io.quiver.sdk.spi.ReconcilableVenue;
import io.quiver.sdk.spi.VenueAccount;
import io.quiver.sdk.spi.VenueEventOutbox;
import io.quiver.sdk.spi.VenueOrder;
import io.quiver.sdk.spi.VenueSetup;
import io.quiver.sdk.spi.VenueStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A venue that fills orders from the bars it is shown, and from quotes and trade prints (see {@link #onQuote}).
 * An order only ever fills on a bar that arrives after it was submitted, so a strategy can never trade at a
 * price it could not have known:
 * <ul>
 * <li>market: the whole quantity at the next bar's open;</li>
 * <li>limit buy at L: at the open if the open is at or below L, else at L if the low reaches L (sells mirror);</li>
 * <li>stop buy at S: at the open if the open is at or above S, else at S if the high reaches S (sells mirror);</li>
 * <li>stop-limit buy at S, limit L: triggers like a stop (at the open beyond S, else at S), then fills at
 * that price if it is within L, else at L if the rest of the bar reaches L; from the next bar it is a
 * limit order (sells mirror).</li>
 * <li>trailing stop sell with offset D: its stop is the given stop price, else the last close this venue saw
 * minus D when it is accepted (the next bar's open minus D if it saw none yet);
 * on each bar it triggers like a stop at the level it had before the bar (at the open if the bar opened
 * beyond it, else at the stop), and fills there; otherwise the stop follows the bar's high minus D, never
 * down (buys mirror, with the low). The order of prices inside a bar is unknown, so a bar's own high never
 * tightens a stop that same bar could hit: the rule of the order manager's emulation, on the same bar.</li>
 * <li>IOC and FOK orders get one bar: filled on it or cancelled; a DAY order works through the trading
 * day (in the instrument's zone) of the first bar it is offered, and expires at the first bar of a later day (on daily bars:
 * it is offered the next bar, and expires at the one after); GTC orders work until filled or cancelled.</li>
 * </ul>
 * Every order type is native here, and working orders can be modified. What fills cost is {@link FillCosts}:
 * a commission model (with a minimum per order), a slippage model for orders that take liquidity (a
 * limit order filled at its limit on a bar that reached it made liquidity and does not slip; no fill is
 * ever worse than its limit), and optionally a largest share of each bar's volume the orders on it may
 * fill, oldest first, in whole lots (then orders fill in part and work on; a bar without volume fills nothing).
 *
 * <p>It keeps its own books like a broker: every order, fill and account balance is written to its
 * journal and committed before the event is reported, so after a crash it can be rebuilt from the journal
 * and reconciled against. Thread-safe; events are reported outside its lock.
 */
public final class BarFillSimulator implements ReconcilableVenue, MarketDataListener {
    private final String id;
    private final FillCosts costs;
    private final VenueStore journal;
    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    private final Map<InstrumentId, WorkingList> working = new HashMap<>();
    private final Map<ClientOrderId, Working> orders = new HashMap<>();
    private final Map<String, Book> accounts = new TreeMap<>();
    /** Events wait here until the journal is committed and the lock released. */
    private final VenueEventOutbox outbox;
    private volatile ExecutionListener listener;
    private long executions;
    /** What orders fill from: bars (the default), or quotes and trade prints. */
    public enum FillsFrom {
        BARS, TICKS
    }

    private volatile FillsFrom fillsFrom = FillsFrom.BARS;

    /** The last quoted spread by instrument, for slippage models that use it. */
    private final Map<InstrumentId, Price> spreads = new HashMap<>();

    private static final class Working {
        final String account;
        final ClientOrderId id;
        final Instant submitted;
        OrderRequest request;
        OrderStatus status;
        /** A DAY order's trading day: that of the first bar it was offered (null before). */
        java.time.LocalDate session;
        /** A stop-limit whose stop was reached: a limit order from then on. */
        boolean triggered;
        /** A limit order that met a quote or trade without filling: the market now comes to it, and it fills at its limit. */
        boolean rested;
        /** A trailing stop's stop level now, and the best price it trails (null before the first bar). */
        Price trailingStop;
        Price trailReference;
        Qty filled = Qty.ZERO;
        /** Commission the model asked for so far, and what was charged (at least the order minimum). */
        BigDecimal commissionDue = BigDecimal.ZERO;
        BigDecimal commissionCharged = BigDecimal.ZERO;

        Working(String account, ClientOrderId id, OrderRequest request, Instant submitted, OrderStatus status) {
            this.account = account;
            this.id = id;
            this.request = request;
            this.submitted = submitted;
            this.status = status;
        }
    }

    /** An instrument's working orders, oldest first, and its last close (where a trailing stop entered without a first stop starts). */
    private static final class WorkingList extends LinkedHashMap<ClientOrderId, Working> {
        private static final long serialVersionUID = 1L;
        transient Price lastClose;
    }

    private static final class Book {
        boolean funded;
        Money cash = Money.ZERO;
        final Map<InstrumentId, Qty> positions = new TreeMap<>();
        final List<Fill> fills = new ArrayList<>();
        /** Quantity traded per calendar month (UTC), for tiered commissions. */
        final Map<java.time.YearMonth, BigDecimal> monthVolume = new HashMap<>();
    }

    public BarFillSimulator(String id, BigDecimal feeBps) {
        this(id, feeBps, VenueSetup.noStore());
    }

    /** A venue charging {@code feeBps} of the notional, whose books live in {@code journal}. */
    public BarFillSimulator(String id, BigDecimal feeBps, VenueStore journal) {
        this(id, checkedFee(feeBps), journal);
    }

    private static FillCosts checkedFee(BigDecimal feeBps) {
        if (feeBps.signum() < 0) {
            throw new IllegalArgumentException("fee must not be negative, was " + feeBps + " bps");
        }
        return FillCosts.feeBps(feeBps);
    }

    /** A venue with these costs whose books live in {@code journal}; they are rebuilt from it here. */
    public BarFillSimulator(String id, FillCosts costs, VenueStore journal) {
        this.id = Objects.requireNonNull(id, "id");
        this.costs = Objects.requireNonNull(costs, "costs");
        this.journal = journal;
        this.outbox = new VenueEventOutbox(this, journal::commit, () -> listener);
        journal.replay(this::replay);
    }

    /** What orders fill from from now on: bars, or quotes and trade prints (the other kind then only marks prices). */
    public void fillFrom(FillsFrom source) {
        this.fillsFrom = Objects.requireNonNull(source, "source");
    }

    /** Makes an instrument tradable here. */
    public synchronized void addInstrument(Instrument instrument) {
        instruments.put(instrument.id(), instrument);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void open(ExecutionListener listener) {
        this.listener = listener;
    }

    @Override
    public void close() {
        this.listener = null;
    }

    @Override
    public boolean supportsNatively(OrderType type) {
        return true;
    }

    @Override
    public boolean supportsModify() {
        return true;
    }

    @Override
    public void submit(String account, ClientOrderId orderId, OrderRequest r, Instant time) {
        synchronized (this) {
            String problem;
            String code;
            Instrument instrument = instruments.get(r.instrument());
            if (orders.containsKey(orderId)) {
                code = ReasonCode.DUPLICATE_ORDER_ID.code();
                problem = "order id " + orderId + " was used before";
            } else if (instrument == null) {
                code = ReasonCode.UNKNOWN_INSTRUMENT.code();
                problem = r.instrument() + " is not traded on " + id;
            } else if (!supportsNatively(r.type())) {
                code = ReasonCode.UNSUPPORTED_ORDER_TYPE.code();
                problem = r.type() + " orders are not executed by venue " + id;
            } else {
                problem = quantityProblem(r.quantity(), instrument);
                code = problem == null ? null : ReasonCode.INVALID_QUANTITY.code();
                if (problem == null) {
                    problem = priceProblem(r, instrument);
                    code = problem == null ? null : ReasonCode.INVALID_PRICE.code();
                }
            }
            if (code != null) {
                if (!orders.containsKey(orderId)) {
                    write(() -> order(account, orderId, r, time, OrderStatus.REJECTED));
                    applyOrder(OrderStatus.REJECTED, time, account, orderId, r);
                }
                outbox.add(new OrderEvent.Rejected(orderId, time, code, problem));
            } else {
                write(() -> order(account, orderId, r, time, OrderStatus.ACCEPTED));
                applyOrder(OrderStatus.ACCEPTED, time, account, orderId, r);
                outbox.add(new OrderEvent.Accepted(orderId, time));
                WorkingList list = working.get(r.instrument());
                Price last = list == null ? null : list.lastClose;
                if (r.type() == OrderType.TRAILING_STOP && r.stopPrice() == null && last != null) {
                    trail(orders.get(orderId), last);
                }
            }
        }
        outbox.report();
    }

    private static JournalFields order(String account, ClientOrderId id, OrderRequest r, Instant time, OrderStatus status) {
        return JournalFields.record("ORDER").add(status).add(time).add(account).add(id).add(r.instrument()).add(r.side()).add(r.type())
                .add(r.quantity()).add(r.limitPrice()).add(r.stopPrice()).add(r.timeInForce()).add(r.trailingOffset());
    }

    private static String quantityProblem(Qty quantity, Instrument instrument) {
        if (!quantity.isPositive()) {
            return "quantity must be positive, was " + quantity;
        }
        if (!quantity.isMultipleOf(instrument.lotSize())) {
            return "quantity " + quantity + " is not a multiple of the lot size " + instrument.lotSize();
        }
        if (quantity.compareTo(instrument.minQuantity()) < 0) {
            return "quantity " + quantity + " is below the minimum " + instrument.minQuantity() + " of " + instrument.id();
        }
        return null;
    }

    private static String priceProblem(OrderRequest r, Instrument instrument) {
        if (r.type() == OrderType.MARKET) {
            return r.limitPrice() == null && r.stopPrice() == null ? null : "a market order takes no limit or stop price";
        }
        if (r.type() == OrderType.TRAILING_STOP) {
            if (r.trailingOffset() == null) {
                return "a trailing stop needs a trailing offset";
            }
            if (r.stopPrice() != null && (r.stopPrice().signum() <= 0 || !r.stopPrice().isMultipleOf(instrument.tickSize()))) {
                return "the first stop price " + r.stopPrice() + " must be positive and a multiple of the tick size " + instrument.tickSize();
            }
            return r.limitPrice() == null ? null : "a trailing stop takes no limit price";
        }
        if (r.type() == OrderType.STOP_LIMIT) {
            String stop = priceProblem(new OrderRequest(r.instrument(), r.side(), OrderType.STOP, r.quantity(), null, r.stopPrice(), null,
                    r.timeInForce()), instrument);
            return stop != null ? stop : priceProblem(new OrderRequest(r.instrument(), r.side(), OrderType.LIMIT, r.quantity(), r.limitPrice(), null,
                    null, r.timeInForce()), instrument);
        }
        String name = r.type() == OrderType.LIMIT ? "limit" : "stop";
        Price price = r.type() == OrderType.LIMIT ? r.limitPrice() : r.stopPrice();
        if (price == null) {
            return "a " + name + " order needs a " + name + " price";
        }
        if (price.signum() <= 0) {
            return name + " price must be positive, was " + price;
        }
        if (!price.isMultipleOf(instrument.tickSize())) {
            return name + " price " + price + " is not a multiple of the tick size " + instrument.tickSize();
        }
        return null;
    }

    @Override
    public void cancel(ClientOrderId orderId, Instant time) {
        synchronized (this) {
            Working w = orders.get(orderId);
            if (w != null && isWorking(w)) {
                close(w, OrderStatus.CANCELLED);
                outbox.add(new OrderEvent.Cancelled(orderId, time, "cancelled on request"));
            }
        }
        outbox.report();
    }

    @Override
    public void modify(ClientOrderId orderId, OrderRequest amended, Instant time) {
        synchronized (this) {
            Working w = orders.get(orderId);
            Instrument instrument = w == null ? null : instruments.get(w.request.instrument());
            if (w == null || !isWorking(w)) {
                outbox.add(new OrderEvent.ModifyRejected(orderId, time, ReasonCode.ORDER_CLOSED.code(), "order " + orderId + " is not working at " + id));
            } else if (amended.quantity().compareTo(w.filled) <= 0) {
                outbox.add(new OrderEvent.ModifyRejected(orderId, time, ReasonCode.INVALID_QUANTITY.code(),
                        "quantity " + amended.quantity() + " is not above the " + w.filled + " filled already"));
            } else if (amended.type() != w.request.type() || amended.side() != w.request.side()
                    || !amended.instrument().equals(w.request.instrument())) {
                outbox.add(new OrderEvent.ModifyRejected(orderId, time, ReasonCode.NOT_AMENDABLE.code(),
                        "only quantity and prices can change"));
            } else {
                String problem = instrument == null ? null : quantityProblem(amended.quantity(), instrument);
                String code = ReasonCode.INVALID_QUANTITY.code();
                if (problem == null && instrument != null) {
                    problem = priceProblem(amended, instrument);
                    code = ReasonCode.INVALID_PRICE.code();
                }
                if (problem != null) {
                    outbox.add(new OrderEvent.ModifyRejected(orderId, time, code, problem));
                } else {
                    write(() -> JournalFields.record("AMEND").add(orderId).add(amended.quantity()).add(amended.limitPrice())
                            .add(amended.stopPrice()));
                    w.request = w.request.amended(amended.quantity(), amended.limitPrice(), amended.stopPrice());
                    if (w.request.type() == OrderType.TRAILING_STOP && amended.stopPrice() != null) {
                        w.trailingStop = amended.stopPrice(); // the new level; it trails on from there
                    }
                    outbox.add(new OrderEvent.Modified(orderId, time, amended.quantity(), amended.limitPrice(), amended.stopPrice()));
                }
            }
        }
        outbox.report();
    }

    /** Ids of the orders working here now, in submission order. */
    public synchronized List<ClientOrderId> workingOrders() {
        List<ClientOrderId> ids = new ArrayList<>();
        working.values().forEach(m -> ids.addAll(m.keySet()));
        return ids;
    }

    /** Keeps the instrument's spread for slippage models that use it. */
    /** A quote: buys meet its ask, sells its bid (a side without a price fills nothing); sizes bound fills under a volume share. */
    @Override
    public void onQuote(io.quiver.sdk.model.Quote quote) {
        synchronized (this) {
            if (quote.bid() != null && quote.ask() != null) {
                spreads.put(quote.instrument(), Price.of(quote.ask().toBigDecimal().subtract(quote.bid().toBigDecimal())));
            }
            if (fillsFrom != FillsFrom.TICKS) {
                return;
            }
            onPrice(quote.instrument(), quote.time(), quote.ask(), quote.bid(), quote.askSize(), quote.bidSize());
        }
        outbox.report();
    }

    /** A trade print: buys and sells meet its price; its size bounds fills under a volume share. */
    @Override
    public void onTrade(io.quiver.sdk.model.Trade trade) {
        if (fillsFrom != FillsFrom.TICKS) {
            return;
        }
        synchronized (this) {
            onPrice(trade.instrument(), trade.time(), trade.price(), trade.price(), trade.size(), trade.size());
        }
        outbox.report();
    }

    /**
     * Fills and expires the working orders of an instrument on a quote or trade, oldest first. Each order meets
     * one price, {@code buyAt} for buys and {@code sellAt} for sells:
     * <ul>
     * <li>market: at that price;</li>
     * <li>limit: at that price if it is within the limit on the first quote or trade the order meets (it takes);
     * once it has rested through one, at its limit when the price reaches it (the market came to it: it makes);</li>
     * <li>stop: when the price reaches the stop, at that price; a stop-limit is then a limit that has not rested;</li>
     * <li>trailing stop: as a stop at the level it had, then the level follows the price;</li>
     * <li>IOC and FOK: one quote or trade; DAY: expires at the first one of a later trading day.</li>
     * </ul>
     */
    private void onPrice(InstrumentId id, Instant time, Price buyAt, Price sellAt, Qty buySize, Qty sellSize) {
        WorkingList list = working.get(id);
        if (list == null) {
            if (!instruments.containsKey(id)) {
                return;
            }
            list = new WorkingList();
            working.put(id, list);
        }
        Price last = buyAt != null && sellAt != null ? Price.of(buyAt.toBigDecimal().add(sellAt.toBigDecimal()).divide(BigDecimal.valueOf(2)))
                : buyAt != null ? buyAt : sellAt;
        if (last != null) {
            list.lastClose = last;
        }
        if (list.isEmpty()) {
            return;
        }
        Instrument instrument = instruments.get(id);
        BigDecimal share = costs.maxVolumeShare();
        BigDecimal buyRoom = share == null ? null : buySize == null ? BigDecimal.ZERO : buySize.toBigDecimal().multiply(share);
        BigDecimal sellRoom = share == null ? null : sellSize == null ? BigDecimal.ZERO : sellSize.toBigDecimal().multiply(share);
        for (Working w : List.copyOf(list.values())) {
            OrderRequest r = w.request;
            boolean buy = r.side() == Side.BUY;
            if (r.timeInForce() == TimeInForce.DAY) {
                java.time.LocalDate day = instrument.hours().tradingDay(time);
                if (w.session == null) {
                    w.session = day;
                    write(() -> JournalFields.record("SESSION").add(w.id).add(day.toString()));
                } else if (day.isAfter(w.session)) {
                    close(w, OrderStatus.EXPIRED);
                    outbox.add(new OrderEvent.Expired(w.id, time));
                    continue;
                }
            }
            Price p = buy ? buyAt : sellAt;
            if (p == null) {
                continue;
            }
            Price price = null;
            boolean maker = false;
            switch (r.type()) {
                case MARKET -> price = p;
                case STOP -> price = reached(r.side(), p, r.stopPrice(), true) ? p : null;
                case TRAILING_STOP -> {
                    if (w.trailingStop == null) {
                        w.trailingStop = r.stopPrice();
                        if (w.trailingStop == null) {
                            trail(w, p);
                        }
                    }
                    if (reached(r.side(), p, w.trailingStop, true)) {
                        outbox.add(new OrderEvent.Triggered(w.id, time, p));
                        price = p;
                    } else {
                        trail(w, p);
                    }
                }
                case LIMIT, STOP_LIMIT -> {
                    if (r.type() == OrderType.STOP_LIMIT && !w.triggered) {
                        if (!reached(r.side(), p, r.stopPrice(), true)) {
                            break;
                        }
                        w.triggered = true;
                        write(() -> JournalFields.record("TRIGGER").add(w.id));
                        outbox.add(new OrderEvent.Triggered(w.id, time, p));
                    }
                    if (reached(r.side(), p, r.limitPrice(), false)) {
                        maker = w.rested;
                        price = w.rested ? r.limitPrice() : p;
                    } else if (!w.rested) {
                        w.rested = true;
                        write(() -> JournalFields.record("RESTED").add(w.id));
                    }
                }
                default -> throw new IllegalStateException(r.type() + " is not native here");
            }
            boolean oneEvent = r.timeInForce() == TimeInForce.IOC || r.timeInForce() == TimeInForce.FOK;
            if (price != null) {
                Qty remaining = r.quantity().minus(w.filled);
                BigDecimal room = buy ? buyRoom : sellRoom;
                Qty qty = room == null ? remaining : lotsIn(room, instrument).min(remaining);
                if (r.timeInForce() == TimeInForce.FOK && qty.compareTo(remaining) < 0) {
                    qty = Qty.ZERO;
                }
                if (qty.isPositive()) {
                    if (room != null) {
                        if (buy) {
                            buyRoom = buyRoom.subtract(qty.toBigDecimal());
                        } else {
                            sellRoom = sellRoom.subtract(qty.toBigDecimal());
                        }
                    }
                    Qty size = buy ? buySize : sellSize;
                    Price at = maker ? price : slipped(r, price, qty, size == null ? Qty.ZERO : size, id, instrument);
                    outbox.add(fill(w, qty, at, maker, time));
                }
            }
            if (oneEvent && isWorking(w)) {
                close(w, OrderStatus.CANCELLED);
                outbox.add(new OrderEvent.Cancelled(w.id, time, r.timeInForce() + " order not filled on the first quote or trade"
                        + (w.filled.isPositive() ? " beyond " + w.filled : "")));
            }
        }
    }

    /**
     * Whether {@code price} has reached {@code level} for an order on {@code side}: a stop buy (or a limit sell)
     * at or above it, a stop sell (or a limit buy) at or below it.
     */
    private static boolean reached(Side side, Price price, Price level, boolean stop) {
        int c = price.compareTo(level);
        return (side == Side.BUY) == stop ? c >= 0 : c <= 0;
    }

    /** Fills and expires the orders working on the bar's instrument, oldest first. */
    @Override
    public void onBar(Bar bar) {
        synchronized (this) {
            WorkingList list = working.get(bar.instrument());
            if (list == null) {
                if (!instruments.containsKey(bar.instrument())) {
                    return;
                }
                list = new WorkingList();
                working.put(bar.instrument(), list);
            }
            list.lastClose = bar.close();
            if (list.isEmpty() || fillsFrom == FillsFrom.TICKS) {
                return;
            }
            Instrument instrument = instruments.get(bar.instrument());
            // what is left of the bar's volume for the orders on it (null: no limit)
            BigDecimal room = costs.maxVolumeShare() == null ? null : bar.volume().toBigDecimal().multiply(costs.maxVolumeShare());
            for (Working w : List.copyOf(list.values())) {
                OrderRequest r = w.request;
                if (r.timeInForce() == TimeInForce.DAY) {
                    java.time.LocalDate day = instruments.get(bar.instrument()).tradingDay(bar);
                    if (w.session == null) {
                        w.session = day;
                        write(() -> JournalFields.record("SESSION").add(w.id).add(day.toString()));
                    } else if (day.isAfter(w.session)) {
                        close(w, OrderStatus.EXPIRED);
                        outbox.add(new OrderEvent.Expired(w.id, bar.time()));
                        continue;
                    }
                }
                Price price;
                boolean maker = false;
                if (r.type() == OrderType.TRAILING_STOP) {
                    price = trailingFill(w, bar);
                } else if (r.type() == OrderType.STOP_LIMIT && !w.triggered) {
                    Price at = fillPrice(as(r, OrderType.STOP), bar);
                    if (at == null) {
                        continue;
                    }
                    w.triggered = true;
                    write(() -> JournalFields.record("TRIGGER").add(w.id));
                    outbox.add(new OrderEvent.Triggered(w.id, bar.time(), at));
                    price = limitAfterTrigger(r, at, bar);
                } else {
                    OrderRequest rule = r.type() == OrderType.STOP_LIMIT ? as(r, OrderType.LIMIT) : r;
                    price = fillPrice(rule, bar);
                    maker = rule.type() == OrderType.LIMIT && price != null && !marketable(rule, bar.open());
                }
                boolean oneBar = r.timeInForce() == TimeInForce.IOC || r.timeInForce() == TimeInForce.FOK;
                if (price != null) {
                    Qty remaining = r.quantity().minus(w.filled);
                    Qty qty = room == null ? remaining : lotsIn(room, instrument).min(remaining);
                    if (r.timeInForce() == TimeInForce.FOK && qty.compareTo(remaining) < 0) {
                        qty = Qty.ZERO; // all or nothing
                    }
                    if (qty.isPositive()) {
                        if (room != null) {
                            room = room.subtract(qty.toBigDecimal());
                        }
                        Price at = maker ? price : slipped(r, price, qty, bar, instrument);
                        outbox.add(fill(w, qty, at, maker, bar.time()));
                    }
                }
                if (oneBar && isWorking(w)) {
                    close(w, OrderStatus.CANCELLED);
                    outbox.add(new OrderEvent.Cancelled(w.id, bar.time(), r.timeInForce() + " order not filled on the first bar"
                            + (w.filled.isPositive() ? " beyond " + w.filled : "")));
                }
            }
        }
        outbox.report();
    }

    /**
     * Where a trailing stop fills on this bar, or null: checked at the level it had before the bar, and
     * only then moved with the bar's best price. Every move is journaled.
     */
    private Price trailingFill(Working w, Bar bar) {
        OrderRequest r = w.request;
        boolean buy = r.side() == Side.BUY;
        if (w.trailingStop == null) {
            w.trailingStop = r.stopPrice();
            if (w.trailingStop == null) {
                trail(w, bar.open());
            }
        }
        Price stop = w.trailingStop;
        if (buy ? bar.high().compareTo(stop) >= 0 : bar.low().compareTo(stop) <= 0) {
            Price at = (buy ? bar.open().compareTo(stop) >= 0 : bar.open().compareTo(stop) <= 0) ? bar.open() : stop;
            outbox.add(new OrderEvent.Triggered(w.id, bar.time(), at));
            return at;
        }
        trail(w, buy ? bar.low() : bar.high());
        return null;
    }

    /** Moves a trailing stop toward the market if {@code best} improves on its reference; never back. */
    private void trail(Working w, Price best) {
        boolean buy = w.request.side() == Side.BUY;
        if (w.trailReference != null && (buy ? best.compareTo(w.trailReference) >= 0 : best.compareTo(w.trailReference) <= 0)) {
            return;
        }
        Price stop = w.request.trailingOffset().stopFor(w.request.side(), best, instruments.get(w.request.instrument()).tickSize());
        Price next = w.trailingStop == null ? stop
                : buy ? (stop.compareTo(w.trailingStop) < 0 ? stop : w.trailingStop) : (stop.compareTo(w.trailingStop) > 0 ? stop : w.trailingStop);
        write(() -> JournalFields.record("TRAILED").add(w.id).add(next).add(best));
        w.trailingStop = next;
        w.trailReference = best;
    }

    /** The same order read as another type (a stop-limit's stop or limit part), for the fill rules. */
    private static OrderRequest as(OrderRequest r, OrderType type) {
        return new OrderRequest(r.instrument(), r.side(), type, r.quantity(), r.limitPrice(), r.stopPrice(), null, r.timeInForce());
    }

    /**
     * A stop-limit triggered at {@code at} on this bar is a limit order from there on: it fills at once if
     * {@code at} is within the limit, else at the limit if the rest of the bar comes back to it.
     */
    private static Price limitAfterTrigger(OrderRequest r, Price at, Bar bar) {
        Price limit = r.limitPrice();
        boolean buy = r.side() == Side.BUY;
        if (buy ? at.compareTo(limit) <= 0 : at.compareTo(limit) >= 0) {
            return at;
        }
        return (buy ? bar.low().compareTo(limit) <= 0 : bar.high().compareTo(limit) >= 0) ? limit : null;
    }

    /** The price the order fills at on this bar, or null if it does not fill. */
    static Price fillPrice(OrderRequest r, Bar bar) {
        boolean buy = r.side() == Side.BUY;
        switch (r.type()) {
            case MARKET:
                return bar.open();
            case LIMIT: {
                Price limit = r.limitPrice();
                if (buy ? bar.open().compareTo(limit) <= 0 : bar.open().compareTo(limit) >= 0) {
                    return bar.open();
                }
                return (buy ? bar.low().compareTo(limit) <= 0 : bar.high().compareTo(limit) >= 0) ? limit : null;
            }
            case STOP: {
                Price stop = r.stopPrice();
                if (buy ? bar.open().compareTo(stop) >= 0 : bar.open().compareTo(stop) <= 0) {
                    return bar.open();
                }
                return (buy ? bar.high().compareTo(stop) >= 0 : bar.low().compareTo(stop) <= 0) ? stop : null;
            }
            default:
                throw new IllegalStateException(r.type() + " is not native here");
        }
    }

    /** The price after slippage, never beyond the order's limit: a limit order fills at its limit or better. */
    private Price slipped(OrderRequest r, Price price, Qty qty, Bar bar, Instrument instrument) {
        return slipped(r, price, qty, bar.volume(), bar.instrument(), instrument);
    }

    private Price slipped(OrderRequest r, Price price, Qty qty, Qty volume, InstrumentId id, Instrument instrument) {
        Price at = costs.slippage().apply(r.side(), price, qty, volume, spreads.get(id), instrument.tickSize());
        Price limit = r.type() == OrderType.LIMIT || r.type() == OrderType.STOP_LIMIT ? r.limitPrice() : null;
        if (limit == null) {
            return at;
        }
        return r.side() == Side.BUY ? (at.compareTo(limit) > 0 ? limit : at) : (at.compareTo(limit) < 0 ? limit : at);
    }

    /** Whether a limit order can trade at {@code open} at once (then it takes liquidity). */
    private static boolean marketable(OrderRequest limitOrder, Price open) {
        int c = open.compareTo(limitOrder.limitPrice());
        return limitOrder.side() == Side.BUY ? c <= 0 : c >= 0;
    }

    /** The whole lots of the instrument in {@code quantity}. */
    private static Qty lotsIn(BigDecimal quantity, Instrument instrument) {
        BigDecimal lot = instrument.lotSize().toBigDecimal();
        BigDecimal lots = quantity.signum() <= 0 ? BigDecimal.ZERO : quantity.divide(lot, 0, java.math.RoundingMode.FLOOR);
        return Qty.of(lots.multiply(lot));
    }

    private OrderEvent fill(Working w, Qty qty, Price price, boolean maker, Instant time) {
        Book book = accounts.get(w.account);
        BigDecimal month = book.monthVolume.getOrDefault(java.time.YearMonth.from(time.atOffset(ZoneOffset.UTC)), BigDecimal.ZERO);
        Money due = costs.commission().commission(new FillCost(w.request.instrument(), w.request.side(), qty, price, maker, month));
        // an order pays at least the minimum over all its fills, charged as early as it is due
        BigDecimal total = w.commissionDue.add(due.toBigDecimal());
        if (costs.orderMinimum().toBigDecimal().signum() > 0) {
            total = total.max(costs.orderMinimum().toBigDecimal()); // without a minimum, a maker rebate stays a rebate
        }
        Money fee = Money.of(total.subtract(w.commissionCharged));
        String execution = id + "-" + (executions + 1);
        write(() -> JournalFields.record("FILL").add(w.id).add(execution).add(qty).add(price).add(fee.toBigDecimal().toPlainString())
                .add(time).add(due.toBigDecimal().toPlainString()));
        Fill fill = applyFill(w, execution, qty, price, fee, due, time);
        return new OrderEvent.Filled(w.id, time, fill, w.status);
    }

    private static boolean isWorking(Working w) {
        return w.status == OrderStatus.ACCEPTED || w.status == OrderStatus.PARTIALLY_FILLED;
    }

    // ---- reconciliation ------------------------------------------------------------------------

    @Override
    public synchronized void openAccount(String account, Money startingCash) {
        Book book = accounts.get(account);
        if (book == null || !book.funded) {
            write(() -> JournalFields.record("ACCOUNT").add(account).add(startingCash.toBigDecimal().toPlainString()));
            applyAccount(account, startingCash);
            journal.commit();
        }
    }

    @Override
    public synchronized List<VenueOrder> openOrders(String account) {
        List<VenueOrder> list = new ArrayList<>();
        working.values().forEach(m -> m.values().forEach(w -> {
            if (w.account.equals(account)) {
                list.add(view(w));
            }
        }));
        return list;
    }

    @Override
    public synchronized Optional<VenueOrder> order(ClientOrderId orderId) {
        Working w = orders.get(orderId);
        return w == null ? Optional.empty() : Optional.of(view(w));
    }

    private static VenueOrder view(Working w) {
        return new VenueOrder(w.account, w.id, w.request, w.status, w.filled);
    }

    @Override
    public synchronized List<Fill> fillsSince(String account, Instant since) {
        Book book = accounts.get(account);
        return book == null ? List.of() : book.fills.stream().filter(f -> !f.time().isBefore(since)).toList();
    }

    @Override
    public synchronized VenueAccount account(String account) {
        Book book = accounts.get(account);
        return book == null ? new VenueAccount(account, Money.ZERO, Map.of()) : new VenueAccount(account, book.cash, book.positions);
    }

    // ---- the journal -------------------------------------------------------------------------

    /** Writes a change down if the journal keeps records; the caller applies it (replay applies the text). */
    private void write(Supplier<JournalFields> record) {
        if (journal.keepsRecords()) {
            journal.append(record.get().toString());
        }
    }

    /** Calls made by this thread inside are committed once, at the end, and reported after that. */
    @Override
    public void inBatch(Runnable calls) {
        outbox.inBatch(calls);
    }

    @Override
    public boolean batches() {
        return true;
    }

    @Override
    public String costs() {
        return costs.describe();
    }

    /** Replays one journal line. */
    private void replay(String record) {
        List<String> v = JournalFields.parse(record);
        switch (v.get(0)) {
            case "ACCOUNT" -> applyAccount(v.get(1), Money.of(v.get(2)));
            case "ORDER" -> applyOrder(OrderStatus.valueOf(v.get(1)), Instant.parse(v.get(2)), v.get(3), ClientOrderId.of(v.get(4)),
                    new OrderRequest(InstrumentId.of(v.get(5)), Side.valueOf(v.get(6)), OrderType.valueOf(v.get(7)), Qty.of(v.get(8)),
                            price(v.get(9)), price(v.get(10)), v.size() > 12 && v.get(12) != null ? TrailingOffset.parse(v.get(12)) : null,
                            TimeInForce.valueOf(v.get(11))));
            case "AMEND" -> {
                Working w = orders.get(ClientOrderId.of(v.get(1)));
                w.request = w.request.amended(Qty.of(v.get(2)), price(v.get(3)), price(v.get(4)));
                if (w.request.type() == OrderType.TRAILING_STOP && v.get(4) != null) {
                    w.trailingStop = Price.of(v.get(4));
                }
            }
            case "TRIGGER" -> orders.get(ClientOrderId.of(v.get(1))).triggered = true;
            case "RESTED" -> orders.get(ClientOrderId.of(v.get(1))).rested = true;
            case "TRAILED" -> {
                Working w = orders.get(ClientOrderId.of(v.get(1)));
                w.trailingStop = Price.of(v.get(2));
                w.trailReference = Price.of(v.get(3));
            }
            case "SESSION" -> orders.get(ClientOrderId.of(v.get(1))).session = java.time.LocalDate.parse(v.get(2));
            case "CLOSE" -> setStatus(orders.get(ClientOrderId.of(v.get(1))), OrderStatus.valueOf(v.get(2)));
            case "FILL" -> applyFill(orders.get(ClientOrderId.of(v.get(1))), v.get(2), Qty.of(v.get(3)), Price.of(v.get(4)), Money.of(v.get(5)),
                    Money.of(v.size() > 7 ? v.get(7) : v.get(5)), Instant.parse(v.get(6)));
            default -> throw new IllegalStateException("venue " + id + ": unknown journal record " + v.get(0));
        }
    }

    private static Price price(String s) {
        return s == null ? null : Price.of(s);
    }

    private void applyAccount(String account, Money deposit) {
        Book b = accounts.computeIfAbsent(account, k -> new Book());
        b.funded = true;
        b.cash = b.cash.plus(deposit);
    }

    private void applyOrder(OrderStatus status, Instant time, String account, ClientOrderId orderId, OrderRequest r) {
        Working w = new Working(account, orderId, r, time, status);
        orders.put(w.id, w);
        accounts.computeIfAbsent(w.account, k -> new Book());
        if (w.status == OrderStatus.ACCEPTED) {
            working.computeIfAbsent(r.instrument(), k -> new WorkingList()).put(w.id, w);
        }
    }

    private Fill applyFill(Working w, String execution, Qty qty, Price price, Money fee, Money due, Instant time) {
        executions++;
        Fill fill = new Fill(w.id, execution, w.account, w.request.instrument(), w.request.side(), qty, price, fee, time);
        Book b = accounts.get(w.account);
        b.fills.add(fill);
        Money notional = price.times(qty);
        b.cash = (w.request.side() == Side.BUY ? b.cash.minus(notional) : b.cash.plus(notional)).minus(fee);
        Qty pos = b.positions.getOrDefault(w.request.instrument(), Qty.ZERO).plus(fill.signedQuantity());
        if (pos.isZero()) {
            b.positions.remove(w.request.instrument());
        } else {
            b.positions.put(w.request.instrument(), pos);
        }
        b.monthVolume.merge(java.time.YearMonth.from(time.atOffset(ZoneOffset.UTC)), qty.toBigDecimal(), BigDecimal::add);
        w.filled = w.filled.plus(qty);
        w.commissionDue = w.commissionDue.add(due.toBigDecimal());
        w.commissionCharged = w.commissionCharged.add(fee.toBigDecimal());
        if (w.filled.compareTo(w.request.quantity()) >= 0) {
            setStatus(w, OrderStatus.FILLED);
        } else {
            w.status = OrderStatus.PARTIALLY_FILLED;
        }
        return fill;
    }

    /** Closes a working order as cancelled or expired, journaled. */
    private void close(Working w, OrderStatus status) {
        write(() -> JournalFields.record("CLOSE").add(w.id).add(status));
        setStatus(w, status);
    }

    private void setStatus(Working w, OrderStatus status) {
        w.status = status;
        Map<ClientOrderId, Working> list = working.get(w.request.instrument());
        if (list != null) {
            list.remove(w.id);
        }
    }
}
