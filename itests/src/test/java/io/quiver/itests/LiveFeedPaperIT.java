package io.quiver.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.quiver.feed.alpaca.standin.MarketDataStandIn;
import io.quiver.itests.KarafProcess.Result;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.After;
import org.junit.Test;

/**
 * Paper trading on live data, on the assembled distribution: the WebSocket feed reads the stand-in
 * market-data server, the simulated venue fills the SMA example's orders from its minute bars, and when
 * the server drops the connection the feed subscribes again and trading goes on; feed:list shows the
 * connection, the lag and the reconnection; a feed silent for longer than {@code feed.stale.seconds} has
 * the orders of the strategies on it refused until it speaks again.
 */
public class LiveFeedPaperIT extends KarafProcessTestSupport {
    private MarketDataStandIn server;

    @After
    public void stopTheServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    public void aStrategyPaperTradesOnTheLiveFeedAcrossADroppedConnection() throws Exception {
        karaf = new KarafProcess("live-feed-it", "PT0.2S");
        server = new MarketDataStandIn();
        String keyId = encrypt(MarketDataStandIn.KEY_ID);
        String secret = encrypt(MarketDataStandIn.SECRET_KEY);
        Files.writeString(karaf.home.resolve("etc/io.quiver.feed.alpaca-live.cfg"), "feed.id = live\nurl = " + server.url() + "\nkey.id = " + keyId
                + "\nsecret.key = " + secret + "\ninstruments = SYN1\nchannels = bars\nreconnect.seconds = 1\n");
        Files.writeString(karaf.home.resolve("etc/io.quiver.strategy.sma-live.cfg"),
                "strategy.id = sma-live\nfeed = live\nvenue = sim\ninstruments = SYN1\ncapital = 100000\nfast = 2\nslow = 3\nsize = 10\n");
        Files.writeString(karaf.home.resolve("etc/io.quiver.oms.cfg"), "feed.stale.seconds = 5\n");
        karaf.start();
        QuiverTestSupport.await(KarafProcess.WAIT, "the feed subscribed", server::anySubscribed);
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(200, ChronoUnit.MINUTES);
        int[] path = {100, 101, 102, 103, 102, 100, 98, 97, 99, 102, 104, 105, 103, 100, 98};
        int bars = 0;
        for (int round = 0; round < 2; round++) {
            for (int p : path) {
                BigDecimal close = BigDecimal.valueOf(p).setScale(2);
                server.bar("SYN1", close, close.add(BigDecimal.ONE), close.subtract(BigDecimal.ONE), close, 1000, minute);
                minute = minute.plus(1, ChronoUnit.MINUTES);
                bars++;
                Thread.sleep(100); // the market's pace, not a wait: a strategy's order must reach the venue before the bar that fills it
            }
            if (round == 0) {
                int seen = bars;
                QuiverTestSupport.await(KarafProcess.WAIT, "the bars reached the runtime", () -> feedColumn("live", 3).equals(Integer.toString(seen)));
                server.dropConnections();
                QuiverTestSupport.await(KarafProcess.WAIT, "the feed subscribed again", () -> server.subscriptions() >= 2 && server.anySubscribed());
            }
        }
        int all = bars;
        QuiverTestSupport.await(KarafProcess.WAIT, "every bar reached the runtime", () -> feedColumn("live", 3).equals(Integer.toString(all)));
        assertEquals("connected", "true", feedColumn("live", 4));
        assertEquals("one reconnection", "1", feedColumn("live", 7));
        assertEquals("nothing left out", "0", feedColumn("live", 8));
        QuiverTestSupport.await(KarafProcess.WAIT, "the strategy's orders filled on the simulated venue",
                () -> filledOrders("sma-live") >= 2);

        // silent for longer than feed.stale.seconds: new orders on it are refused, until it speaks again
        QuiverTestSupport.await(KarafProcess.WAIT, "the runtime finds the feed stale", () -> logCount("feed live has sent nothing for")
                > logCount("feed live speaks again"));
        Result refused = karaf.client("order:submit -s sma-live BUY 1 SYN1 limit 50");
        assertTrue(refused.output(), refused.output().contains("STALE_MARKET_DATA"));
        BigDecimal close = new BigDecimal("100.00");
        server.bar("SYN1", close, close, close, close, 10, minute);
        QuiverTestSupport.await(KarafProcess.WAIT, "the bar after the silence", () -> feedColumn("live", 3).equals(Integer.toString(all + 1)));
        Result taken = karaf.client("order:submit -s sma-live BUY 1 SYN1 limit 50");
        assertTrue(taken.output(), !taken.output().contains("STALE_MARKET_DATA") && !taken.output().contains("REJECTED"));
    }

    /** How many lines of the log contain {@code text}. */
    private long logCount(String text) {
        try {
            return Files.readAllLines(karaf.home.resolve("data/log/karaf.log")).stream().filter(l -> l.contains(text)).count();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long filledOrders(String instance) {
        try {
            return karaf.client("order:list -s " + instance + " --no-format").output().lines().filter(l -> l.contains("FILLED")).count();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A column of the feed's row in feed:list (0: the id). */
    private String feedColumn(String feed, int column) {
        try {
            for (String line : karaf.client("feed:list --no-format").output().lines().toList()) {
                String[] f = line.split("\t", -1);
                if (f.length > column && f[0].trim().equals(feed)) {
                    return f[column].trim();
                }
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
