package io.quiver.oms.host;

import io.quiver.oms.Account;
import io.quiver.oms.OrderManager;
import io.quiver.sdk.BarHistory;
import io.quiver.sdk.Schedule;
import io.quiver.sdk.StateStore;
import io.quiver.sdk.Strategy;
import io.quiver.sdk.StrategyContext;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Position;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Quote;
import io.quiver.sdk.model.Trade;
import io.quiver.sdk.model.TimerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one strategy instance: it is the instance's {@link StrategyContext}, keeps its histories and
 * timers, passes its orders to the order manager (which keeps orders and account), and calls the strategy
 * one event at a time. Order events that arrive while a callback runs are queued and delivered after it
 * returns, so callbacks never nest. A callback that throws is a fault; at {@code maxFaults} faults the
 * instance is quarantined: it gets no more events and its open orders are cancelled. Not thread-safe:
 * drive it from one thread.
 */
public final class StrategyHarness implements StrategyContext {
    private final String strategyId;
    private final Strategy strategy;
    private final OrderManager oms;
    private final Supplier<Instant> clock;
    private final Map<InstrumentId, Instrument> instruments;
    private final List<InstrumentId> subscribed;
    private final StateStore stateStore;
    private final String orderIdPrefix;
    private final int maxFaults;
    private final Consumer<OrderEvent> eventSink;
    private final Logger log;
    private final Map<InstrumentId, BarRing> histories = new HashMap<>();
    /** Coarser series a strategy asked for, by instrument: each interval's aggregator and ring. */
    private final Map<InstrumentId, Map<Duration, Coarse>> coarse = new HashMap<>();

    /** {@code since}: when it was asked for; a coarse bar whose bucket began before that is left out (it would be partial). */
    private record Coarse(io.quiver.sdk.model.BarAggregator aggregator, BarRing ring, Duration interval, Instant since) {
        void add(Bar bar) {
            for (Bar b : aggregator.update(bar)) {
                if (!b.time().minus(interval).isBefore(since)) {
                    ring.add(b);
                }
            }
        }
    }
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final ArrayDeque<OrderEvent> pending = new ArrayDeque<>();
    private long nextOrder = 1;
    private long timerSeq;
    private boolean delivering;
    private int faults;
    /** Orders rejected in a row; reset by an order that is accepted or fills. */
    private int rejectedInARow;
    /** Orders entered in the running callback, and how many one callback may enter. */
    private int enteredInCallback;
    private int maxOrdersPerCallback = DEFAULT_MAX_ORDERS_PER_CALLBACK;

    /** How many orders one callback may enter unless configured otherwise ({@code orders.per.callback.max}). */
    public static final int DEFAULT_MAX_ORDERS_PER_CALLBACK = 5_000;
    /** Read by the watchdog from another thread. */
    private volatile InstanceState lifecycle = InstanceState.CREATED;
    private volatile String reason = "";
    /** System.nanoTime when the running callback started, 0 when idle; read by the watchdog. */
    private volatile long callbackStarted;
    private volatile String callbackName = "";

