package io.quiver.oms;

import io.quiver.oms.OrderStateMachine.IllegalOrderTransitionException;
import io.quiver.oms.OrderStateMachine.Kind;
import io.quiver.sdk.ClientOrderIdConflictException;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Position;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Quote;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.model.Trade;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;
import io.quiver.sdk.spi.Venue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order manager: every order of every strategy passes through it on its way to a venue, in backtest,
 * paper and live alike. It owns the order state machine, emulates the order types a venue lacks (stops,
 * stop-limits, trailing stops, OCO, brackets) from the market data it is shown, makes order entry
 * idempotent on the client order id, books fills into per-strategy accounts, and journals everything so
 * that a new instance built on the same journal is in the state of the last commit.
 *
 * <p><b>Acknowledged</b> means committed to the journal: an order is journaled before it is sent to a
 * venue, and an event is journaled and committed before any strategy or caller hears of it.
 *
 * <p>Thread-safe. The lock is never held while a venue is called (venues call back on their own threads),
 * except to read a reconcilable venue's books during {@link #reconcile}; sinks are called under the lock,
 * in journal order, and must not block.
 */
public final class OrderManager implements OrderService {
    private static final Logger LOG = LoggerFactory.getLogger(OrderManager.class);

    private final OrderJournal journal;
    private final Function<String, Venue> venues;
    private final Supplier<Instant> clock;
    private final Map<ClientOrderId, WorkingOrder> orders = new LinkedHashMap<>();
    private final Map<String, AccountEntry> accounts = new TreeMap<>();
    /** Per strategy: its open orders in entry order, and how many it has entered; strategies ask every bar. */
    private final Map<String, LinkedHashMap<ClientOrderId, WorkingOrder>> openByStrategy = new HashMap<>();
    private final Map<String, int[]> countByStrategy = new HashMap<>();
    private final Map<String, OrderEventSink> sinks = new HashMap<>();
    private final Set<String> executions = new HashSet<>();
    private final Map<InstrumentId, List<WorkingOrder>> held = new HashMap<>();
    /** OCO and bracket groups by name, so an order finds its group without a scan of every order. */
    private final Map<String, List<WorkingOrder>> groups = new HashMap<>();
    /** Orders closed before this were forgotten by a compaction (null: none). */
    private Instant forgottenBefore;
    // read by market data outside the lock (to draw the day line), written when a feed appears
    private final Map<InstrumentId, Instrument> instruments = new java.util.concurrent.ConcurrentHashMap<>();
    private final OrderChecks checks = new OrderChecks(instruments);
    private final Contingencies contingencies;
    private final StopEmulation stops = new StopEmulation(instruments::get, new StopEmulation.Actions() {
        @Override
        public void trailed(WorkingOrder w, Instant time, Price stop, Price best) {
            record(new JournalRecords.Trailed(w.id, time, stop, best));
        }

        @Override
        public void triggered(WorkingOrder w, Price price, Instant time) {
            trigger(w, price, time);
        }
    });
    private final Map<InstrumentId, Price> lastPrice = new HashMap<>();
    /** The accounts that book each instrument: a new price marks these alone (with many accounts, most book few instruments). */
    private final Map<InstrumentId, List<Account>> bookedBy = new HashMap<>();
    /** Reference prices for the risk checks: the last trade, else the mid quote, else the last close. */
    private final Map<InstrumentId, Price> lastTrade = new HashMap<>();
    private final Map<InstrumentId, Price> lastMid = new HashMap<>();
    private final Map<InstrumentId, Price> lastClose = new HashMap<>();
    private final Exposures exposures = new Exposures();
    private final RiskBooks books = new RiskBooks(instruments::get, strategyId -> {
        AccountEntry a = accounts.get(strategyId);
        return a == null ? null : a.account();
    }, exposures, openByStrategy, orders.values(), new RiskBooks.ReferencePrices(lastTrade, lastMid, lastClose), () -> this.gate);
    private PreTradeGate gate = PreTradeGate.NONE;
    private final Set<String> haltedVenues = new HashSet<>();
    /** Since start: venue events the state machine refused, and rejections by reason code (replay counts nothing). */
    private long refusedVenueEvents;
    private final Map<String, Long> rejectionsByCode = new java.util.TreeMap<>();
    private final Map<String, ReconciliationReport> lastReports = new TreeMap<>();
    private final ArrayDeque<Runnable> deliveries = new ArrayDeque<>();
    private final List<VenueCommand> venueCommands = new ArrayList<>();
    /** The batch the current thread is in, if any: what its operations left to do after one commit. */
    /**
     * The calling thread's batch in [0] (null outside one) and a spare in [1]: a holder, because a ThreadLocal.remove and a new
     * batch on every strategy callback cost a backtest more than the batch itself.
     */
    private final ThreadLocal<Batch[]> batch = ThreadLocal.withInitial(() -> new Batch[2]);
    private boolean replaying;
    private boolean dirty;
    private int depth;

    private record AccountEntry(String venueId, Account account) {
    }

    /**
     * Builds the order manager and replays {@code journal} into it. {@code venues} resolves a venue id to
     * the venue (null while it is away).
     */
    public OrderManager(OrderJournal journal, Function<String, Venue> venues, Supplier<Instant> clock) {
        this.journal = journal;
        this.venues = venues;
        this.clock = clock;
        this.contingencies = new Contingencies(orders::get, venues, clock, new ContingencyActions());
        replaying = true;
        boolean[] empty = {true};
        try {
            journal.replay(line -> {
                empty[0] = false;
                apply(JournalRecords.decode(line, orders));
            });
        } finally {
            replaying = false;
        }
        if (empty[0] && journal.keepsRecords()) {
            journal.append(new JournalRecords.Format(JournalRecords.Format.CURRENT).encode().toString());
            journal.commit();
        }
    }

    // ---- set-up ------------------------------------------------------------------------------

    /** Makes an instrument's tick and lot known, so orders on it are checked before they are sent. */
    public synchronized void registerInstrument(Instrument instrument) {
        instruments.put(instrument.id(), instrument);
    }

    /**
     * Opens a strategy's account on a venue with its starting cash; an account that exists keeps its
     * journaled cash and venue (a changed capital in the configuration does not rewrite history). A venue
     * that keeps books is asked to open the account too.
     */
    public void openAccount(String strategyId, String venueId, Money startingCash) {
        operation(() -> {
            if (!accounts.containsKey(strategyId)) {
                record(new JournalRecords.AccountOpened(strategyId, venueId, startingCash));
            }
            if (venues.apply(venueId) instanceof io.quiver.sdk.spi.ReconcilableVenue books) {
                Money cash = accounts.get(strategyId).account().startingCash();
                venueCommands.add(new VenueCommand(books, () -> books.openAccount(strategyId, cash)));
            }
            return null;
        });
    }

