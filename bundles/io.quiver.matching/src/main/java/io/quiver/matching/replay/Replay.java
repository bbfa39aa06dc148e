package io.quiver.matching.replay;

import io.quiver.matching.BookRules;
import io.quiver.matching.CancelReason;
import io.quiver.matching.MatchingEvents;
import io.quiver.matching.OrderBook;
import io.quiver.matching.OrderBooks;
import io.quiver.matching.RejectReason;
import io.quiver.matching.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Replays a command stream into fresh books: {@code warmupRounds} untimed rounds, one round timed as a
 * whole (throughput), one round with every command timed (latency percentiles, System.nanoTime
 * included), then reports the final book's depth.
 */
public final class Replay {
    private Replay() {
    }

    /** One level of the final book. */
    public record Level(Side side, long price, long totalSize, int orders) {
    }

    /** What a replay measured. */
    public record Report(int commands, long trades, long rejects, long elapsedNanos, long p50, long p99, long p999, long max,
            List<Level> bids, List<Level> asks) {

        public double commandsPerSecond() {
            return elapsedNanos == 0 ? 0 : commands * 1e9 / elapsedNanos;
        }

        /** A summary and the final depth, one line each. */
        public String text() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("commands       %,d (%,d trades, %,d rejected)%n", commands, trades, rejects));
            b.append(String.format("throughput     %,.0f commands/s (%.1f ns per command)%n", commandsPerSecond(),
                    commands == 0 ? 0.0 : (double) elapsedNanos / commands));
            b.append(String.format("latency        p50 %d ns, p99 %d ns, p99.9 %d ns, max %d ns (timer included)%n", p50, p99, p999, max));
            b.append("final book     side price total orders\n");
            for (Level l : bids) {
                b.append(String.format("               %s %d %d %d%n", l.side(), l.price(), l.totalSize(), l.orders()));
            }
            for (Level l : asks) {
                b.append(String.format("               %s %d %d %d%n", l.side(), l.price(), l.totalSize(), l.orders()));
            }
            return b.toString();
        }
    }

    /** Counts trades and rejects. */
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

    /**
     * @param depthLevels how many levels per side to report (0 for all)
     */
    public static Report run(CommandStream commands, BookRules rules, int warmupRounds, int depthLevels) {
        int n = commands.size();
        for (int round = 0; round < warmupRounds; round++) {
            OrderBook book = OrderBooks.create(rules, new Counter());
            for (int i = 0; i < n; i++) {
                commands.apply(book, i);
            }
        }
        Counter counter = new Counter();
        OrderBook book = OrderBooks.create(rules, counter);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            commands.apply(book, i);
        }
        long elapsed = System.nanoTime() - start;

        long[] latency = new long[n];
        OrderBook timed = OrderBooks.create(rules, new Counter());
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            commands.apply(timed, i);
            latency[i] = System.nanoTime() - t0;
        }
        Arrays.sort(latency);
        List<Level> bids = new ArrayList<>();
        List<Level> asks = new ArrayList<>();
        int limit = depthLevels <= 0 ? Integer.MAX_VALUE : depthLevels;
        book.levels(Side.BUY, limit, (side, price, total, count) -> bids.add(new Level(side, price, total, count)));
        book.levels(Side.SELL, limit, (side, price, total, count) -> asks.add(new Level(side, price, total, count)));
        return new Report(n, counter.trades, counter.rejects, elapsed, percentile(latency, 50), percentile(latency, 99),
                percentile(latency, 99.9), n == 0 ? 0 : latency[n - 1], bids, asks);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
