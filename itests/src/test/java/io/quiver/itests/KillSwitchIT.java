package io.quiver.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.quiver.itests.KarafProcess.Result;
import java.nio.file.Files;
import java.util.List;
import org.junit.Test;

/**
 * The kill switch on the assembled distribution, as an operator uses it through bin/client: two ladder
 * instances keep 3,000 orders open; {@code risk:kill} refuses every new order and cancels every open one
 * at the venue; the switch holds across a kill -9 and a restart; {@code risk:reset} lifts it.
 */
public class KillSwitchIT extends KarafProcessTestSupport {
    private static final String RECONCILED = "reconciliation with venue sim:";
    private static final int LEVELS = 750;


    @Test
    public void killCancelsEveryOpenOrderRefusesNewOnesAndHoldsAcrossKillMinus9UntilReset() throws Exception {
        karaf = new KarafProcess("kill-it", "PT0.5S");
        for (String[] ladder : List.of(new String[] {"ladder-a", "SYN1"}, new String[] {"ladder-b", "SYN2"})) {
            Files.writeString(karaf.home.resolve("etc/io.quiver.risk.strategy-" + ladder[0] + ".cfg"), "strategy.id = " + ladder[0]
                    + "\nshort.allowed = true\nshort.margin.rate = 0.1\n");
            Files.writeString(karaf.home.resolve("etc/io.quiver.strategy.ladder-" + ladder[0].substring(7) + ".cfg"), "strategy.id = "
                    + ladder[0] + "\ninstruments = " + ladder[1] + "\nlevels = " + LEVELS + "\nstep = 0.01\nsize = 1\n");
        }
        karaf.start();
        karaf.awaitLog(RECONCILED, 1);
        QuiverTestSupport.await(KarafProcess.WAIT, "both ladders hold " + LEVELS * 2 + " open orders",
                () -> karaf.openOrders("ladder-a") >= LEVELS * 2 && karaf.openOrders("ladder-b") >= LEVELS * 2);

        Result kill = karaf.client("risk:kill --reason 'kill switch test'");
        assertEquals(kill.output(), 0, kill.exit());
        assertTrue(kill.output(), kill.output().contains("KILLED by it: every new order is refused until risk:reset"));
        QuiverTestSupport.await(KarafProcess.WAIT, "every open order cancelled at the venue",
                () -> karaf.openOrders("ladder-a") == 0 && karaf.openOrders("ladder-b") == 0 && karaf.openOrders("sma-demo") == 0);
        assertRefused();
        Result status = karaf.client("risk:status --no-format");
        assertTrue(status.output(), status.output().contains("runtime\tKILLED") && status.output().contains("kill switch test"));

        karaf.kill();
        JournalBooks venue = JournalBooks.ofVenue(karaf.journal("venue-sim"));
        assertEquals("the venue holds no open order", List.of(), List.copyOf(venue.openOrderIds()));
        karaf.start();
        karaf.awaitLog(RECONCILED, 2);
        karaf.awaitLog("the kill switch is thrown (by it", 1);
        status = karaf.client("risk:status --no-format");
        assertTrue(status.output(), status.output().contains("runtime\tKILLED"));
        assertRefused();

        Result reset = karaf.client("risk:reset");
        assertEquals(reset.output(), 0, reset.exit());
        assertTrue(reset.output(), reset.output().contains("kill switch reset"));
        Result accepted = karaf.client("order:submit -s sma-demo BUY 1 SYN1 limit 1.00");
        assertTrue(accepted.output(), accepted.output().contains("ACCEPTED"));
        QuiverTestSupport.await(KarafProcess.WAIT, "the ladders trade again", () -> karaf.openOrders("ladder-a") > 0);
        List<String> audit = new java.util.ArrayList<>();
        try (var files = Files.list(karaf.home.resolve("data/log"))) {
            for (java.nio.file.Path f : files.filter(f -> f.getFileName().toString().startsWith("quiver-audit.json")).toList()) {
                audit.addAll(Files.readAllLines(f));
            }
        }
        assertTrue("the audit trail has the kill and the reset by it",
                audit.stream().anyMatch(l -> l.contains("\"state\":\"KILLED\"") && l.contains("\"by\":\"it\""))
                        && audit.stream().anyMatch(l -> l.contains("\"state\":\"ACTIVE\"") && l.contains("\"by\":\"it\"")));
    }

    private void assertRefused() throws Exception {
        Result refused = karaf.client("order:submit -s sma-demo BUY 1 SYN1 limit 1.00");
        assertTrue(refused.output(), refused.output().contains("REJECTED") && refused.output().contains("KILLED"));
    }
}