    /** Reads the books as the risk checks see them, under the lock (for showing limits and their usage). */
    @Override
    public synchronized <T> T readBooks(Function<RiskContext, T> reader) {
        return reader.apply(books);
    }

    /** The risk chain every new order passes before it goes to work; {@link PreTradeGate#NONE} by default. */
    public synchronized void gate(PreTradeGate riskGate) {
        this.gate = java.util.Objects.requireNonNull(riskGate, "riskGate");
    }

    /** Where the events of one strategy's orders go; replaces an earlier sink, null detaches it. */
    public synchronized void attach(String strategyId, OrderEventSink sink) {
        if (sink == null) {
            sinks.remove(strategyId);
        } else {
            sinks.put(strategyId, sink);
        }
    }

    // ---- order entry -------------------------------------------------------------------------

    /**
     * Enters an order, idempotently on {@code id}: an existing order with the same request is returned as
     * it is and nothing is sent; one with another request throws {@link ClientOrderIdConflictException}.
     * An invalid order is entered and rejected with a reason code (see {@link ReasonCode}).
     */
    @Override
    public Order submit(String strategyId, ClientOrderId id, OrderRequest request) {
        return operation(() -> {
            WorkingOrder existing = existingOrConflict(strategyId, id, request, null, null);
            if (existing != null) {
                return existing.snapshot();
            }
            return enter(strategyId, id, request, null, null).snapshot();
        });
    }

    /** Enters two orders that cancel each other on the first fill of either: ids {@code <group>.1} and {@code <group>.2}. */
    @Override
    public List<Order> submitOco(String strategyId, ClientOrderId groupId, OrderRequest first, OrderRequest second) {
        return operation(() -> {
            ClientOrderId a = ClientOrderId.of(groupId.value() + ".1");
            ClientOrderId b = ClientOrderId.of(groupId.value() + ".2");
            WorkingOrder ea = existingOrConflict(strategyId, a, first, groupId.value(), null);
            WorkingOrder eb = existingOrConflict(strategyId, b, second, groupId.value(), null);
            if (ea != null && eb != null) {
                return List.of(ea.snapshot(), eb.snapshot());
            }
            if (ea != null || eb != null) {
                throw new ClientOrderIdConflictException(groupId, "only one leg of OCO group " + groupId + " exists");
            }
            WorkingOrder wa = enter(strategyId, a, first, groupId.value(), null);
            WorkingOrder wb = enter(strategyId, b, second, groupId.value(), null);
            if (wa.status.isTerminal() && !wb.status.isTerminal()) {
                cancelLocally(wb, "OCO sibling " + a + " was rejected");
            } else if (wb.status.isTerminal() && !wa.status.isTerminal()) {
                cancelLocally(wa, "OCO sibling " + b + " was rejected");
            }
            return List.of(wa.snapshot(), wb.snapshot());
        });
    }

    /**
     * Enters a bracket: the entry now; the stop-loss ({@code <entry>.sl}) and take-profit ({@code <entry>.tp})
     * wait (status NEW) until the entry is filled, then work as an OCO pair for the quantity filled.
     */
    @Override
    public List<Order> submitBracket(String strategyId, ClientOrderId entryId, OrderRequest entry, OrderRequest stopLoss,
            OrderRequest takeProfit) {
        return operation(() -> {
            ClientOrderId sl = ClientOrderId.of(entryId.value() + ".sl");
            ClientOrderId tp = ClientOrderId.of(entryId.value() + ".tp");
            String group = entryId.value();
            WorkingOrder ee = existingOrConflict(strategyId, entryId, entry, group, null);
            WorkingOrder es = existingOrConflict(strategyId, sl, stopLoss, group, entryId);
            WorkingOrder et = existingOrConflict(strategyId, tp, takeProfit, group, entryId);
            if (ee != null && es != null && et != null) {
                return List.of(ee.snapshot(), es.snapshot(), et.snapshot());
            }
            if (ee != null || es != null || et != null) {
                throw new ClientOrderIdConflictException(entryId, "part of bracket " + entryId + " exists already");
            }
            String problem = OrderChecks.bracket(entry, stopLoss, takeProfit);
            WorkingOrder we = enter(strategyId, entryId, entry, group, null, problem);
            WorkingOrder ws = enter(strategyId, sl, stopLoss, group, entryId, problem);
            WorkingOrder wt = enter(strategyId, tp, takeProfit, group, entryId, problem);
            if (we.status == OrderStatus.REJECTED) {
                contingencies.entryEnded(we);
            }
            return List.of(we.snapshot(), ws.snapshot(), wt.snapshot());
        });
    }

    /** Cancels an open order; unknown or closed ids are ignored. */
    @Override
    public void cancel(ClientOrderId id, String reason) {
        operation(() -> {
            WorkingOrder w = orders.get(id);
            if (w != null && w.status.isOpen()) {
                requestCancel(w, reason);
            }
            return null;
        });
    }

    /** Cancels every open order of a strategy (null: of every strategy); returns how many were asked. */
    @Override
    public int cancelAll(String strategyId, String reason) {
        return operation(() -> {
            int n = 0;
            for (WorkingOrder w : List.copyOf(orders.values())) {
                if (w.status.isOpen() && (strategyId == null || w.strategyId.equals(strategyId)) && !w.cancelRequested) {
                    requestCancel(w, reason);
                    n++;
                }
            }
            return n;
        });
    }

