package io.quiver.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A subscriber rebuilds the book's depth from a snapshot and the updates after it, and resyncs after a gap. */
class DepthFeedTest {

    /** A client-side copy of the depth, fed by updates; notices gaps in the sequence. */
    private static final class Mirror implements DepthListener {
        final Map<String, String> levels = new TreeMap<>();
        long lastSeen;
        boolean gap;

        @Override
        public void levelChanged(long sequence, Side side, long price, long totalSize, int orderCount) {
            if (sequence != lastSeen + 1) {
                gap = true;
                return;
            }
            lastSeen = sequence;
            if (totalSize == 0) {
                levels.remove(side + " " + price);
            } else {
                levels.put(side + " " + price, totalSize + "x" + orderCount);
            }
        }

        void snapshot(OrderBook book) {
            levels.clear();
            for (Side side : Side.values()) {
                book.levels(side, Integer.MAX_VALUE, (s, price, total, count) -> levels.put(s + " " + price, total + "x" + count));
            }
            lastSeen = book.depthSequence();
            gap = false;
        }
    }

    private static Map<String, String> depthOf(OrderBook book) {
        Mirror m = new Mirror();
        m.snapshot(book);
        return m.levels;
    }

    @Test
    void snapshotPlusUpdatesRebuildsTheDepthAndGapsResyncFromHistory() {
        RandomCommands gen = new RandomCommands(5);
        OrderBook book = OrderBooks.create(gen.rules(), new RecordingEvents());
        DepthHistory history = new DepthHistory(10_000);
        Mirror mirror = new Mirror();
        List<DepthListener> subscribers = new ArrayList<>();
        subscribers.add(history);
        book.depthListener((seq, side, price, total, count) -> subscribers.forEach(l -> l.levelChanged(seq, side, price, total, count)));
        for (int i = 0; i < 5_000; i++) {
            gen.next(book);
        }
        mirror.snapshot(book);
        subscribers.add(mirror);
        for (int i = 0; i < 5_000; i++) {
            gen.next(book);
        }
        assertEquals(depthOf(book), mirror.levels);
        assertTrue(book.depthSequence() > 5_000, "the stream changes the depth often");

        // The mirror misses some updates, notices the gap, and catches up from the history.
        subscribers.remove(mirror);
        for (int i = 0; i < 200; i++) {
            gen.next(book);
        }
        subscribers.add(mirror);
        gen.next(book);
        while (!mirror.gap) {
            gen.next(book);
        }
        mirror.gap = false;
        assertTrue(history.replaySince(mirror.lastSeen, mirror));
        assertFalse(mirror.gap);
        assertEquals(depthOf(book), mirror.levels);

        // Too far behind for the history: a snapshot is needed.
        assertFalse(history.replaySince(book.depthSequence() - 20_000, mirror));
    }
}