    /** A timer due at {@code due}; {@code repeat} gives the next due time after one (null: it fires once). */
    private record Timer(Instant due, long seq, String name, Schedule repeat) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = due.compareTo(o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** What a harness is built from. */
    public record Setup(String strategyId, Strategy strategy, OrderManager oms, Supplier<Instant> clock, List<Instrument> instruments,
            StateStore state, String orderIdPrefix, int maxFaults, Consumer<OrderEvent> eventSink) {
    }

    public StrategyHarness(Setup s) {
        this.strategyId = s.strategyId();
        this.strategy = s.strategy();
        this.oms = s.oms();
        this.clock = s.clock();
        this.instruments = new HashMap<>();
        s.instruments().forEach(i -> instruments.put(i.id(), i));
        this.subscribed = s.instruments().stream().map(Instrument::id).toList();
        this.stateStore = s.state();
        this.orderIdPrefix = s.orderIdPrefix();
        this.maxFaults = s.maxFaults();
        this.eventSink = s.eventSink();
        this.log = LoggerFactory.getLogger("io.quiver.strategy." + strategyId);
    }

    // ---- driving the instance -------------------------------------------------------------

    /**
     * Starts the strategy. If {@code onStart} throws, the instance has failed: it is FAILED with the reason,
     * gets no events, and whatever it entered before throwing is cancelled.
     */
    public void start() {
        lifecycle = InstanceState.RUNNING;
        enteredInCallback = 0;
        delivering = true;
        callbackName = "onStart";
        callbackStarted = System.nanoTime();
        try {
            oms.inBatch(() -> strategy.onStart(this));
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            reason = "onStart threw " + e.getClass().getName() + ": " + e.getMessage();
            lifecycle = InstanceState.FAILED;
            log.error("strategy {} failed to start: {}", strategyId, reason, e);
            oms.cancelAll(strategyId, "strategy " + strategyId + " failed to start");
        } finally {
            callbackStarted = 0;
            delivering = false;
        }
        drain();
    }

    /** Stops the instance: its open orders are cancelled when {@code cancelOpenOrders}, then onStop runs. */
    public void stop(boolean cancelOpenOrders) {
        if (lifecycle == InstanceState.RUNNING) {
            try {
                if (cancelOpenOrders) {
                    cancelAll();
                }
                invoke("onStop", strategy::onStop);
            } catch (RuntimeException e) {
                // nothing the books hold may keep an instance from stopping
                log.error("strategy {}: stopping did not finish cleanly: {}", strategyId, e.toString());
            } finally {
                lifecycle = InstanceState.STOPPED;
            }
        }
    }

    public void onBar(Bar bar) {
        BarRing ring = histories.get(bar.instrument());
        if (ring != null) {
            ring.add(bar);
        }
        Map<Duration, Coarse> series = coarse.get(bar.instrument());
        if (series != null) {
            for (Coarse c : series.values()) {
                c.add(bar);
            }
        }
        invoke("onBar", () -> strategy.onBar(bar));
    }

    public void onQuote(Quote quote) {
        invoke("onQuote", () -> strategy.onQuote(quote));
    }

    public void onTrade(Trade trade) {
        invoke("onTrade", () -> strategy.onTrade(trade));
    }

    /** An event from the venue about one of this instance's orders. */
    public void onOrderEvent(OrderEvent event) {
        pending.add(event);
        if (!delivering) {
            drain();
        }
    }

    /** The time of the next timer due, or null. */
    public Instant nextTimerDue() {
        return timers.isEmpty() ? null : timers.peek().due();
    }

    /** Fires every timer due at or before {@code now}, in time order. */
    public void fireTimers(Instant now) {
        while (!timers.isEmpty() && !timers.peek().due().isAfter(now) && lifecycle == InstanceState.RUNNING) {
            Timer t = timers.poll();
            Instant next = t.repeat() == null ? null : t.repeat().next(t.due());
            if (next != null) {
                timers.add(new Timer(next, timerSeq++, t.name(), t.repeat()));
            }
            invoke("onTimer", () -> strategy.onTimer(new TimerEvent(t.name(), t.due())));
        }
    }

    private void invoke(String callback, Runnable call) {
        if (lifecycle != InstanceState.RUNNING) {
            return;
        }
        delivering = true;
        callbackName = callback;
        enteredInCallback = 0;
        callbackStarted = System.nanoTime();
        try {
            oms.inBatch(call); // what the callback enters is journaled in one commit and sent after it
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            fault(callback, e);
        } finally {
            callbackStarted = 0;
            delivering = false;
        }
        drain();
    }

    /** How long the running callback has been running, in nanoseconds (0 when idle); safe from any thread. */
    public long busyNanos() {
        long started = callbackStarted;
        return started == 0 ? 0 : System.nanoTime() - started;
    }

    /**
     * Called from the watchdog's thread when a callback overran its budget: the instance is quarantined
     * and gets no more events. Its orders are cancelled by the caller through the venue, which is
     * thread-safe; the harness's own books catch up if the callback ever returns.
     */
    public void quarantineOverrun(long budgetMillis) {
        reason = callbackName + " ran longer than " + budgetMillis + " ms";
        lifecycle = InstanceState.QUARANTINED;
        log.error("strategy {} quarantined: {}", strategyId, reason);
    }

    private void drain() {
        while (!pending.isEmpty()) {
            OrderEvent e = pending.poll();
            eventSink.accept(e);
            countRejection(e);
            if (lifecycle == InstanceState.RUNNING) {
                delivering = true;
                callbackName = "onOrderEvent";
                enteredInCallback = 0;
                callbackStarted = System.nanoTime();
                try {
                    oms.inBatch(() -> {
                        strategy.onOrderEvent(e);
                        if (e instanceof OrderEvent.Filled f) {
                            strategy.onFill(f.fill());
                        }
                    });
                } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError ex) {
                    fault(e instanceof OrderEvent.Filled ? "onFill" : "onOrderEvent", ex);
                } finally {
                    callbackStarted = 0;
                    delivering = false;
                }
            }
        }
    }

