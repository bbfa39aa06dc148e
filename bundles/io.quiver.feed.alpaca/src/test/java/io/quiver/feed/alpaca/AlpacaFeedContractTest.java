package io.quiver.feed.alpaca;

import io.quiver.feed.alpaca.standin.MarketDataStandIn;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.spi.MarketDataFeed;
import io.quiver.sdk.spi.Secrets;
import io.quiver.sdk.venuekit.FeedContract;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The feed contract over the WebSocket feed and its stand-in server on loopback. */
class AlpacaFeedContractTest extends FeedContract {
    @TempDir
    Path folder;

    private MarketDataStandIn server;
    private Instant time = Instant.parse("2026-01-05T14:30:00Z");
    private BigDecimal price = new BigDecimal("100.00");

    static AlpacaFeedSettings settings(MarketDataStandIn server, Path folder, List<Instrument> instruments) {
        Path key = Secrets.keyFile(folder);
        return new AlpacaFeedSettings("alpaca", server.url(), Secrets.encrypt(MarketDataStandIn.KEY_ID, key), Secrets.encrypt(MarketDataStandIn.SECRET_KEY, key),
                instruments, true, true, true, new int[] {1}, Duration.ofMillis(500));
    }

    @Override
    protected MarketDataFeed createFeed() {
        try {
            server = new MarketDataStandIn();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new AlpacaFeed(settings(server, folder, List.of(Instrument.of("SYN1", 2, "USD"), Instrument.of("SYN2", 2, "USD"))),
                Secrets.keyFile(folder));
    }

    /**
     * Each round, 20 s on: the bar of the minute just ended (when one has), then a trade and a quote for both
     * symbols; an event for an unlisted symbol the feed must leave out.
     */
    @Override
    protected void publish(MarketDataFeed running, int events) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!server.anySubscribed() && System.nanoTime() < end && running.isRunning()) {
            sleep(5);
        }
        for (int i = 0; i < events; i++) {
            Instant minute = time.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            time = time.plusSeconds(20);
            price = price.add(new BigDecimal(i % 3 - 1).movePointLeft(2));
            for (String s : List.of("SYN1", "SYN2")) {
                if (!time.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).equals(minute)) {
                    server.bar(s, price, price.add(new BigDecimal("0.05")), price.subtract(new BigDecimal("0.05")), price, 1200, minute);
                }
                server.trade(s, price, 100, time);
                server.quote(s, price.subtract(new BigDecimal("0.01")), 300, price.add(new BigDecimal("0.01")), 200, time);
            }
            server.trade("OTHER", price, 1, time);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stopTheServer() {
        server.close();
    }
}