    /**
     * Changes an open order's quantity, limit price or stop price (null keeps a value). Held orders change
     * at once; orders at a venue change there if the venue can modify, otherwise the change is rejected
     * ({@code NOT_SUPPORTED}). The outcome is a {@code Modified} or {@code ModifyRejected} event.
     */
    @Override
    public void modify(ClientOrderId id, Qty quantity, Price limitPrice, Price stopPrice) {
        operation(() -> {
            WorkingOrder w = orders.get(id);
            Instant now = clock.get();
            if (w == null) {
                throw new IllegalArgumentException("no order " + id);
            }
            if (w.status.isTerminal()) {
                notifyOnly(w, new OrderEvent.ModifyRejected(id, now, ReasonCode.ORDER_CLOSED.code(), "order " + id + " is " + w.status));
                return null;
            }
            if (w.cancelRequested) {
                event(w, new OrderEvent.ModifyRejected(id, now, ReasonCode.CANCEL_PENDING.code(), "order " + id + " is being cancelled"));
                return null;
            }
            OrderChecks.Refusal problem = checks.modify(w, quantity, limitPrice, stopPrice);
            if (problem != null) {
                event(w, new OrderEvent.ModifyRejected(id, now, problem.code().code(), problem.message()));
                return null;
            }
            OrderRequest amended = w.request.amended(quantity, limitPrice, stopPrice);
            RiskRefusal refusal = checkChange(w, amended, now);
            if (refusal != null) {
                event(w, new OrderEvent.ModifyRejected(id, now, refusal.code(), refusal.message()));
                return null;
            }
            if (!w.isSent()) {
                event(w, new OrderEvent.Modified(id, now, amended.quantity(), amended.limitPrice(), amended.stopPrice()));
                return null;
            }
            Venue venue = venues.apply(w.venueId);
            if (venue == null || !venue.supportsModify()) {
                event(w, new OrderEvent.ModifyRejected(id, now, ReasonCode.NOT_SUPPORTED.code(), "venue " + w.venueId
                        + " cannot modify orders; cancel and enter a new one"));
                return null;
            }
            OrderRequest atVenue = w.emulated ? amended.triggered() : amended;
            venueCommands.add(new VenueCommand(venue, () -> venue.modify(id, atVenue, now)));
            return null;
        });
    }

    // ---- from venues ---------------------------------------------------------------------------

    /** An event a venue reports about one of the orders sent to it. */
    public void onVenueEvent(String venueId, OrderEvent e) {
        operation(() -> {
            WorkingOrder w = orders.get(e.orderId());
            if (w == null) {
                LOG.warn("venue {} reported an event for unknown order {}: {}", venueId, e.orderId(), e);
                return null;
            }
            if (e instanceof OrderEvent.Filled f && executions.contains(f.fill().executionId())) {
                LOG.debug("fill {} of {} was booked already", f.fill().executionId(), e.orderId());
                return null;
            }
            if (isEcho(w, e)) {
                LOG.debug("venue {} repeated what the books show for {}: {}", venueId, e.orderId(), e);
                return null;
            }
            if (e instanceof OrderEvent.ModifyRejected && w.status.isTerminal()) {
                notifyOnly(w, e); // the order closed while the change was on its way: a race, not a fault
                return null;
            }
            if (e instanceof OrderEvent.Filled && w.status.isTerminal()) {
                LOG.warn("venue {} filled {} after it was {}: the fill is booked ({})", venueId, e.orderId(), w.status, e);
            }
            try {
                event(w, e);
            } catch (IllegalOrderTransitionException ex) {
                refusedVenueEvents++;
                w.history.add(new WorkingOrder.Step(e.time(), "REFUSED " + Kind.of(e), w.status, ex.getMessage()));
                LOG.error("venue {} sent an event the order state machine refuses for {}: {} ({})", venueId, e.orderId(), e,
                        ex.getMessage());
            }
            return null;
        });
    }

    /** A terminal event or acknowledgement the books already show (reconciliation may have applied it first). */
    private static boolean isEcho(WorkingOrder w, OrderEvent e) {
        Kind k = Kind.of(e);
        return (k == Kind.ACCEPTED && w.isAcknowledged())
                || (k == Kind.CANCELLED && w.status == OrderStatus.CANCELLED)
                || (k == Kind.EXPIRED && w.status == OrderStatus.EXPIRED)
                || (k == Kind.REJECTED && w.status == OrderStatus.REJECTED);
    }

    // ---- market data: marks and emulation ------------------------------------------------------

    public void onBar(Bar bar) {
        // a bar's trading day is that of its last instant
        marketData(bar.instrument(), bar.time(), true, bar.close(), lastClose, w -> stops.onBar(w, bar));
    }

    /** A quote marks at its mid (at its one side if it has one only); an emulated stop meets the side it would trade against. */
    public void onQuote(Quote quote) {
        if (quote.bid() == null && quote.ask() == null) {
            return;
        }
        Price mark = quote.bid() == null ? quote.ask() : quote.ask() == null ? quote.bid()
                : Price.of(quote.bid().toBigDecimal().add(quote.ask().toBigDecimal()).divide(java.math.BigDecimal.valueOf(2)));
        marketData(quote.instrument(), quote.time(), false, mark, lastMid, w -> {
            Price side = w.request.side() == Side.BUY ? quote.ask() : quote.bid();
            if (side != null) {
                stops.onTouch(w, side, quote.time());
            }
        });
    }

    public void onTrade(Trade trade) {
        marketData(trade.instrument(), trade.time(), false, trade.price(), lastTrade, w -> stops.onTouch(w, trade.price(), trade.time()));
    }

    /** The trading day of a point in time, in the instrument's zone (UTC for one the books do not know). */
    private java.time.LocalDate tradingDay(InstrumentId id, Instant time) {
        Instrument i = instruments.get(id);
        return i == null ? time.atOffset(ZoneOffset.UTC).toLocalDate() : i.hours().tradingDay(time);
    }

    /**
     * {@code barEnd}: the data is a bar stamped at its end, so its trading day is that of the instant before {@code time}
     * (the day that ends a held DAY order's life); worked out only when a DAY order is held.
     */
    private void marketData(InstrumentId instrument, Instant time, boolean barEnd, Price mark, Map<InstrumentId, Price> reference,
            java.util.function.Consumer<WorkingOrder> trigger) {
        synchronized (this) {
            lastPrice.put(instrument, mark);
            reference.put(instrument, mark);
            List<Account> booking = bookedBy.get(instrument);
            if (booking != null) {
                for (Account a : booking) {
                    a.mark(instrument, mark);
                }
            }
            List<WorkingOrder> waiting = held.get(instrument);
            if (waiting == null || waiting.isEmpty()) {
                return;
            }
        }
        operation(() -> {
            List<WorkingOrder> waiting = held.get(instrument);
            if (waiting != null) {
                for (WorkingOrder w : List.copyOf(waiting)) {
                    if (!w.isHeld()) {
                        continue;
                    }
                    if (w.request.timeInForce() == TimeInForce.DAY) {
                        // only for DAY orders: it costs a time zone conversion
                        java.time.LocalDate day = tradingDay(instrument, barEnd ? time.minusNanos(1) : time);
                        if (w.session == null) {
                            record(new JournalRecords.Session(w.id, day));
                        } else if (day.isAfter(w.session)) {
                            event(w, new OrderEvent.Expired(w.id, time));
                            continue;
                        }
                    }
                    trigger.accept(w);
                }
            }
            return null;
        });
    }

    private void trigger(WorkingOrder w, Price price, Instant time) {
        event(w, new OrderEvent.Triggered(w.id, time, price));
        send(w, w.request.triggered(), time);
    }

