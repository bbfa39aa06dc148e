package io.quiver.feed.synthetic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.Bar;
import io.quiver.sdk.spi.MarketDataListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticFeedComponentTest {
    @TempDir
    Path dir;

    private static List<Bar> run(SyntheticFeedComponent feed, int bars) throws InterruptedException {
        List<Bar> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch enough = new java.util.concurrent.CountDownLatch(bars);
        feed.start(new MarketDataListener() {
            @Override
            public void onBar(Bar bar) {
                seen.add(bar);
                enough.countDown();
            }
        });
        assertTrue(enough.await(30, java.util.concurrent.TimeUnit.SECONDS), "the feed published " + bars + " bars");
        feed.stop();
        return new ArrayList<>(seen);
    }

    /** The demo market's marks jumped back to about 100 at every restart. */
    @Test
    void aRestartContinuesFromTheLastCloseOnAnotherPath() throws Exception {
        Path prices = dir.resolve("feed-synthetic.prices");
        List<Bar> first = run(new SyntheticFeedComponent(new TestFeedSettings("PT0.01S", "SYN1"), prices), 20);
        assertTrue(first.size() >= 20);
        String saved = Files.readString(prices);
        Bar last = first.get(first.size() - 1);
        assertEquals("SYN1\t" + last.close() + "\t" + first.size() + "\n", saved);

        List<Bar> second = run(new SyntheticFeedComponent(new TestFeedSettings("PT0.01S", "SYN1"), prices), 5);
        assertEquals(last.close(), second.get(0).open(), "the first bar after the restart opens at the last close");
        List<Bar> fresh = run(new SyntheticFeedComponent(new TestFeedSettings("PT0.01S", "SYN1"), (Path) null), 1);
        assertEquals(fresh.get(0).open().toString(), "100.00", "without the file it starts from the start price");
    }

    @Test
    void anInstrumentTheMasterListsGetsItsRulesAndItsBarsItsTick() throws InterruptedException {
        io.quiver.sdk.spi.InstrumentMaster master = io.quiver.sdk.spi.InstrumentMaster.parse(java.util.Map.of("SYN1",
                "tick=0.05 lot=0.001 min=0.01 class=CRYPTO"), "test");
        SyntheticFeedComponent feed = new SyntheticFeedComponent(new TestFeedSettings("PT0.01S", "SYN1"), null, master);
        io.quiver.sdk.model.Instrument syn1 = feed.instruments().get(0);
        org.junit.jupiter.api.Assertions.assertEquals(io.quiver.sdk.model.Qty.of("0.001"), syn1.lotSize());
        org.junit.jupiter.api.Assertions.assertEquals(io.quiver.sdk.model.Qty.of("0.01"), syn1.minQuantity());
        for (Bar bar : run(feed, 20)) {
            org.junit.jupiter.api.Assertions.assertTrue(bar.close().isMultipleOf(io.quiver.sdk.model.Price.of("0.05")), bar.toString());
        }
    }
}
