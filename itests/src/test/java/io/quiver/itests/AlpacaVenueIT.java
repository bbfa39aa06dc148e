package io.quiver.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.quiver.itests.KarafProcess.Result;
import io.quiver.venue.alpaca.standin.AlpacaBrokerStandIn;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.After;
import org.junit.Test;

/**
 * Live trading through the REST/WebSocket broker venue on the assembled distribution, against the stand-in
 * broker on loopback: the API keys are kept encrypted in etc/ and appear in no log, file or command output;
 * a strategy's orders reach the broker and fill; after kill -9 and a restart the books reconcile with the
 * broker without a difference, no order is sent twice, and the runtime's position is the broker's.
 */
public class AlpacaVenueIT extends KarafProcessTestSupport {
    private AlpacaBrokerStandIn broker;

    @After
    public void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    public void aStrategyTradesThroughTheBrokerAndAKillMinus9LosesAndRepeatsNothing() throws Exception {
        karaf = new KarafProcess("alpaca-it", "PT0.2S");
        broker = new AlpacaBrokerStandIn(Set.of("SYN1"), new BigDecimal("100.00"), new BigDecimal("1000000"));
        String keyId = encrypt(AlpacaBrokerStandIn.KEY_ID);
        String secret = encrypt(AlpacaBrokerStandIn.SECRET_KEY);
        Files.writeString(karaf.home.resolve("etc/io.quiver.venue.alpaca-paper.cfg"), "venue.id = paper\nrest.url = " + broker.restUrl()
                + "\nstream.url = " + broker.streamUrl() + "\nkey.id = " + keyId + "\nsecret.key = " + secret + "\nreconnect.seconds = 1\n");
        Files.writeString(karaf.home.resolve("etc/io.quiver.strategy.sma-paper.cfg"),
                "strategy.id = sma-paper\nfeed = synthetic\nvenue = paper\ninstruments = SYN1\ncapital = 100000\nfast = 2\nslow = 5\nsize = 10\n");
        karaf.start();
        QuiverTestSupport.await(KarafProcess.WAIT, "orders reach the broker", () -> broker.orderCount() >= 4);
        Result venues = karaf.client("venue:list --no-format");
        assertTrue(venues.output(), venues.output().contains("paper\tfalse"));

        karaf.kill();
        int before = broker.orderCount();
        karaf.start();
        QuiverTestSupport.await(KarafProcess.WAIT, "trading goes on after the restart", () -> broker.orderCount() >= before + 4);
        String log = Files.readString(karaf.home.resolve("data/log/karaf.log"));
        assertTrue("the restart reconciled the account with the broker: " + log.lines().filter(l -> l.contains("reconciliation")).toList(),
                log.contains("reconciliation with venue paper: 1 account(s)") && !log.contains("reconciliation paper:"));
        Result stopped = karaf.client("strategy:stop sma-paper");
        assertEquals(stopped.output(), 0, stopped.exit());

        assertEquals("no order was sent twice", 0, broker.duplicateIdsRefused());
        QuiverTestSupport.await(KarafProcess.WAIT, "the runtime's position is the broker's " + broker.positions(),
                () -> broker.positions().getOrDefault("SYN1", BigDecimal.ZERO).compareTo(position("sma-paper", "SYN1")) == 0);

        // the keys: in no command output, no log line, no file the runtime wrote
        for (String command : List.of("config:list '(service.factoryPid=io.quiver.venue.alpaca)'", "venue:list",
                "config:property-list --pid io.quiver.venue.alpaca")) {
            Result r = karaf.client(command);
            assertTrue(command + " shows a key: " + r.output(), !r.output().contains(AlpacaBrokerStandIn.SECRET_KEY)
                    && !r.output().contains(AlpacaBrokerStandIn.KEY_ID));
        }
        try (var files = Files.walk(karaf.home)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".jar")).toList()) {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                assertTrue("a key is in " + f, !text.contains(AlpacaBrokerStandIn.SECRET_KEY) && !text.contains(AlpacaBrokerStandIn.KEY_ID));
            }
        }
    }
}