    /**
     * Charges an account a cost outside any fill (a short's borrow cost, interest on borrowed cash), journaled
     * like a fill: its cash falls by {@code amount} and its fees grow by it. An unknown account is refused.
     */
    public void charge(String strategyId, Money amount, String reason) {
        operation(() -> {
            if (!accounts.containsKey(strategyId)) {
                throw new IllegalArgumentException("no account " + strategyId);
            }
            record(new JournalRecords.Charged(strategyId, clock.get(), amount, reason));
            return null;
        });
    }

    /**
     * Moves capital into an account ({@code amount} positive) or out of it (negative), journaled: its cash
     * changes by the amount, its fees and P&L do not. A portfolio's allocator moves capital between its
     * instances so; an unknown account is refused.
     */
    public void transfer(String strategyId, Money amount, String reason) {
        operation(() -> {
            if (!accounts.containsKey(strategyId)) {
                throw new IllegalArgumentException("no account " + strategyId);
            }
            record(new JournalRecords.Transferred(strategyId, clock.get(), amount, reason));
            return null;
        });
    }

    // ---- queries --------------------------------------------------------------------------------

    @Override
    public synchronized Optional<Order> order(ClientOrderId id) {
        WorkingOrder w = orders.get(id);
        return w == null ? Optional.empty() : Optional.of(w.snapshot());
    }

    /** Orders matching the filter, in the order they were entered. */
    @Override
    public synchronized List<Order> orders(OrderFilter filter) {
        List<Order> list = new ArrayList<>();
        for (WorkingOrder w : orders.values()) {
            Order o = w.snapshot();
            if (filter.matches(o)) {
                list.add(o);
            }
        }
        return list;
    }

    public synchronized List<Order> openOrders(String strategyId) {
        Map<ClientOrderId, WorkingOrder> open = openByStrategy.get(strategyId);
        if (open == null || open.isEmpty()) {
            return List.of();
        }
        List<Order> list = new ArrayList<>(open.size());
        open.values().forEach(w -> list.add(w.snapshot()));
        return list;
    }

    /** Everything that happened to an order, oldest first; empty for an unknown id. */
    @Override
    public synchronized List<OrderHistoryEntry> history(ClientOrderId id) {
        WorkingOrder w = orders.get(id);
        return w == null ? List.of() : w.historyEntries();
    }

    /** The number of orders a strategy has entered (null: all strategies). */
    @Override
    public synchronized int orderCount(String strategyId) {
        if (strategyId == null) {
            return orders.size();
        }
        int[] count = countByStrategy.get(strategyId);
        return count == null ? 0 : count[0];
    }

    /** The strategies that have an account, in id order. */
    public synchronized List<String> accounts() {
        return List.copyOf(accounts.keySet());
    }

    /** A strategy's account as it stands now; read it under {@code synchronized (orderManager)} or from one thread. */
    public synchronized Account account(String strategyId) {
        AccountEntry a = accounts.get(strategyId);
        if (a == null) {
            throw new IllegalArgumentException("no account for strategy " + strategyId);
        }
        return a.account();
    }

    @Override
    public synchronized Money cash(String strategyId) {
        return account(strategyId).cash();
    }

    public synchronized Money equity(String strategyId) {
        return account(strategyId).equity();
    }

    public synchronized Position position(String strategyId, InstrumentId instrument) {
        return account(strategyId).position(instrument);
    }

    /** Every instrument a strategy has traded, with its position. */
    public synchronized List<Position> positions(String strategyId) {
        Account a = account(strategyId);
        List<Position> list = new ArrayList<>();
        a.instruments().forEach(i -> list.add(a.position(i)));
        return list;
    }

    // ---- reconciliation --------------------------------------------------------------------------

    /**
     * Compares the books with what {@code venue} holds for every account on it and acts by {@code policy};
     * see {@link Reconciler}. Call it after the venue is opened, before strategies trade on it.
     */
    public ReconciliationReport reconcile(io.quiver.sdk.spi.ReconcilableVenue venue, ReconciliationPolicy policy) {
        return operation(() -> {
            ReconciliationReport report = new Reconciler(this, venue, policy, clock.get()).run();
            lastReports.put(venue.id(), report);
            if (report.halted()) {
                haltedVenues.add(venue.id());
                LOG.error("reconciliation with venue {}: {} difference(s); orders to it are HALTED until it is reconciled with policy "
                        + "SYNC (shell: order:reconcile -p SYNC {})", venue.id(), report.discrepancies().size(), venue.id());
            } else {
                haltedVenues.remove(venue.id());
                LOG.info("reconciliation with venue {}: {} account(s), {} order(s), {} fill(s) checked, {} difference(s)", venue.id(),
                        report.accounts(), report.ordersChecked(), report.fillsChecked(), report.discrepancies().size());
            }
            logDifferences(venue.id(), report);
            return report;
        });
    }

    /** How many differences of a reconciliation are logged one by one; the rest are counted (all are in the report). */
    static final int LOGGED_DIFFERENCES = 20;

    /**
     * A summary by kind, then the first {@value #LOGGED_DIFFERENCES} differences: a reconciliation after a
     * crash can find hundreds of thousands, and one line each once rotated the whole log away in seconds.
     * {@code order:reconciliation} shows every one.
     */
    private static void logDifferences(String venueId, ReconciliationReport report) {
        List<Discrepancy> all = report.discrepancies();
        if (all.isEmpty()) {
            return;
        }
        Map<Object, Integer> byKind = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        all.forEach(d -> byKind.merge(d.kind(), 1, Integer::sum));
        LOG.warn("reconciliation {}: {} difference(s) by kind {}{}", venueId, all.size(), byKind,
                all.size() > LOGGED_DIFFERENCES ? "; the first " + LOGGED_DIFFERENCES + " follow, order:reconciliation " + venueId + " shows all"
                        : "");
        all.stream().limit(LOGGED_DIFFERENCES).forEach(d -> LOG.warn("reconciliation {} {} {} {}: {} -> {}", venueId, d.kind(), d.account(),
                d.orderId() == null ? "-" : d.orderId(), d.detail(), d.action()));
    }

    /** The last reconciliation report of every venue reconciled since start, by venue id. */
    /** What was counted since start: refused venue events, rejections by reason code, halted venues. */
    @Override
    public synchronized OrderStats stats() {
        return new OrderStats(refusedVenueEvents, rejectionsByCode, haltedVenues);
    }

    @Override
    public synchronized List<ReconciliationReport> lastReconciliations() {
        return List.copyOf(lastReports.values());
    }

    // ---- compaction ------------------------------------------------------------------------------