    /**
     * A strategy whose orders are rejected again and again is misbehaving (a loop on a bad order, a limit it
     * keeps running into): {@value #MAX_REJECTED_IN_A_ROW} rejections in a row count as a fault each time.
     * Rejections because the kill switch is thrown are the operator's doing and do not count.
     */
    private void countRejection(OrderEvent e) {
        if (e instanceof OrderEvent.Rejected r) {
            if (!r.reasonCode().equals("KILLED") && ++rejectedInARow % MAX_REJECTED_IN_A_ROW == 0 && lifecycle == InstanceState.RUNNING) {
                countFault(rejectedInARow + " orders in a row were rejected, the last with " + r.reasonCode() + ": " + r.message(), null);
            }
        } else if (e instanceof OrderEvent.Accepted || e instanceof OrderEvent.Filled) {
            rejectedInARow = 0;
        }
    }

    /** Rejections in a row that count as one fault. */
    static final int MAX_REJECTED_IN_A_ROW = 50;

    private void fault(String callback, Throwable e) {
        countFault(callback + " threw " + e.getClass().getName() + ": " + e.getMessage(), e);
    }

    /** One fault, described; {@code cause} (its stack trace goes to the log) is null for a fault that is no exception. */
    private void countFault(String what, Throwable cause) {
        faults++;
        if (cause != null) {
            log.warn("strategy {}: {} (fault {} of {})", strategyId, what, faults, maxFaults, cause);
        } else {
            log.warn("strategy {}: {} (fault {} of {})", strategyId, what, faults, maxFaults);
        }
        if (faults >= maxFaults) {
            reason = what + " (" + faults + " faults)";
            lifecycle = InstanceState.QUARANTINED;
            log.error("strategy {} quarantined: {}", strategyId, reason);
            cancelAll();
        }
    }

    private void cancelAll() {
        oms.cancelAll(strategyId, "strategy " + strategyId + " " + (lifecycle == InstanceState.QUARANTINED ? "quarantined" : "stopped"));
        drain();
    }

    public InstanceState instanceState() {
        return lifecycle;
    }

    /** Why the instance is quarantined, or empty. */
    public String reason() {
        return reason;
    }

    public int faults() {
        return faults;
    }

    public Account account() {
        return oms.account(strategyId);
    }

    /** The number of orders this instance has entered. */
    public int orderCount() {
        return oms.orderCount(strategyId);
    }

    // ---- StrategyContext -----------------------------------------------------------------

    @Override
    public String strategyId() {
        return strategyId;
    }

    @Override
    public Instant now() {
        return clock.get();
    }

    @Override
    public List<InstrumentId> instruments() {
        return subscribed;
    }

    @Override
    public Instrument instrument(InstrumentId id) {
        Instrument i = instruments.get(id);
        if (i == null) {
            throw new IllegalArgumentException(id + " is not an instrument of strategy " + strategyId);
        }
        return i;
    }

    @Override
    public ClientOrderId submit(OrderRequest request) {
        return submit(newOrderId(), request);
    }

    @Override
    public ClientOrderId submit(ClientOrderId orderId, OrderRequest request) {
        requireRunning();
        return oms.submit(strategyId, orderId, request).id();
    }

    @Override
    public List<ClientOrderId> submitOco(ClientOrderId groupId, OrderRequest first, OrderRequest second) {
        requireRunning();
        return oms.submitOco(strategyId, groupId, first, second).stream().map(Order::id).toList();
    }

    @Override
    public List<ClientOrderId> submitBracket(ClientOrderId entryId, OrderRequest entry, OrderRequest stopLoss, OrderRequest takeProfit) {
        requireRunning();
        return oms.submitBracket(strategyId, entryId, entry, stopLoss, takeProfit).stream().map(Order::id).toList();
    }

