package io.quiver.benchmarks;

import io.quiver.oms.host.InstanceState;
import io.quiver.oms.host.InMemoryStateStore;
import io.quiver.oms.host.StrategyHarness;
import io.quiver.engine.internal.StrategyRuntimeComponent;
import io.quiver.sdk.BaseStrategy;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.spi.MarketDataFeed;
import io.quiver.sdk.spi.MarketDataListener;
import io.quiver.store.internal.MapDbJournals;
import io.quiver.venue.sim.BarFillSimulator;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;

/**
 * The order round trip through the paper runtime as the distribution wires it: the runtime component with
 * its order manager on journals in a temporary folder, the simulated venue on its own journal, a feed
 * driven from this thread, and a strategy on its own thread. On each bar the strategy enters a market
 * order; the venue acknowledges it at once and fills it on the next bar. Latency = (submit in onBar to
 * the acknowledgement in onOrderEvent) + (the next bar leaving the feed to onFill), both on the strategy's
 * thread, so the queues between the threads are counted and the wait for the bar is not.
 */
final class PaperRoundTrip {
    private static final Instrument X = Instrument.of("X", 2, "USD");

    private PaperRoundTrip() {
    }

    private record SyncPolicy(String reconciliation_policy, String order_retention) implements StrategyRuntimeComponent.Config {
        @Override
        public int orders_per_callback_max() {
            return StrategyHarness.DEFAULT_MAX_ORDERS_PER_CALLBACK;
        }

        @Override
        public int feed_stale_seconds() {
            return 30;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return StrategyRuntimeComponent.Config.class;
        }
    }

    /** A feed this thread drives, one bar at a time. */
    private static final class DrivenFeed implements MarketDataFeed {
        volatile MarketDataListener listener;
        private Instant time = Instant.parse("2026-01-05T14:30:00Z");

        @Override
        public String id() {
            return "driven";
        }

        @Override
        public List<Instrument> instruments() {
            return List.of(X);
        }

        @Override
        public void start(MarketDataListener l) {
            listener = l;
        }

        @Override
        public void stop() {
            listener = null;
        }

        @Override
        public boolean isRunning() {
            return listener != null;
        }

        void bar() {
            time = time.plusSeconds(60);
            Price p = Price.of("100.00");
            listener.onBar(new Bar(X.id(), time, p, p, p, p, Qty.of(1_000_000)));
        }
    }

    /** Enters one market order per bar and notes when its acknowledgement and its fill arrive. */
    private static final class Pinger extends BaseStrategy {
        volatile long submitted;
        volatile long acknowledged;
        volatile long filled;
        volatile int acks;
        volatile int fills;
        private boolean buy;

        @Override
        public void onBar(Bar bar) {
            buy = !buy;
            submitted = System.nanoTime();
            if (buy) {
                buyMarket(X.id(), Qty.of(1));
            } else {
                sellMarket(X.id(), Qty.of(1));
            }
        }

        @Override
        public void onOrderEvent(OrderEvent e) {
            if (e instanceof OrderEvent.Accepted) {
                acknowledged = System.nanoTime();
                acks++;
            }
        }

        @Override
        public void onFill(Fill fill) {
            filled = System.nanoTime();
            fills++;
        }
    }

    static void run(int orders) throws Exception {
        Path folder = OrderPathBenchmark.tempDirectory("quiver-paper");
        Histogram entry = new Histogram(3_600_000_000_000L, 3);
        Histogram fill = new Histogram(3_600_000_000_000L, 3);
        Histogram total = new Histogram(3_600_000_000_000L, 3);
        int warmup = Math.max(2_000, orders / 10);
        try (MapDbJournals journals = new MapDbJournals(folder, Boolean.getBoolean("quiver.bench.fsync"))) {
            StrategyRuntimeComponent runtime = new StrategyRuntimeComponent(id -> new InMemoryStateStore(), journals,
                    OrderPathBenchmark.risk(journals, folder), new SyncPolicy("SYNC", "P7D"));
            try {
                BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO, journals.open("venue-sim"));
                venue.addInstrument(X);
                runtime.addVenue(venue);
                DrivenFeed feed = new DrivenFeed();
                runtime.addFeed(feed);
                Pinger pinger = new Pinger();
                runtime.addStrategy(pinger, Map.of("strategy.id", "pinger", "feed", "driven", "venue", "sim", "component.name",
                        "bench.pinger", "capital", "1000000000"));
                await(() -> runtime.instance("pinger").map(i -> i.state() == InstanceState.RUNNING).orElse(false));
                feed.bar(); // the strategy enters order 0
                for (int i = 0; i < warmup + orders; i++) {
                    int n = i + 1;
                    await(() -> pinger.acks >= n);
                    long entryNanos = pinger.acknowledged - pinger.submitted;
                    long barSent = System.nanoTime();
                    feed.bar(); // fills order i, then the strategy enters order i + 1
                    await(() -> pinger.fills >= n);
                    long fillNanos = pinger.filled - barSent;
                    if (i >= warmup) {
                        entry.recordValue(entryNanos);
                        fill.recordValue(fillNanos);
                        total.recordValue(entryNanos + fillNanos);
                    }
                }
            } finally {
                runtime.deactivate();
            }
        }
        System.out.printf(Locale.ROOT, "paper runtime round trip, journals%s, %,d orders after %,d warm-up (microseconds)%n",
                Boolean.getBoolean("quiver.bench.fsync") ? ", fsync on" : "", orders, warmup);
        OrderPathBenchmark.print("submit -> acknowledged", entry);
        OrderPathBenchmark.print("bar -> onFill", fill);
        OrderPathBenchmark.print("round trip", total);
        OrderPathBenchmark.delete(folder);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the runtime did not answer within 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