    /**
     * Rewrites the journal as a snapshot of the books, so that replay time and memory stay bounded: every
     * account as it stands, every open order, and every closed order updated at or after
     * {@code keepClosedSince} (with the rest of its OCO or bracket group), each with its history. Closed
     * orders before that are forgotten, their ids too: an id of one of them entered again is a new order.
     * Returns how many orders were forgotten. The books are then rebuilt from the rewritten journal, so
     * what is in memory is what a restart would find.
     */
    @Override
    public int compact(Instant keepClosedSince) {
        return operation(() -> {
            if (!journal.keepsRecords()) {
                return 0;
            }
            Set<ClientOrderId> keep = new HashSet<>();
            for (WorkingOrder w : orders.values()) {
                if (w.status.isOpen() || !w.updated.isBefore(keepClosedSince)) {
                    keep.add(w.id);
                    keep.addAll(w.groupMembers);
                }
            }
            int forgotten = orders.size() - keep.size();
            if (forgotten == 0) {
                return 0;
            }
            if (forgottenBefore == null || keepClosedSince.isAfter(forgottenBefore)) {
                forgottenBefore = keepClosedSince;
            }
            commitIfDirty();
            journal.rewrite(snapshot(keep));
            reload();
            return forgotten;
        });
    }

    /** The bytes the order journal takes on disk now (0 when it is kept in memory). */
    @Override
    public long journalSizeOnDisk() {
        return operation(journal::sizeOnDisk);
    }

    private List<String> snapshot(Set<ClientOrderId> keep) {
        List<String> lines = new ArrayList<>();
        lines.add(new JournalRecords.Format(JournalRecords.Format.CURRENT).encode().toString());
        accounts.forEach((id, entry) -> {
            Account a = entry.account();
            lines.add(new JournalRecords.AccountOpened(id, entry.venueId(), a.startingCash()).encode().toString());
            lines.add(new JournalRecords.AccountCash(id, a.cash(), a.fees(), a.transferred()).encode().toString());
            for (InstrumentId i : a.instruments()) {
                lines.add(new JournalRecords.AccountBook(id, i, a.realised(i), a.mark(i), a.lots(i)).encode().toString());
            }
        });
        for (WorkingOrder w : orders.values()) {
            if (!keep.contains(w.id)) {
                continue;
            }
            lines.add(new JournalRecords.OrderState(w.created, w.updated, w.strategyId, w.venueId, w.id, w.group, w.parent, w.emulated,
                    w.original, w.request, w.status, w.filled, w.isSent(), w.isAcknowledged(), w.cancelRequested, w.activated, w.workingStop,
                    w.trailReference).encode().toString());
            if (w.reserveQty.isPositive()) {
                lines.add(new JournalRecords.Reserved(w.id, w.reserveQty, w.reservePerUnit).encode().toString());
            }
            if (w.session != null) {
                lines.add(new JournalRecords.Session(w.id, w.session).encode().toString());
            }
            for (WorkingOrder.Step step : w.history) {
                lines.add(new JournalRecords.HistoryStep(w.id, step.time(), step.what(), step.statusAfter(), w.describe(step.subject()))
                        .encode().toString());
                if (step.subject() instanceof OrderEvent.Filled f) {
                    lines.add(new JournalRecords.Execution(f.fill().executionId()).encode().toString());
                }
            }
        }
        countByStrategy.forEach((id, n) -> lines.add(new JournalRecords.OrderCount(id, n[0]).encode().toString()));
        lines.add(new JournalRecords.Forgotten(forgottenBefore).encode().toString());
        return lines;
    }

    /** Forgets the books and builds them again from the journal, as a start would. */
    private void reload() {
        orders.clear();
        accounts.clear();
        openByStrategy.clear();
        countByStrategy.clear();
        executions.clear();
        held.clear();
        groups.clear();
        exposures.clear();
        replaying = true;
        try {
            journal.replay(line -> apply(JournalRecords.decode(line, orders)));
        } finally {
            replaying = false;
        }
    }

    // Package-private access for the reconciler, which runs inside an operation.
    Map<ClientOrderId, WorkingOrder> ordersForReconciliation() {
        return orders;
    }

    Map<String, Account> accountsOn(String venueId) {
        Map<String, Account> list = new TreeMap<>();
        accounts.forEach((id, a) -> {
            if (a.venueId().equals(venueId)) {
                list.put(id, a.account());
            }
        });
        return list;
    }

    boolean isBooked(String executionId) {
        return executions.contains(executionId);
    }

    /** Whether a fill at {@code time} of an order the books do not know belongs to an order a compaction forgot. */
    boolean wasForgotten(Instant time) {
        return forgottenBefore != null && time.isBefore(forgottenBefore);
    }

    void applyFromReconciliation(WorkingOrder w, OrderEvent e) {
        event(w, e);
    }

    // ---- the operation frame --------------------------------------------------------------------

    /**
     * Runs {@code body} under the lock; on leaving the outermost frame it commits the journal, hands the
     * new events to the sinks (committing again before each, as a sink may enter orders) and then, with
     * the lock released, sends what the body decided to send to venues. Inside {@link #inBatch} the
     * commit, deliveries and sends wait for the end of the batch instead.
     */
    private <T> T operation(Supplier<T> body) {
        List<VenueCommand> commands;
        T result;
        Batch b = batch.get()[0];
        synchronized (this) {
            depth++;
            try {
                result = body.get();
                if (depth == 1 && b == null) {
                    commitAndDeliver(deliveries);
                }
            } finally {
                depth--;
            }
            if (depth > 0) {
                return result;
            }
            if (b != null) {
                b.deliveries.addAll(deliveries);
                deliveries.clear();
            }
            if (venueCommands.isEmpty()) {
                return result;
            }
            commands = List.copyOf(venueCommands);
            venueCommands.clear();
        }
        if (b != null) {
            b.commands.addAll(commands);
        } else {
            inBatch(() -> send(commands));
        }
        return result;
    }

    /**
     * Runs {@code work} (order entry, venue events, market data) so that everything it does is committed
     * to the journal once, at the end, before any of it is delivered or sent: one commit for a strategy
     * callback that enters many orders, or for a bar that fills many. Nested batches join the outer one.
     */
    public void inBatch(Runnable work) {
        Batch[] current = batch.get();
        if (current[0] != null) {
            work.run();
            return;
        }
        Batch b = current[1] != null ? current[1] : new Batch(); // one per thread, reused: a backtest runs a batch per callback
        current[1] = null;
        current[0] = b;
        try {
            work.run();
        } finally {
            try {
                while (true) {
                    // Nothing to commit or deliver (a journal that keeps nothing, no events): no need for the lock.
                    if (journal.keepsRecords() || !b.deliveries.isEmpty()) {
                        synchronized (this) {
                            commitAndDeliver(b.deliveries);
                        }
                    }
                    if (b.commands.isEmpty()) {
                        break;
                    }
                    List<VenueCommand> commands = List.copyOf(b.commands);
                    b.commands.clear();
                    send(commands); // what the venues answer joins this batch: commit it on the next round
                }
            } finally {
                b.deliveries.clear();
                b.commands.clear();
                current[0] = null;
                current[1] = b;
            }
        }
    }

