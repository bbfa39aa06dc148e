package io.quiver.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast book against the naive reference: same commands, same events and depth updates in the same order, same book. */
class DifferentialTest {

    private static List<String> levels(OrderBook book) {
        List<String> out = new ArrayList<>();
        for (Side side : Side.values()) {
            book.levels(side, Integer.MAX_VALUE, (s, price, total, count) -> out.add(s + " " + total + "@" + price + "x" + count));
        }
        return out;
    }

    private static void compare(long seed, int commands) {
        RandomCommands gen = new RandomCommands(seed);
        RecordingEvents fastEvents = new RecordingEvents();
        RecordingEvents naiveEvents = new RecordingEvents();
        OrderBook fast = OrderBooks.create(gen.rules(), fastEvents);
        OrderBook naive = new NaiveOrderBook(gen.rules(), naiveEvents);
        fast.depthListener((seq, side, price, total, count) -> fastEvents.lines.add("depth " + seq + " " + side + " " + total + "@" + price + "x" + count));
        naive.depthListener((seq, side, price, total, count) -> naiveEvents.lines.add("depth " + seq + " " + side + " " + total + "@" + price + "x" + count));
        long trades = 0;
        for (int i = 0; i < commands; i++) {
            String command = gen.next(fast, naive);
            List<String> expected = naiveEvents.take();
            List<String> actual = fastEvents.take();
            if (!expected.equals(actual)) {
                assertEquals(expected, actual, "seed " + seed + ", command " + i + ": " + command);
            }
            trades += actual.stream().filter(e -> e.startsWith("trade")).count();
        }
        assertEquals(levels(naive), levels(fast), "final book, seed " + seed);
        assertEquals(naive.orderCount(), fast.orderCount());
        assertEquals(naive.lastTradePrice(), fast.lastTradePrice());
        assertEquals(true, trades > commands / 20, "the stream trades: " + trades);
    }

    @Test
    void twoHundredThousandRandomCommandsGiveIdenticalEventsAndBooks() {
        compare(1, 100_000);
        compare(2, 100_000);
    }

    @Test
    void manyShortStreams() {
        for (long seed = 100; seed < 140; seed++) {
            compare(seed, 3_000);
        }
    }
}
