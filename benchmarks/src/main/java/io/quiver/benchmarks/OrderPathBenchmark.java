package io.quiver.benchmarks;

import io.quiver.oms.OrderFilter;
import io.quiver.oms.OrderJournal;
import io.quiver.oms.OrderManager;
import io.quiver.oms.ReconciliationPolicy;
import io.quiver.oms.ReconciliationReport;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.store.internal.MapDbJournals;
import io.quiver.venue.sim.BarFillSimulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The order path in paper mode, measured end to end with the real order manager and the real simulated
 * venue, each on its own MapDB journal (transactions on, as in the distribution), in one thread:
 * <ul>
 * <li>{@code roundtrip [orders] [memory]}: a strategy callback enters a market order; the venue acknowledges
 * it; the next bar fills it; the strategy's sink gets the fill. Latency = (submit to acknowledgement
 * delivered) + (bar at the venue to fill delivered), so the wait for the bar itself is not counted.
 * {@code memory} runs the same with journals that keep nothing.</li>
 * <li>{@code throughput [orders] [batch]}: limit orders that rest, entered {@code batch} per strategy
 * callback (one commit per batch), each acknowledged by the venue; orders per second over the run.</li>
 * <li>{@code paper [orders]}: the same round trip through the paper runtime itself ({@link PaperRoundTrip}): a
 * strategy on its own thread, a feed thread, the runtime's dispatch and queues.</li>
 * <li>{@code state [puts]}: a strategy's durable state writes ({@code StateStore.put}), microseconds each.</li>
 * <li>{@code kill [open orders]}: that many resting orders, then the kill switch as {@code risk:kill} throws it
 * (journaled, every open order cancelled at the venue); time until the venue's last cancel is delivered.</li>
 * <li>{@code recovery [open orders]}: a child JVM enters that many resting orders and halts without any
 * shutdown (as kill -9 leaves the files); then the order manager and the venue are rebuilt from their
 * journals and reconciled, timed.</li>
 * </ul>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.quiver.benchmarks.OrderPathBenchmark roundtrip}; journals go to
 * the temporary folder, or to {@code -Dquiver.bench.dir=<dir>}; {@code -Dquiver.bench.fsync=true} makes every commit wait
 * for the disk; {@code -Dquiver.bench.risk=true} puts every order through the risk chain with every check on
 * ({@link #ALL_CHECKS}; limits no order reaches), otherwise with the default checks (buying power, no short sales
 * refused here) and, for the paper runtime, the audit trail.
 */
public final class OrderPathBenchmark {
    private static final Instrument X = Instrument.of("X", 2, "USD");
    private static final Instant T0 = Instant.parse("2026-01-05T14:30:00Z");

    private OrderPathBenchmark() {
    }

    /** Every built-in check on, with limits the benchmark's orders never reach. */
    static final java.util.Map<String, Object> ALL_CHECKS = java.util.Map.ofEntries(java.util.Map.entry("instruments.allowed", "X"),
            java.util.Map.entry("instruments.blocked", "Y"), java.util.Map.entry("order.quantity.max", "1000000"),
            java.util.Map.entry("order.notional.max", "1000000000000"), java.util.Map.entry("position.max", "1000000000"),
            java.util.Map.entry("exposure.gross.max", "1000000000000000"), java.util.Map.entry("exposure.net.max", "1000000000000000"),
            java.util.Map.entry("orders.open.max", "100000000"), java.util.Map.entry("orders.day.max", "1000000000"),
            java.util.Map.entry("orders.rate.max", "1000000000"), java.util.Map.entry("orders.rate.global.max", "1000000000"),
            java.util.Map.entry("collar.percent", "90"), java.util.Map.entry("duplicate.window", "PT0.000001S"),
            java.util.Map.entry("buying.power", "true"), java.util.Map.entry("short.allowed", "true"));

    static boolean riskOn() {
        return Boolean.getBoolean("quiver.bench.risk");
    }

    /** The risk chain of an order manager that stands alone here: every check on, or the defaults with short sales allowed. */
    static io.quiver.oms.PreTradeGate riskGate() {
        return io.quiver.risk.RiskChains.backtest(riskOn() ? ALL_CHECKS : java.util.Map.of("short.allowed", "true"));
    }

    /** The risk layer of the paper runtime, its kill switch journaled with the rest and its audit trail in {@code folder}. */
    static io.quiver.risk.RiskService risk(io.quiver.oms.JournalStore journals, Path folder) {
        return io.quiver.risk.RiskChains.service(journals, riskOn() ? ALL_CHECKS : java.util.Map.of("short.allowed", "true"),
                folder.resolve("quiver-audit.json"));
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "roundtrip";
        switch (mode) {
            case "roundtrip" -> roundTrip(arg(args, 1, 20_000), args.length > 2 && args[2].equals("memory"));
            case "throughput" -> throughput(arg(args, 1, 100_000), arg(args, 2, 1_000));
            case "recovery" -> recovery(arg(args, 1, 10_000));
            case "kill" -> kill(arg(args, 1, 10_000));
            case "paper" -> PaperRoundTrip.run(arg(args, 1, 20_000));
            case "state" -> statePuts(arg(args, 1, 5_000));
            case "compact" -> compaction(arg(args, 1, 300_000));
            case "recovery-child" -> enterAndHalt(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("mode: roundtrip, throughput, recovery, kill, paper, state or compact, not " + mode);
        }
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    /** The order manager and the venue on journals in {@code folder} (or on none), wired as in the runtime. */
    private static final class Paper implements AutoCloseable {
        final MapDbJournals journals;
        final BarFillSimulator venue;
        final OrderManager oms;
        Instant now = T0;

        Paper(Path folder) {
            journals = folder == null ? null : new MapDbJournals(folder, Boolean.getBoolean("quiver.bench.fsync"));
            OrderJournal venueJournal = journals == null ? OrderJournal.none() : journals.open("venue-sim");
            OrderJournal omsJournal = journals == null ? OrderJournal.none() : journals.open("orders");
            venue = new BarFillSimulator("sim", BigDecimal.ZERO, venueJournal);
            venue.addInstrument(X);
            oms = new OrderManager(omsJournal, id -> venue, () -> now);
            oms.gate(riskGate());
            oms.registerInstrument(X);
            venue.open(e -> oms.onVenueEvent("sim", e));
            oms.openAccount("s", "sim", Money.of(1_000_000_000L));
            oms.onBar(bar(10_000)); // a reference price for the risk checks
        }

        Bar bar(long cents) {
            now = now.plusSeconds(60);
            Price p = Price.ofUnits(cents, 2);
            return new Bar(X.id(), now, p, p, p, p, Qty.of(1_000_000));
        }

        /** What the runtime does with a bar: venue first, then the order manager, in one batch. */
        void onBar(Bar bar) {
            oms.inBatch(() -> {
                venue.onBar(bar);
                oms.onBar(bar);
            });
        }

        @Override
        public void close() {
            if (journals != null) {
                journals.close();
            }
        }
    }

    private static void roundTrip(int orders, boolean memory) throws IOException {
        Path folder = memory ? null : tempDirectory("quiver-roundtrip");
        Histogram entry = new Histogram(3_600_000_000_000L, 3);
        Histogram fill = new Histogram(3_600_000_000_000L, 3);
        Histogram total = new Histogram(3_600_000_000_000L, 3);
        try (Paper paper = new Paper(folder)) {
            long[] delivered = new long[1];
            paper.oms.attach("s", e -> delivered[0] = System.nanoTime());
            int warmup = Math.max(2_000, orders / 10);
            for (int i = 0; i < warmup + orders; i++) {
                Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
                ClientOrderId id = ClientOrderId.of("o" + i);
                long t0 = System.nanoTime();
                paper.oms.inBatch(() -> paper.oms.submit("s", id, OrderRequest.market(X.id(), side, Qty.of(1))));
                long acked = delivered[0];
                Bar bar = paper.bar(10_000 + i % 7);
                long t1 = System.nanoTime();
                paper.onBar(bar);
                long filled = delivered[0];
                if (i >= warmup) {
                    entry.recordValue(acked - t0);
                    fill.recordValue(filled - t1);
                    total.recordValue(acked - t0 + filled - t1);
                }
            }
            if (paper.oms.orders(new OrderFilter("s", null, OrderStatus.FILLED, false, null, null)).size() != warmup + orders) {
                throw new IllegalStateException("not every order filled");
            }
        }
        System.out.printf(Locale.ROOT, "round trip, %s, %,d orders after %,d warm-up (microseconds)%n",
                memory ? "journals keep nothing" : Boolean.getBoolean("quiver.bench.fsync") ? "journals, fsync on" : "journals", orders, Math.max(2_000, orders / 10));
        print("submit -> acknowledged", entry);
        print("bar -> fill delivered", fill);
        print("round trip", total);
        delete(folder);
    }

    static void print(String what, Histogram h) {
        System.out.printf(Locale.ROOT, "  %-24s p50 %9.1f   p99 %9.1f   p99.9 %9.1f   max %9.1f%n", what,
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
                h.getMaxValue() / 1e3);
    }

    private static void statePuts(int puts) throws IOException {
        Path folder = tempDirectory("quiver-state");
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        try (io.quiver.store.internal.MapDbStateStores stores = new io.quiver.store.internal.MapDbStateStores(folder.resolve("state.db"))) {
            io.quiver.sdk.StateStore state = stores.open("s");
            for (int i = 0; i < 2 * puts; i++) {
                long t0 = System.nanoTime();
                state.put("fills", Integer.toString(i));
                if (i >= puts) {
                    h.recordValue(System.nanoTime() - t0);
                }
            }
        }
        System.out.printf(Locale.ROOT, "state writes, %,d puts after %,d warm-up (microseconds)%n", puts, puts);
        print("put", h);
        delete(folder);
    }

    private static void throughput(int orders, int batch) throws IOException {
        Path folder = tempDirectory("quiver-throughput");
        long start;
        long elapsed;
        try (Paper paper = new Paper(folder)) {
            int[] accepted = new int[1];
            paper.oms.attach("s", e -> {
                if (e instanceof OrderEvent.Accepted) {
                    accepted[0]++;
                }
            });
            start = System.nanoTime();
            for (int done = 0; done < orders; done += batch) {
                int first = done;
                int n = Math.min(batch, orders - done);
                paper.oms.inBatch(() -> {
                    for (int k = first; k < first + n; k++) {
                        Side side = k % 2 == 0 ? Side.BUY : Side.SELL;
                        Price limit = Price.ofUnits(side == Side.BUY ? 5_000 - k % 500 : 15_000 + k % 500, 2);
                        paper.now = paper.now.plusNanos(2_000); // equal orders 2 us apart are not duplicates
                        paper.oms.submit("s", ClientOrderId.of("t" + k), OrderRequest.limit(X.id(), side, Qty.of(1), limit, TimeInForce.GTC));
                    }
                });
            }
            elapsed = System.nanoTime() - start;
            if (accepted[0] != orders) {
                throw new IllegalStateException(accepted[0] + " of " + orders + " acknowledged");
            }
        }
        System.out.printf(Locale.ROOT, "throughput, journals: %,d resting orders entered and acknowledged, %,d per callback: "
                + "%.2f s, %,.0f orders/s%n", orders, batch, elapsed / 1e9, orders / (elapsed / 1e9));
        delete(folder);
    }

    /** Enters and cancels {@code orders} orders, then forgets them all: the time and the journal's size on disk before and after. */
    private static void compaction(int orders) throws IOException {
        Path folder = tempDirectory("quiver-compaction");
        try (Paper paper = new Paper(folder)) {
            for (int done = 0; done < orders; done += 1_000) {
                int first = done;
                int n = Math.min(1_000, orders - done);
                paper.oms.inBatch(() -> {
                    for (int k = first; k < first + n; k++) {
                        paper.now = paper.now.plusNanos(2_000);
                        ClientOrderId id = ClientOrderId.of("c" + k);
                        paper.oms.submit("s", id, OrderRequest.limit(X.id(), Side.BUY, Qty.of(1), Price.ofUnits(5_000, 2), TimeInForce.GTC));
                        paper.oms.cancel(id, "benchmark");
                    }
                });
            }
            long before = paper.oms.journalSizeOnDisk();
            long t0 = System.nanoTime();
            int forgotten = paper.oms.compact(paper.now.plusSeconds(1));
            long elapsed = System.nanoTime() - t0;
            System.out.printf(Locale.ROOT, "compaction: %,d orders entered and cancelled, %,d forgotten in %.2f s; journal %,d bytes before, %,d after%n",
                    orders, forgotten, elapsed / 1e9, before, paper.oms.journalSizeOnDisk());
        }
        delete(folder);
    }

    private static void recovery(int open) throws Exception {
        Path folder = tempDirectory("quiver-recovery");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OrderPathBenchmark.class.getName(),
                "recovery-child", folder.toString(), Integer.toString(open)).inheritIO().start();
        if (child.waitFor() != 137 && child.exitValue() != 0) {
            throw new IllegalStateException("the child that enters the orders failed: " + child.exitValue());
        }
        long t0 = System.nanoTime();
        MapDbJournals journals = new MapDbJournals(folder, false);
        OrderManager oms = new OrderManager(journals.open("orders"), id -> null, Instant::now);
        long t1 = System.nanoTime();
        BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO, journals.open("venue-sim"));
        venue.addInstrument(X);
        long t2 = System.nanoTime();
        ReconciliationReport report = oms.reconcile(venue, ReconciliationPolicy.SYNC);
        long t3 = System.nanoTime();
        int recovered = oms.openOrders("s").size();
        journals.close();
        if (recovered != open || !report.isClean()) {
            throw new IllegalStateException(recovered + " open orders recovered of " + open + "; report " + report);
        }
        System.out.printf(Locale.ROOT, "recovery after a halt with %,d open orders: order manager replay %.0f ms, venue replay %.0f ms, "
                + "reconciliation %.0f ms (%d differences), total %.0f ms%n", open, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
                report.discrepancies().size(), (t3 - t0) / 1e6);
        delete(folder);
    }

    private static void kill(int open) throws IOException {
        Path folder = tempDirectory("quiver-kill");
        try (Paper paper = new Paper(folder)) {
            io.quiver.risk.RiskService risk = risk(paper.journals, folder);
            paper.oms.gate(risk.gate());
            int[] cancelled = new int[1];
            long[] last = new long[1];
            paper.oms.attach("s", e -> {
                if (e instanceof OrderEvent.Cancelled) {
                    cancelled[0]++;
                    last[0] = System.nanoTime();
                }
            });
            enterResting(paper, "k", open);
            if (paper.oms.openOrders("s").size() != open) {
                throw new IllegalStateException(paper.oms.openOrders("s").size() + " of " + open + " orders open");
            }
            long start = System.nanoTime();
            risk.kill("benchmark", "kill switch benchmark");
            long latched = System.nanoTime();
            int asked = paper.oms.cancelAll(null, "kill switch");
            if (cancelled[0] != open || asked != open || !paper.oms.openOrders("s").isEmpty()) {
                throw new IllegalStateException(cancelled[0] + " of " + open + " cancels delivered");
            }
            System.out.printf(Locale.ROOT, "kill, journals: %,d open orders; latched (journaled) in %.3f ms; every cancel acknowledged by the "
                    + "venue and delivered %.1f ms after risk:kill%n", open, (latched - start) / 1e6, (last[0] - start) / 1e6);
        } finally {
            delete(folder);
        }
    }

    /** Enters {@code open} resting limit orders, both sides far from the price, 1,000 per batch, 2 µs apart. */
    private static void enterResting(Paper paper, String prefix, int open) {
        for (int done = 0; done < open; done += 1_000) {
            int first = done;
            paper.oms.inBatch(() -> {
                for (int k = first; k < Math.min(first + 1_000, open); k++) {
                    Side side = k % 2 == 0 ? Side.BUY : Side.SELL;
                    Price limit = Price.ofUnits(side == Side.BUY ? 5_000 - k % 500 : 15_000 + k % 500, 2);
                    paper.now = paper.now.plusNanos(2_000);
                    paper.oms.submit("s", ClientOrderId.of(prefix + k), OrderRequest.limit(X.id(), side, Qty.of(1), limit, TimeInForce.GTC));
                }
            });
        }
    }

    /** In the child: enter the orders, then stop dead, without closing the journals or running shutdown hooks. */
    private static void enterAndHalt(Path folder, int open) {
        Paper paper = new Paper(folder);
        enterResting(paper, "r", open);
        System.out.printf(Locale.ROOT, "entered %,d resting orders; halting%n", open);
        Runtime.getRuntime().halt(137);
    }

    /** Journals go to the system's temporary folder, or to {@code -Dquiver.bench.dir} (e.g. a tmpfs, to leave the disk out). */
    static Path tempDirectory(String prefix) throws IOException {
        String dir = System.getProperty("quiver.bench.dir");
        return dir == null ? Files.createTempDirectory(prefix) : Files.createTempDirectory(Path.of(dir), prefix);
    }

    static void delete(Path folder) throws IOException {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