    /** Under the lock: commits, then hands each queued event to its sink, committing what the sink did. */
    private void commitAndDeliver(java.util.Queue<Runnable> queue) {
        commitIfDirty();
        while (!queue.isEmpty()) {
            queue.poll().run();
            commitIfDirty();
        }
    }

    /** Sends commands in order, each run of commands to one venue as one venue batch. */
    private static void send(List<VenueCommand> commands) {
        int i = 0;
        while (i < commands.size()) {
            Venue venue = commands.get(i).venue();
            int end = i;
            while (end < commands.size() && commands.get(end).venue() == venue) {
                end++;
            }
            List<VenueCommand> run = commands.subList(i, end);
            venue.inBatch(() -> run.forEach(c -> c.command().run()));
            i = end;
        }
    }

    private record VenueCommand(Venue venue, Runnable command) {
    }

    private static final class Batch {
        final ArrayDeque<Runnable> deliveries = new ArrayDeque<>();
        final List<VenueCommand> commands = new ArrayList<>();
    }

    private void commitIfDirty() {
        if (dirty) {
            journal.commit();
            dirty = false;
        }
    }

    // ---- entering and changing orders (inside an operation) ---------------------------------------

    private WorkingOrder existingOrConflict(String strategyId, ClientOrderId id, OrderRequest request, String group, ClientOrderId parent) {
        WorkingOrder w = orders.get(id);
        if (w == null) {
            return null;
        }
        if (!w.strategyId.equals(strategyId)) {
            throw new ClientOrderIdConflictException(id, "order id " + id + " belongs to strategy " + w.strategyId);
        }
        if (!w.original.equals(request) || !java.util.Objects.equals(w.group, group) || !java.util.Objects.equals(w.parent, parent)) {
            throw new ClientOrderIdConflictException(id, "order " + id + " exists as [" + w.original + "]; this submit asked for ["
                    + request + "]");
        }
        return w;
    }

    private WorkingOrder enter(String strategyId, ClientOrderId id, OrderRequest r, String group, ClientOrderId parent) {
        return enter(strategyId, id, r, group, parent, null);
    }

    private WorkingOrder enter(String strategyId, ClientOrderId id, OrderRequest r, String group, ClientOrderId parent, String groupProblem) {
        AccountEntry account = accounts.get(strategyId);
        if (account == null) {
            throw new IllegalArgumentException("strategy " + strategyId + " has no account; open one first");
        }
        Instant now = clock.get();
        Venue venue = venues.apply(account.venueId());
        boolean emulated = r.type().isTriggered() && (venue == null || !venue.supportsNatively(r.type()));
        OrderChecks.Refusal problem = groupProblem != null ? new OrderChecks.Refusal(ReasonCode.INVALID_GROUP, groupProblem)
                : haltedVenues.contains(account.venueId()) ? new OrderChecks.Refusal(ReasonCode.HALTED, "orders to venue " + account.venueId()
                        + " are halted after a reconciliation found differences")
                : venue == null ? new OrderChecks.Refusal(ReasonCode.VENUE_UNAVAILABLE, "venue " + account.venueId() + " is not available")
                : checks.request(r);
        // The risk chain sees the books without this order; a refused order is still entered, so its history shows why.
        PreTradeOrder order = new PreTradeOrder(strategyId, account.venueId(), id, r, now);
        RiskRefusal refusal = problem == null && parent == null ? gate.check(order, books) : null;
        RiskBooks.Reservation held = problem == null && refusal == null && parent == null ? books.reservation(order) : null;
        record(new JournalRecords.OrderEntered(now, strategyId, account.venueId(), id, group, parent, r, emulated));
        WorkingOrder w = orders.get(id);
        if (problem != null) {
            event(w, new OrderEvent.Rejected(id, now, problem.code().code(), problem.message()));
        } else if (refusal != null) {
            event(w, new OrderEvent.Rejected(id, now, refusal.code(), refusal.message()));
        } else if (parent == null) {
            if (held != null && held.quantity().isPositive() && held.perUnit().signum() > 0) {
                record(new JournalRecords.Reserved(w.id, held.quantity(), held.perUnit()));
            }
            activate(w, now);
        }
        return w;
    }

    /**
     * A change is a new order for the risk chain: what is left to fill of the amended order is checked
     * against the books without the order as it stands. If it passes, the order holds at least what the
     * amended order needs; a change never lowers what it holds (the venue may yet refuse the change).
     */
    private RiskRefusal checkChange(WorkingOrder w, OrderRequest amended, Instant now) {
        if (w.parent != null && !w.activated) {
            return null; // a bracket child waiting for its entry: the entry was checked, the child only reduces
        }
        PreTradeOrder order = new PreTradeOrder(w.strategyId, w.venueId, w.id, amended.amended(amended.quantity().minus(w.filled), null, null),
                now);
        RiskRefusal refusal;
        RiskBooks.Reservation needed;
        exposures.remove(w);
        try {
            refusal = gate.check(order, books);
            needed = refusal == null ? books.reservation(order) : null;
        } finally {
            exposures.add(w);
        }
        if (needed != null && (needed.quantity().compareTo(w.reserveQty) > 0 || needed.perUnit().compareTo(w.reservePerUnit) > 0)) {
            Qty q = needed.quantity().compareTo(w.reserveQty) > 0 ? needed.quantity() : w.reserveQty;
            Money perUnit = needed.perUnit().compareTo(w.reservePerUnit) > 0 ? needed.perUnit() : w.reservePerUnit;
            record(new JournalRecords.Reserved(w.id, q, perUnit));
        }
        return refusal;
    }

    /** Puts an order to work: held here if emulated, otherwise sent to its venue. */
    private void activate(WorkingOrder w, Instant now) {
        if (w.emulated) {
            event(w, new OrderEvent.Accepted(w.id, now));
            stops.onHeld(w, lastPrice.get(w.request.instrument()), now);
        } else {
            send(w, w.request, now);
        }
    }

