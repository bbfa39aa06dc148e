package io.quiver.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.quiver.itests.KarafProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * The defects found by trying the distribution as a new user, each tried again the same way: through
 * bin/client and the bin/ scripts on the assembled distribution.
 */
public class DefectsIT extends KarafProcessTestSupport {


    @Test
    public void oneMisbehavingPartNeverStopsTheRest() throws Exception {
        karaf = new KarafProcess("defects-it", "PT0.2S");
        // A ladder far too big for one callback: its first callback is cut at the bound, and it is quarantined.
        Files.writeString(karaf.home.resolve("etc/io.quiver.risk.strategy-ladder-huge.cfg"), "strategy.id = ladder-huge\nshort.allowed = true\n"
                + "short.margin.rate = 0.001\n");
        Files.writeString(karaf.home.resolve("etc/io.quiver.strategy.ladder-huge.cfg"), "strategy.id = ladder-huge\ninstruments = SYN2\n"
                + "levels = 300000\nstep = 0.01\nsize = 1\ncapital = 100000000\n");
        // The synthetic feed also publishes BTCUSD, whose fractional lot (0.0001) the shipped instrument master gives.
        karaf.replaceLine("etc/io.quiver.feed.synthetic.cfg", "instruments", "instruments = SYN1,SYN2,BTCUSD");
        karaf.start();
        karaf.awaitLog("reconciliation with venue sim:", 1);
        karaf.awaitLog(SMA_DEMO_STARTED, 1);
        karaf.awaitLog("strategy ladder-huge quarantined", 1);

        // 0.01 BTC is an order (it was refused for a lot of 1); a quantity off the lot is refused with the lot named.
        Result hundredth = karaf.client("order:submit -s sma-demo BUY 0.01 BTCUSD limit 1.00");
        assertTrue(hundredth.output(), hundredth.output().contains("ACCEPTED"));
        Result offLot = karaf.client("order:submit -s sma-demo BUY 0.00001 BTCUSD limit 1.00");
        assertTrue(offLot.output(), offLot.output().contains("INVALID_QUANTITY") && offLot.output().contains("lot size 0.0001"));
        String list = karaf.client("strategy:list --no-format").output();
        assertTrue(list, list.contains("ladder-huge\tio.quiver.strategy.ladder\tQUARANTINED"));

        // The shared journal still takes everyone else's orders.
        Result entered = karaf.client("order:submit -s sma-demo BUY 1 SYN1 limit 1.00");
        assertTrue(entered.output(), entered.output().contains("ACCEPTED"));
        QuiverTestSupport.await(KarafProcess.WAIT, "the quarantined ladder's orders cancelled", () -> karaf.openOrders("ladder-huge") == 0);

        // A negative quantity is refused before anything is entered, and the demo can still be stopped and started.
        Result negative = karaf.client("order:submit -s sma-demo BUY -5 SYN1 limit 99");
        assertEquals(negative.output(), 1, negative.exit());
        assertTrue(negative.output(), negative.output().contains("quantity must be above zero, was -5"));
        Result bracket = karaf.client("order:bracket -s sma-demo --stop-loss 110 --take-profit 120 BUY 1 SYN1 limit 100");
        assertTrue(bracket.output(), bracket.output().contains("INVALID_GROUP") && bracket.output().contains("must be below its limit 100"));
        Result stopped = karaf.client("strategy:stop sma-demo");
        assertEquals(stopped.output(), 0, stopped.exit());
        assertTrue(karaf.client("strategy:list --no-format").output().contains("sma-demo\tio.quiver.strategy.sma\tSTOPPED"));
        karaf.client("strategy:start sma-demo");

        // After a restart the quarantined ladder stays quarantined; the rest trades.
        karaf.kill();
        karaf.start();
        karaf.awaitLog("reconciliation with venue sim:", 2);
        QuiverTestSupport.await(KarafProcess.WAIT, "the instances listed again",
                () -> karaf.strategyList().contains("ladder-huge\tio.quiver.strategy.ladder\tQUARANTINED") && karaf.strategyList().contains("sma-demo\tio.quiver.strategy.sma\tRUNNING"));
        assertTrue(karaf.strategyList().contains("quarantined before the restart"));
        String log = karaf.logText();
        assertFalse("no journal failure: " + log, log.contains("cannot write the commit log"));

        // Data mistakes in bin/: a binary file names the file and the line, exit code 2.
        Path binary = karaf.home.resolve("data/binary.csv");
        Files.write(binary, new byte[] {'D', 'a', 't', 'e', '\n', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'});
        Result bad = karaf.script("bin/quiver-backtest", "--data", "data/binary.csv", "sma");
        assertEquals(bad.output(), 2, bad.exit());
        assertTrue(bad.output(), bad.output().contains("binary.csv:2: the line is not UTF-8 text"));
    }
}