    /**
     * A strategy that is no longer running (quarantined, stopping) may not trade; its callback is told so.
     * Nor may one callback enter more than {@code orders.per.callback.max} orders: a strategy gone wrong
     * must not flood the journal shared with every other instance.
     */
    private void requireRunning() {
        if (lifecycle != InstanceState.RUNNING) {
            throw new IllegalStateException("strategy " + strategyId + " is " + lifecycle + " and cannot enter orders");
        }
        if (++enteredInCallback > maxOrdersPerCallback) {
            throw new IllegalStateException("strategy " + strategyId + " entered more than " + maxOrdersPerCallback
                    + " orders in one callback (orders.per.callback.max); the rest are refused");
        }
    }

    /** How many orders one callback may enter (at least 1). */
    public void maxOrdersPerCallback(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("orders.per.callback.max must be at least 1, was " + max);
        }
        this.maxOrdersPerCallback = max;
    }

    @Override
    public ClientOrderId newOrderId() {
        ClientOrderId id;
        do {
            id = ClientOrderId.of(orderIdPrefix + nextOrder++);
        } while (oms.order(id).isPresent());
        return id;
    }

    @Override
    public void cancel(ClientOrderId orderId) {
        if (oms.order(orderId).filter(o -> o.strategyId().equals(strategyId)).isPresent()) {
            oms.cancel(orderId, "cancelled by strategy " + strategyId);
        }
    }

    @Override
    public void modify(ClientOrderId orderId, Qty quantity, Price limitPrice, Price stopPrice) {
        if (oms.order(orderId).filter(o -> o.strategyId().equals(strategyId)).isEmpty()) {
            throw new IllegalArgumentException("no order " + orderId + " of strategy " + strategyId);
        }
        oms.modify(orderId, quantity, limitPrice, stopPrice);
    }

    @Override
    public Optional<Order> order(ClientOrderId orderId) {
        return oms.order(orderId).filter(o -> o.strategyId().equals(strategyId));
    }

    @Override
    public List<Order> openOrders() {
        return oms.openOrders(strategyId);
    }

    @Override
    public Position position(InstrumentId instrument) {
        return oms.position(strategyId, instrument);
    }

    @Override
    public Money cash() {
        return oms.cash(strategyId);
    }

    @Override
    public Money equity() {
        return oms.equity(strategyId);
    }

    @Override
    public BarHistory history(InstrumentId instrument, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history capacity must be at least 1, was " + capacity);
        }
        BarRing ring = histories.computeIfAbsent(instrument, k -> new BarRing());
        ring.ensureCapacity(capacity);
        return ring;
    }

    @Override
    public BarHistory history(InstrumentId instrument, Duration interval, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history capacity must be at least 1, was " + capacity);
        }
        Instrument i = instrument(instrument);
        io.quiver.sdk.model.TradingHours hours = i == null ? io.quiver.sdk.model.TradingHours.ALWAYS : i.hours();
        Coarse c = coarse.computeIfAbsent(instrument, k -> new HashMap<>())
                .computeIfAbsent(interval, k -> new Coarse(new io.quiver.sdk.model.BarAggregator(interval, hours), new BarRing(), interval,
                        clock.get()));
        c.ring().ensureCapacity(capacity);
        return c.ring();
    }

    @Override
    public void scheduleEvery(String name, Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("timer period must be positive, was " + period);
        }
        cancelTimer(name);
        timers.add(new Timer(clock.get().plus(period), timerSeq++, name, due -> due.plus(period)));
    }

    @Override
    public void schedule(String name, Schedule schedule) {
        cancelTimer(name);
        Instant first = schedule.next(clock.get());
        if (first != null) {
            timers.add(new Timer(first, timerSeq++, name, schedule));
        }
    }

    @Override
    public void scheduleAt(String name, Instant time) {
        cancelTimer(name);
        timers.add(new Timer(time, timerSeq++, name, null));
    }

    @Override
    public void cancelTimer(String name) {
        timers.removeIf(t -> t.name().equals(name));
    }

    @Override
    public StateStore state() {
        return stateStore;
    }

    @Override
    public Logger log() {
        return log;
    }
}