    private void send(WorkingOrder w, OrderRequest atVenue, Instant now) {
        Venue venue = venues.apply(w.venueId);
        if (venue == null) {
            event(w, new OrderEvent.Rejected(w.id, now, ReasonCode.VENUE_UNAVAILABLE.code(), "venue " + w.venueId + " is not available"));
            return;
        }
        record(new JournalRecords.Sent(w.id));
        String account = w.strategyId;
        ClientOrderId id = w.id;
        venueCommands.add(new VenueCommand(venue, () -> venue.submit(account, id, atVenue, now)));
    }

    private void requestCancel(WorkingOrder w, String reason) {
        Instant now = clock.get();
        if (!w.isSent() || w.isHeld()) {
            cancelLocally(w, reason);
            return;
        }
        record(new JournalRecords.CancelRequested(w.id, now, reason));
        if (w.isAcknowledged() || w.status != OrderStatus.NEW) {
            Venue venue = venues.apply(w.venueId);
            if (venue != null) {
                ClientOrderId id = w.id;
                venueCommands.add(new VenueCommand(venue, () -> venue.cancel(id, now)));
            }
        }
        // else: the cancel goes out when the venue acknowledges the order
    }

    private void cancelLocally(WorkingOrder w, String reason) {
        event(w, new OrderEvent.Cancelled(w.id, clock.get(), reason));
    }

    /** Journals and applies an event, then reacts to it: OCO siblings, bracket children, pending cancels. */
    private void event(WorkingOrder w, OrderEvent e) {
        nextStatus(w, e); // refuse before anything is written: the journal holds only what was applied
        record(new JournalRecords.Event(e));
        if (e instanceof OrderEvent.Accepted && w.cancelRequested && w.isSent() && w.status.isOpen()) {
            Venue venue = venues.apply(w.venueId);
            if (venue != null) {
                ClientOrderId id = w.id;
                Instant now = e.time();
                venueCommands.add(new VenueCommand(venue, () -> venue.cancel(id, now)));
            }
        }
        contingencies.afterEvent(w, e);
    }

    /** How the order manager carries out what {@link Contingencies} decides. */
    private final class ContingencyActions implements Contingencies.Actions {
        @Override
        public void requestCancel(WorkingOrder w, String reason) {
            OrderManager.this.requestCancel(w, reason);
        }

        @Override
        public void cancelLocally(WorkingOrder w, String reason) {
            OrderManager.this.cancelLocally(w, reason);
        }

        @Override
        public void release(WorkingOrder exit, WorkingOrder entry, Instant now) {
            record(new JournalRecords.Activated(exit.id, entry.filled));
            activate(exit, now);
        }

        @Override
        public void grow(WorkingOrder exit, OrderRequest grown, Venue venue, Instant now) {
            if (!exit.isSent()) {
                event(exit, new OrderEvent.Modified(exit.id, now, grown.quantity(), grown.limitPrice(), grown.stopPrice()));
            } else if (venue != null && venue.supportsModify()) {
                ClientOrderId id = exit.id;
                OrderRequest atVenue = exit.emulated ? grown.triggered() : grown;
                venueCommands.add(new VenueCommand(venue, () -> venue.modify(id, atVenue, now)));
            }
        }
    }

    // ---- the journal ------------------------------------------------------------------------------

    /** Applies a change to the books and, if the journal keeps records, writes it down (committed later). */
    private void record(JournalRecords.Rec r) {
        if (journal.keepsRecords()) {
            journal.append(r.encode().toString());
            dirty = true;
        }
        apply(r);
    }

    /** Applies one journal record to the books: the only place state changes, live and on replay alike. */
    private void apply(JournalRecords.Rec r) {
        if (r instanceof JournalRecords.Charged c) {
            accounts.get(c.strategyId()).account().charge(c.amount());
        } else if (r instanceof JournalRecords.Transferred t) {
            accounts.get(t.strategyId()).account().transfer(t.amount());
        } else if (r instanceof JournalRecords.AccountOpened a) {
            accounts.put(a.strategyId(), new AccountEntry(a.venueId(), new Account(a.startingCash())));
        } else if (r instanceof JournalRecords.OrderEntered o) {
            WorkingOrder w = new WorkingOrder(o.id(), o.strategyId(), o.venueId(), o.request(), o.time(), o.group(), o.parent(), o.emulated());
            countByStrategy.computeIfAbsent(w.strategyId, k -> new int[1])[0]++;
            index(w);
        } else if (r instanceof JournalRecords.Sent sent) {
            WorkingOrder w = orders.get(sent.id());
            if (w.placement == WorkingOrder.Placement.NOT_SENT) {
                w.placement = WorkingOrder.Placement.SENT;
            }
        } else if (r instanceof JournalRecords.CancelRequested c) {
            WorkingOrder w = orders.get(c.id());
            exposures.remove(w);
            w.cancelRequested = true;
            w.status = OrderStateMachine.pendingCancel(w.status);
            exposures.add(w);
            w.history.add(new WorkingOrder.Step(c.time(), "CANCEL_REQUESTED", w.status, c.reason()));
        } else if (r instanceof JournalRecords.Activated a) {
            WorkingOrder w = orders.get(a.id());
            exposures.remove(w);
            w.activated = true;
            if (a.quantity().compareTo(w.request.quantity()) != 0) {
                w.request = w.request.amended(a.quantity(), null, null);
            }
            exposures.add(w);
        } else if (r instanceof JournalRecords.Reserved res) {
            WorkingOrder w = orders.get(res.id());
            exposures.remove(w);
            w.reserveQty = res.quantity();
            w.reservePerUnit = res.perUnit();
            exposures.add(w);
        } else if (r instanceof JournalRecords.Session session) {
            orders.get(session.id()).session = session.day();
        } else if (r instanceof JournalRecords.Trailed t) {
            WorkingOrder w = orders.get(t.id());
            if (!t.stop().equals(w.workingStop)) {
                w.history.add(new WorkingOrder.Step(t.time(), "TRAILED", w.status, t));
            }
            w.workingStop = t.stop();
            w.trailReference = t.reference() == null ? w.trailReference : t.reference();
        } else if (r instanceof JournalRecords.Event e) {
            applyEvent(e.event());
        } else {
            applySnapshot(r);
        }
    }

    /** Puts an order in the indexes: open orders per strategy, its group, and (if waiting here) the held list. */
    private void index(WorkingOrder w) {
        orders.put(w.id, w);
        if (w.status.isOpen()) {
            openByStrategy.computeIfAbsent(w.strategyId, k -> new LinkedHashMap<>()).put(w.id, w);
        }
        if (w.group != null) {
            List<WorkingOrder> members = groups.computeIfAbsent(w.group, k -> new ArrayList<>(3));
            for (WorkingOrder other : members) {
                other.groupMembers.add(w.id);
                w.groupMembers.add(other.id);
            }
            members.add(w);
            w.groupMembers.add(w.id);
        }
        if (w.isHeld()) {
            held.computeIfAbsent(w.request.instrument(), k -> new ArrayList<>()).add(w);
        }
        exposures.add(w);
    }

