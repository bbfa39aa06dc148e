package io.quiver.benchmarks;

import io.quiver.matching.CancelReason;
import io.quiver.matching.MatchingEvents;
import io.quiver.matching.OrderBook;
import io.quiver.matching.OrderBooks;
import io.quiver.matching.RejectReason;
import io.quiver.matching.Side;
import org.HdrHistogram.Histogram;

/**
 * Per-command latency of the fast book on {@link MatchingCommands}, each command timed with
 * System.nanoTime into an HdrHistogram, after warm-up rounds. Prints the command mix, the share of
 * commands that traded, the timer's own cost and p50/p99/p99.9/max.
 * Usage: java -cp benchmarks/target/benchmarks.jar io.quiver.benchmarks.MatchingLatency [resting] [rounds]
 */
public final class MatchingLatency {
    private MatchingLatency() {
    }

    /** Counts trades, and the commands that caused at least one. */
    private static final class Counter implements MatchingEvents {
        long trades;
        long rejects;

        @Override
        public void accepted(long orderId) {
        }

        @Override
        public void rejected(long orderId, RejectReason reason) {
            rejects++;
        }

        @Override
        public void trade(long t, long ta, long m, long ma, Side s, long p, long q, long tf, long mf, long tl, long ml) {
            trades++;
        }

        @Override
        public void cancelled(long orderId, long size, CancelReason reason) {
        }

        @Override
        public void amended(long orderId, long price, long size) {
        }

        @Override
        public void triggered(long orderId) {
        }
    }

    public static void main(String[] args) {
        int resting = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        MatchingCommands c = new MatchingCommands(resting, MatchingBenchmark.COMMANDS, 42);
        System.out.println("resting " + resting + ", " + c.measured() + " commands: " + c.mix());
        Histogram h = new Histogram(10_000_000_000L, 3);
        long tradingCommands = 0;
        long rejects = 0;
        for (int round = 0; round < rounds; round++) {
            Counter counter = new Counter();
            OrderBook book = OrderBooks.create(MatchingCommands.RULES, counter);
            for (int i = 0; i < c.prefill; i++) {
                c.apply(book, i);
            }
            boolean record = round >= rounds / 2;
            for (int i = c.prefill; i < c.count; i++) {
                long before = counter.trades;
                long t0 = System.nanoTime();
                c.apply(book, i);
                long t1 = System.nanoTime();
                if (record) {
                    h.recordValue(t1 - t0);
                }
                if (round == 0 && counter.trades != before) {
                    tradingCommands++;
                }
            }
            if (round == 0) {
                rejects = counter.rejects;
            }
        }
        Histogram timer = new Histogram(10_000_000_000L, 3);
        for (int i = 0; i < 1_000_000; i++) {
            long t0 = System.nanoTime();
            long t1 = System.nanoTime();
            timer.recordValue(t1 - t0);
        }
        System.out.printf("commands that traded %.2f %%, rejected %.2f %%%n", 100.0 * tradingCommands / c.measured(), 100.0 * rejects / c.measured());
        System.out.printf("timer alone: p50 %d ns%n", timer.getValueAtPercentile(50));
        System.out.printf("latency (ns, timer included, %d samples): p50 %d  p99 %d  p99.9 %d  max %d%n", h.getTotalCount(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
    }
}
