package io.quiver.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The same command stream gives the same event stream, run after run. */
class DeterminismTest {

    private static long hash(long seed) {
        RandomCommands gen = new RandomCommands(seed);
        RecordingEvents events = new RecordingEvents();
        OrderBook book = OrderBooks.create(gen.rules(), events);
        long h = 1125899906842597L;
        for (int i = 0; i < 50_000; i++) {
            gen.next(book);
            for (String e : events.take()) {
                h = 31 * h + e.hashCode();
            }
        }
        return h;
    }

    @Test
    void sameStreamSameHashOtherStreamOtherHash() {
        assertEquals(hash(7), hash(7));
        assertNotEquals(hash(7), hash(8));
    }
}