    /** The records a compacted journal starts with: accounts and orders as they stood. */
    private void applySnapshot(JournalRecords.Rec r) {
        if (r instanceof JournalRecords.AccountCash c) {
            accounts.get(c.strategyId()).account().restoreCash(c.cash(), c.fees(), c.transferred());
        } else if (r instanceof JournalRecords.AccountBook b) {
            Account account = accounts.get(b.strategyId()).account();
            if (!account.books(b.instrument())) {
                bookedBy.computeIfAbsent(b.instrument(), k -> new ArrayList<>()).add(account);
            }
            account.restoreBook(b.instrument(), b.realised(), b.mark(), b.lots());
        } else if (r instanceof JournalRecords.OrderState o) {
            WorkingOrder w = new WorkingOrder(o.id(), o.strategyId(), o.venueId(), o.original(), o.created(), o.group(), o.parent(), o.emulated());
            w.history.clear(); // the history follows as it was shown
            w.request = o.current();
            w.status = o.status();
            w.filled = o.filled();
            w.updated = o.updated();
            w.placement = WorkingOrder.Placement.of(o.sent(), o.venueAccepted());
            w.cancelRequested = o.cancelRequested();
            w.activated = o.activated();
            w.workingStop = o.workingStop();
            w.trailReference = o.trailReference();
            index(w);
        } else if (r instanceof JournalRecords.HistoryStep h) {
            orders.get(h.id()).history.add(new WorkingOrder.Step(h.time(), h.what(), h.statusAfter(), h.detail()));
        } else if (r instanceof JournalRecords.Execution x) {
            executions.add(x.executionId());
        } else if (r instanceof JournalRecords.OrderCount n) {
            countByStrategy.put(n.strategyId(), new int[] {n.count()});
        } else if (r instanceof JournalRecords.Format f) {
            if (f.version() != JournalRecords.Format.CURRENT) {
                throw new IllegalStateException("the order journal is in format " + f.version() + "; this version reads format "
                        + JournalRecords.Format.CURRENT);
            }
        } else if (r instanceof JournalRecords.Forgotten f) {
            forgottenBefore = f.before();
        }
    }

    /** The state {@code e} leads {@code w} to; throws if the state machine refuses it or a fill overfills. */
    private static OrderStatus nextStatus(WorkingOrder w, OrderEvent e) {
        Qty filledAfter = filledAfter(w, e);
        // Only a fill can overfill; testing every event would make an order entered with a bad quantity
        // impossible to reject or cancel.
        if (e instanceof OrderEvent.Filled && filledAfter.compareTo(w.request.quantity()) > 0) {
            throw new IllegalOrderTransitionException(w.id + ": fills of " + filledAfter + " exceed the order quantity "
                    + w.request.quantity());
        }
        try {
            OrderStatus next = OrderStateMachine.next(w.status, Kind.of(e), filledAfter.compareTo(w.request.quantity()) == 0);
            // A NEW order's cancel went out with its acknowledgement: from then on the cancel is pending.
            return w.cancelRequested && w.isSent() ? OrderStateMachine.pendingCancel(next) : next;
        } catch (IllegalOrderTransitionException ex) {
            throw new IllegalOrderTransitionException(w.id + ": " + ex.getMessage());
        }
    }

    private static Qty filledAfter(WorkingOrder w, OrderEvent e) {
        return e instanceof OrderEvent.Filled f ? w.filled.plus(f.fill().quantity()) : w.filled;
    }

    private void applyEvent(OrderEvent e) {
        WorkingOrder w = orders.get(e.orderId());
        Kind kind = Kind.of(e);
        OrderStatus next = nextStatus(w, e);
        Qty filledAfter = filledAfter(w, e);
        exposures.remove(w);
        Object subject = e;
        if (e instanceof OrderEvent.Filled f) {
            Fill fill = f.fill();
            executions.add(fill.executionId());
            Account account = accounts.get(w.strategyId).account();
            boolean booked = account.books(fill.instrument());
            account.apply(fill);
            if (!booked) {
                bookedBy.computeIfAbsent(fill.instrument(), k -> new ArrayList<>()).add(account);
            }
        } else if (e instanceof OrderEvent.Accepted) {
            if (w.isSent()) {
                w.placement = WorkingOrder.Placement.ACKNOWLEDGED;
                if (!replaying) {
                    gate.venueAnswered(w.strategyId, false, e.time());
                }
            } else {
                subject = WorkingOrder.HELD;
            }
        } else if (e instanceof OrderEvent.Rejected r && w.isSent() && !replaying && !ReasonCode.NOT_SENT_BEFORE_RESTART.code().equals(r.reasonCode())) {
            gate.venueAnswered(w.strategyId, true, e.time());
        } else if (e instanceof OrderEvent.Modified m) {
            w.request = w.request.amended(m.quantity(), m.limitPrice(), m.stopPrice());
            if (m.stopPrice() != null && w.request.type().isTriggered()) {
                w.workingStop = m.stopPrice();
            }
        }
        if (e instanceof OrderEvent.Rejected r && !replaying) {
            rejectionsByCode.merge(r.reasonCode(), 1L, Long::sum);
        }
        w.filled = filledAfter;
        w.status = next;
        if (next.isTerminal()) {
            openByStrategy.get(w.strategyId).remove(w.id);
        }
        exposures.add(w);
        w.updated = e.time();
        w.history.add(new WorkingOrder.Step(e.time(), kind.name(), next, subject));
        if (w.emulated) {
            List<WorkingOrder> list = held.computeIfAbsent(w.request.instrument(), k -> new ArrayList<>());
            if (w.isHeld() && !list.contains(w)) {
                list.add(w);
            } else if (!w.isHeld()) {
                list.remove(w);
            }
        }
        if (!replaying) {
            OrderEventSink sink = sinks.get(w.strategyId);
            if (sink != null) {
                deliveries.add(() -> sink.onOrderEvent(e));
            }
        }
    }

    /**
     * Tells the strategy of an event that changes nothing about a closed order (a modification it asked
     * for too late); a closed order takes no more events, so it is neither journaled nor in the history.
     */
    private void notifyOnly(WorkingOrder w, OrderEvent e) {
        OrderEventSink sink = sinks.get(w.strategyId);
        if (sink != null && !replaying) {
            deliveries.add(() -> sink.onOrderEvent(e));
        }
    }
}
