package io.quiver.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A book written down with {@link OrderBook#orders} and placed again into an empty book answers every
 * later command exactly as the book it was taken from: same events, same depth updates with the same
 * sequence numbers. Also: the fast book visits its orders in the naive reference's order.
 */
class SnapshotTest {

    private static List<String> snapshot(OrderBook book) {
        List<String> out = new ArrayList<>();
        book.orders((id, account, side, kind, tif, postOnly, price, stop, remaining) -> out.add(id + " " + account + " " + side + " " + kind
                + " " + tif + " " + postOnly + " " + price + " " + stop + " " + remaining));
        return out;
    }

    /** An empty book with the same rules, given every order of {@code from} again, and then its market state. */
    private static OrderBook rebuilt(OrderBook from, BookRules rules, RecordingEvents events) {
        OrderBook copy = OrderBooks.create(rules, events);
        from.orders((id, account, side, kind, tif, postOnly, price, stop, remaining) -> copy.place(id, account, side, kind, tif, postOnly,
                price, stop, remaining));
        copy.restoreMarket(from.lastTradePrice(), from.depthSequence());
        events.take();
        return copy;
    }

    private static void depthTo(OrderBook book, RecordingEvents events) {
        book.depthListener((seq, side, price, total, count) -> events.lines.add("depth " + seq + " " + side + " " + total + "@" + price + "x" + count));
    }

    @Test
    void aRebuiltBookAnswersEveryLaterCommandAsTheOriginal() {
        long stopsRebuilt = 0;
        for (long seed = 1; seed <= 30; seed++) {
            RandomCommands gen = new RandomCommands(seed);
            SplittableRandom when = new SplittableRandom(seed * 31);
            RecordingEvents originalEvents = new RecordingEvents();
            OrderBook original = OrderBooks.create(gen.rules(), originalEvents);
            depthTo(original, originalEvents);
            for (int i = 0, until = 500 + when.nextInt(5_000); i < until; i++) {
                gen.next(original);
            }
            originalEvents.take();
            RecordingEvents copyEvents = new RecordingEvents();
            OrderBook copy = rebuilt(original, gen.rules(), copyEvents);
            depthTo(copy, copyEvents);
            assertEquals(snapshot(original), snapshot(copy), "seed " + seed + ": the rebuilt book holds the same orders in the same order");
            assertTrue(original.orderCount() >= 10, "seed " + seed + ": a book worth rebuilding: " + original.orderCount());
            stopsRebuilt += snapshot(copy).stream().filter(o -> o.contains(" STOP")).count();
            for (int i = 0; i < 3_000; i++) {
                String command = gen.next(original, copy);
                List<String> expected = originalEvents.take();
                List<String> actual = copyEvents.take();
                if (!expected.equals(actual)) {
                    assertEquals(expected, actual, "seed " + seed + ", command " + i + " after the rebuild: " + command);
                }
            }
            assertEquals(snapshot(original), snapshot(copy), "seed " + seed);
        }
        assertTrue(stopsRebuilt > 10, "pending stops were rebuilt too: " + stopsRebuilt);
    }

    @Test
    void theFastBookVisitsOrdersAsTheReferenceDoes() {
        for (long seed = 50; seed < 60; seed++) {
            RandomCommands gen = new RandomCommands(seed);
            OrderBook fast = OrderBooks.create(gen.rules(), new RecordingEvents());
            OrderBook naive = new NaiveOrderBook(gen.rules(), new RecordingEvents());
            for (int i = 0; i < 5_000; i++) {
                gen.next(fast, naive);
            }
            assertEquals(snapshot(naive), snapshot(fast), "seed " + seed);
        }
    }
}
