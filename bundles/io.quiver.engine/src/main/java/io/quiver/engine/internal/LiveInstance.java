package io.quiver.engine.internal;

import io.quiver.oms.host.StrategyHarness;
import io.quiver.engine.InstanceInfo;
import io.quiver.oms.host.InstanceState;
import io.quiver.oms.OrderManager;
import io.quiver.sdk.StateStore;
import io.quiver.sdk.Strategy;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.Quote;
import io.quiver.sdk.model.Trade;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One strategy instance in paper or live mode: its harness runs on its own single thread, so every
 * event reaches the strategy in order and one at a time, and a slow or faulty instance holds up no other.
 */
final class LiveInstance {
    private static final Logger LOG = LoggerFactory.getLogger(LiveInstance.class);

    final InstanceSettings settings;
    final Strategy strategy;
    /** The configuration file (or PID) the instance comes from; of two with one id, the first name wins. */
    String source = "";
    private final Clock clock;
    private ExecutorService executor;
    private volatile Thread thread;
    /** Set under the lock with the executor; an event task reads it under that lock too (see {@link #post}). */
    private volatile StrategyHarness harness;
    private volatile OrderManager oms;
    private volatile Set<String> subscribed = Set.of();
    private volatile String waitingFor = "";
    private volatile String failure = "";
    /** Set while a quarantine journaled before a restart keeps the instance from starting. */
    private volatile String quarantinedBefore;

    LiveInstance(InstanceSettings settings, Strategy strategy, Clock clock) {
        this.settings = settings;
        this.strategy = strategy;
        this.clock = clock;
    }

    static LiveInstance failed(InstanceSettings settings, Strategy strategy, String reason) {
        LiveInstance i = new LiveInstance(settings, strategy, Clock.systemUTC());
        i.failure = reason;
        return i;
    }

    String id() {
        return settings.id();
    }

    synchronized boolean isRunning() {
        return harness != null && executor != null && harness.instanceState() == InstanceState.RUNNING;
    }

    synchronized boolean isActive() {
        return executor != null;
    }

    /** Why the instance is quarantined now, or null. */
    String quarantineReason() {
        StrategyHarness h = harness;
        return h != null && h.instanceState() == InstanceState.QUARANTINED ? h.reason() : null;
    }

    /** Keeps the instance from starting, quarantined for {@code reason} (null: lifted). */
    void holdQuarantined(String reason) {
        quarantinedBefore = reason;
    }

    /** Quarantined, or failed in its onStart: it runs no more until an operator starts it again. */
    boolean isHalted() {
        StrategyHarness h = harness;
        return h != null && (h.instanceState() == InstanceState.QUARANTINED || h.instanceState() == InstanceState.FAILED);
    }

    void waitFor(String what) {
        waitingFor = what;
    }

