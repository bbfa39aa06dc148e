package io.quiver.feed.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.feed.alpaca.standin.MarketDataStandIn;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Quote;
import io.quiver.sdk.model.Trade;
import io.quiver.sdk.spi.FeedHealth;
import io.quiver.sdk.spi.MarketDataListener;
import io.quiver.sdk.spi.Secrets;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WebSocket feed against its stand-in: exact prices, bars stamped at their end, late events left out, a dropped stream subscribed again. */
class AlpacaFeedTest {
    @TempDir
    Path folder;

    private final List<Object> events = new CopyOnWriteArrayList<>();

    private final MarketDataListener collect = new MarketDataListener() {
        @Override
        public void onBar(Bar bar) {
            events.add(bar);
        }

        @Override
        public void onQuote(Quote quote) {
            events.add(quote);
        }

        @Override
        public void onTrade(Trade trade) {
            events.add(trade);
        }
    };

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void pricesAreExactBarsEndTheirMinuteLateEventsAreLeftOutAndADroppedStreamIsSubscribedAgain() throws Exception {
        try (MarketDataStandIn server = new MarketDataStandIn()) {
            AlpacaFeed feed = new AlpacaFeed(AlpacaFeedContractTest.settings(server, folder, List.of(Instrument.of("AAPL", 4, "USD"))),
                    Secrets.keyFile(folder));
            feed.start(collect);
            try {
                await("subscribed", server::anySubscribed);
                Instant t = Instant.parse("2026-03-02T15:51:44.208123456Z");
                server.trade("AAPL", new BigDecimal("126.5501"), 1, t);
                server.quote("AAPL", new BigDecimal("87.66"), 1, new BigDecimal("87.68"), 4, t.plusMillis(1));
                server.trade("AAPL", new BigDecimal("126.50"), 5, t.minusSeconds(1)); // older than what came: left out
                server.bar("AAPL", new BigDecimal("388.985"), new BigDecimal("389.13"), new BigDecimal("388.975"), new BigDecimal("389.12"), 49378,
                        Instant.parse("2026-03-02T15:51:00Z"));
                server.bar("AAPL", new BigDecimal("389.12"), new BigDecimal("389.2"), new BigDecimal("389.1"), new BigDecimal("389.15"), 1000,
                        Instant.parse("2026-03-02T15:52:00Z"));
                await("four events", () -> events.size() >= 4);
                Trade trade = (Trade) events.get(0);
                assertEquals(Price.of("126.5501"), trade.price(), "the JSON number read exactly");
                assertEquals(t, trade.time(), "nanoseconds kept");
                assertEquals(Price.of("87.66"), ((Quote) events.get(1)).bid());
                Bar bar = (Bar) events.get(2);
                assertEquals(Instant.parse("2026-03-02T15:52:00Z"), bar.time(), "a bar is stamped with its end");
                assertEquals(Price.of("388.985"), bar.open());
                assertEquals(Price.of("389.15"), ((Bar) events.get(3)).close());
                assertEquals(4, events.size(), "the late trade was left out: " + events);
                FeedHealth h = feed.health().orElseThrow();
                assertTrue(h.connected());
                assertEquals(1, h.dropped());
                assertTrue(h.lag() != null && h.lastMessage() != null);

                server.dropConnections();
                await("subscribed again", () -> server.subscriptions() >= 2 && server.anySubscribed());
                await("up again", () -> feed.health().orElseThrow().connected());
                server.trade("AAPL", new BigDecimal("390.00"), 7, Instant.parse("2026-03-02T15:54:00Z"));
                await("the trade after the drop", () -> events.size() == 5);
                assertEquals(1, feed.health().orElseThrow().reconnects());
            } finally {
                feed.stop();
            }
            assertFalse(feed.isRunning());
        }
    }

    @Test
    void keysTheServerRefusesNeverSubscribe() throws Exception {
        try (MarketDataStandIn server = new MarketDataStandIn()) {
            Path key = Secrets.keyFile(folder);
            AlpacaFeedSettings wrong = new AlpacaFeedSettings("alpaca", server.url(), Secrets.encrypt(MarketDataStandIn.KEY_ID, key),
                    Secrets.encrypt("wrong", key), List.of(Instrument.of("AAPL", 2, "USD")), true, false, false, new int[] {1}, Duration.ofMillis(500));
            AlpacaFeed feed = new AlpacaFeed(wrong, key);
            feed.start(collect);
            await("the keys refused, and refused again after the backoff", () -> server.refusedAuthentications() >= 2);
            assertFalse(feed.health().orElseThrow().connected());
            assertEquals(0, server.subscriptions());
            feed.stop();
        }
    }
}
