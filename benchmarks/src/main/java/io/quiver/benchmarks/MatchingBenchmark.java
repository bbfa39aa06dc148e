package io.quiver.benchmarks;

import io.quiver.matching.CancelReason;
import io.quiver.matching.MatchingEvents;
import io.quiver.matching.OrderBook;
import io.quiver.matching.OrderBooks;
import io.quiver.matching.RejectReason;
import io.quiver.matching.Side;
import io.quiver.matching.replay.CommandStream;
import io.quiver.matching.replay.ExchangeLikeCommands;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Nanoseconds per command of the fast order book on {@link ExchangeLikeCommands}: each iteration is one
 * replay of 1,000,000 commands on a book pre-filled with {@code resting} orders (the fill is outside
 * the timing; run with -gc true so its garbage is collected before the replay). Events go to a
 * consumer that feeds a Blackhole, as a venue's would be consumed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MatchingBenchmark {
    static final int COMMANDS = 1_000_000;

    @Param({"1000", "1000000"})
    public int resting;

    private CommandStream commands;
    private OrderBook book;

    /** Consumes events the way a listener must: without keeping them. */
    static final class Sink implements MatchingEvents {
        Blackhole bh;

        @Override
        public void accepted(long orderId) {
            bh.consume(orderId);
        }

        @Override
        public void rejected(long orderId, RejectReason reason) {
            bh.consume(reason);
        }

        @Override
        public void trade(long t, long ta, long m, long ma, Side s, long p, long q, long tf, long mf, long tl, long ml) {
            bh.consume(p + q + tf + mf);
        }

        @Override
        public void cancelled(long orderId, long size, CancelReason reason) {
            bh.consume(size);
        }

        @Override
        public void amended(long orderId, long price, long size) {
            bh.consume(price);
        }

        @Override
        public void triggered(long orderId) {
            bh.consume(orderId);
        }
    }

    private final Sink sink = new Sink();

    @Setup(Level.Trial)
    public void generate() {
        commands = ExchangeLikeCommands.generate(resting, COMMANDS, 42);
    }

    @Setup(Level.Iteration)
    public void prefill(Blackhole bh) {
        sink.bh = bh;
        book = OrderBooks.create(ExchangeLikeCommands.RULES, sink);
        for (int i = 0; i < resting; i++) {
            commands.apply(book, i);
        }
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public OrderBook replay() {
        CommandStream c = commands;
        for (int i = resting, n = c.size(); i < n; i++) {
            c.apply(book, i);
        }
        return book;
    }
}