    /** Starts on a feed's instruments (all of {@code available} named in the settings, or the first). */
    synchronized void start(List<Instrument> available, OrderManager oms, StateStore state, Consumer<OrderEvent> sink, int maxOrdersPerCallback) {
        if (executor != null || !failure.isEmpty()) {
            return;
        }
        List<Instrument> instruments = new ArrayList<>();
        for (Instrument i : available) {
            if (settings.instruments().isEmpty() ? instruments.isEmpty() : settings.instruments().contains(i.id().symbol())) {
                instruments.add(i);
            }
        }
        if (instruments.isEmpty()) {
            failure = "instruments: none of " + settings.instruments() + " is published by feed " + settings.feed();
            LOG.error("strategy {} not started: {}", id(), failure);
            return;
        }
        subscribed = Set.copyOf(instruments.stream().map(i -> i.id().symbol()).toList());
        waitingFor = "";
        String prefix = id() + "-" + Long.toString(clock.millis(), 36) + "-";
        oms.openAccount(id(), settings.venue(), settings.capital());
        this.oms = oms;
        harness = new StrategyHarness(new StrategyHarness.Setup(id(), strategy, oms, clock::instant, instruments, state, prefix, 3,
                sink));
        harness.maxOrdersPerCallback(maxOrdersPerCallback);
        oms.attach(id(), this::onOrderEvent);
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "quiver-strategy-" + id());
            // What the harness does not catch goes to the log with the instance id, never to the console.
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("strategy {}: its thread failed: {}", id(), e.toString(), e));
            thread = t;
            return t;
        });
        post(StrategyHarness::start);
        LOG.info("strategy {} ({}) started on {} via {}, instruments {}", id(), settings.type(), settings.feed(), settings.venue(),
                subscribed);
    }

    /** Stops the instance; open orders are cancelled and onStop runs (the strategy saves its state there). */
    void stop() {
        ExecutorService e;
        StrategyHarness h;
        synchronized (this) {
            e = executor;
            h = harness;
            executor = null;
        }
        if (e == null) {
            return;
        }
        // Cancels raised while stopping come back on the instance's own thread and are applied directly.
        e.execute(() -> h.stop(true));
        e.shutdown();
        try {
            if (!e.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("strategy {} did not stop within 10 s; interrupting it", id());
                e.shutdownNow();
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        oms.attach(id(), null);
        LOG.info("strategy {} stopped", id());
    }

    void onBar(Bar bar) {
        deliver(bar.instrument(), h -> h.onBar(bar));
    }

    void onQuote(Quote quote) {
        deliver(quote.instrument(), h -> h.onQuote(quote));
    }

    void onTrade(Trade trade) {
        deliver(trade.instrument(), h -> h.onTrade(trade));
    }

    /**
     * Quarantines the instance if its current callback has run longer than {@code budgetMillis}: it gets
     * no more events and its thread is interrupted. Returns true if it did.
     */
    boolean quarantineIfOverrun(long budgetMillis) {
        StrategyHarness h = harness;
        Thread t = thread;
        if (h == null || h.instanceState() != InstanceState.RUNNING || h.busyNanos() < budgetMillis * 1_000_000L) {
            return false;
        }
        h.quarantineOverrun(budgetMillis);
        if (t != null) {
            t.interrupt();
        }
        return true;
    }

    /** Market data of a subscribed instrument goes to the instance's thread, in arrival order. */
    private void deliver(InstrumentId instrument, Consumer<StrategyHarness> event) {
        StrategyHarness running = harness;
        if (running != null && running.instanceState() == InstanceState.QUARANTINED) {
            return; // a quarantined instance gets no more market data; its queue must not grow while it is stuck
        }
        if (subscribed.contains(instrument.symbol())) {
            post(event);
        }
    }

    /** Events the instance's own calls raise (an ack to a submit) are applied at once; the harness queues them. */
    void onOrderEvent(OrderEvent e) {
        if (Thread.currentThread() == thread) {
            harness.onOrderEvent(e); // the instance's own thread exists only once its harness does
        } else {
            post(h -> h.onOrderEvent(e));
        }
    }

    void tick() {
        post(h -> h.fireTimers(clock.instant()));
    }

    /**
     * Runs {@code task} on the instance's thread with its harness, read under the lock that starts the
     * instance: a feed thread that sees the executor also sees the harness (reading it outside the lock
     * could give null to the first bar of a start).
     */
    private synchronized void post(Consumer<StrategyHarness> task) {
        if (executor == null) {
            return;
        }
        StrategyHarness h = harness;
        try {
            executor.execute(() -> task.accept(h));
        } catch (RejectedExecutionException stopping) {
            LOG.debug("strategy {} is stopping; event dropped", id());
        }
    }

    /** What the operator sees; {@code books} answers for an instance not started yet whose account it keeps from before. */
    InstanceInfo info(OrderManager books) {
        StrategyHarness h = harness;
        String held = quarantinedBefore;
        if (h == null && held != null) {
            boolean known = books.accounts().contains(id());
            return new InstanceInfo(id(), settings.type(), InstanceState.QUARANTINED, held, settings.feed(), settings.venue(),
                    settings.instruments(), settings.capital(), known ? books.cash(id()) : settings.capital(),
                    known ? books.equity(id()) : settings.capital(), known ? books.openOrders(id()).size() : 0,
                    known ? books.orderCount(id()) : 0, 0, "");
        }
        if (h == null) {
            InstanceState s = failure.isEmpty() ? InstanceState.CREATED : InstanceState.FAILED;
            boolean known = books.accounts().contains(id());
            return new InstanceInfo(id(), settings.type(), s, failure, settings.feed(), settings.venue(), settings.instruments(),
                    settings.capital(), known ? books.cash(id()) : settings.capital(), known ? books.equity(id()) : settings.capital(),
                    known ? books.openOrders(id()).size() : 0, known ? books.orderCount(id()) : 0, 0, waitingFor);
        }
        return new InstanceInfo(id(), settings.type(), h.instanceState(), h.reason(), settings.feed(), settings.venue(),
                List.copyOf(subscribed).stream().sorted().toList(), settings.capital(), books.cash(id()), books.equity(id()),
                books.openOrders(id()).size(), books.orderCount(id()), h.faults(), waitingFor);
    }

    Instant now() {
        return clock.instant();
    }
}
