package io.quiver.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.quiver.itests.KarafProcess.Result;
import io.quiver.venue.fix.standin.FixBrokerStandIn;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.After;
import org.junit.Test;

/**
 * Live trading through the FIX venue on the assembled distribution, against the stand-in broker on
 * loopback: the Logon's password is kept encrypted in etc/ and appears in no log, file or command output;
 * a strategy's orders reach the broker and fill; after kill -9 and a restart the session resumes, no
 * order reaches the broker twice, and the runtime's position is the broker's.
 */
public class FixVenueIT extends KarafProcessTestSupport {
    private static final String PASSWORD = "Fix-Pass-4417";
    private FixBrokerStandIn broker;

    @After
    public void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    public void aStrategyTradesThroughTheBrokerAndAKillMinus9LosesAndRepeatsNothing() throws Exception {
        karaf = new KarafProcess("fix-it", "PT0.2S");
        // the broker keeps its store apart: it is the broker's, not the runtime's (and holds the Logon it received)
        broker = new FixBrokerStandIn(karaf.home.resolveSibling("fix-it-broker"), Set.of("SYN1", "SYN2"), new BigDecimal("100.00"),
                FixBrokerStandIn.freePort());
        broker.requireLogin("quiver", PASSWORD);
        String encrypted = encrypt(PASSWORD);
        Files.writeString(karaf.home.resolve("etc/io.quiver.venue.fix-broker.cfg"), "venue.id = broker\nport = " + broker.port()
                + "\nsender.comp.id = " + FixBrokerStandIn.CLIENT + "\ntarget.comp.id = " + FixBrokerStandIn.BROKER + "\nreconnect.seconds = 1\n"
                + "username = quiver\npassword = " + encrypted + "\n");
        Files.writeString(karaf.home.resolve("etc/io.quiver.strategy.sma-fix.cfg"),
                "strategy.id = sma-fix\nfeed = synthetic\nvenue = broker\ninstruments = SYN1\ncapital = 100000\nfast = 2\nslow = 5\nsize = 10\n");
        karaf.start();
        QuiverTestSupport.await(KarafProcess.WAIT, "orders reach the broker", () -> broker.newOrders().size() >= 4);
        Result venues = karaf.client("venue:list --no-format");
        assertTrue(venues.output(), venues.output().contains("broker\tfalse"));

        karaf.kill();
        int before = broker.newOrders().size();
        karaf.start();
        QuiverTestSupport.await(KarafProcess.WAIT, "trading goes on after the restart", () -> broker.newOrders().size() >= before + 4);
        Result stopped = karaf.client("strategy:stop sma-fix");
        assertEquals(stopped.output(), 0, stopped.exit());

        List<String> orders = broker.newOrders();
        assertEquals("no order reached the broker twice: " + orders, orders.size(), new HashSet<>(orders).size());
        BigDecimal atBroker = broker.held().stream().filter(h -> h.account().equals("sma-fix")).map(FixBrokerStandIn.Held::signedFilled)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        QuiverTestSupport.await(KarafProcess.WAIT, "the runtime's position is the broker's " + atBroker,
                () -> atBroker.compareTo(position("sma-fix", "SYN1")) == 0);

        // the password: in no command output, no log line, no file the runtime wrote
        for (String command : List.of("config:list '(service.factoryPid=io.quiver.venue.fix)'", "venue:list", "config:property-list --pid "
                + "io.quiver.venue.fix")) {
            Result r = karaf.client(command);
            assertTrue(command + " shows the password: " + r.output(), !r.output().contains(PASSWORD));
        }
        try (var files = Files.walk(karaf.home)) {
            for (java.nio.file.Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".jar")).toList()) {
                assertTrue("the password is in " + f, !Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains(PASSWORD));
            }
        }
    }
}
