package io.quiver.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.quiver.itests.KarafProcess.Result;
import java.nio.file.Files;
import org.junit.Test;

/**
 * A breaker on the assembled distribution: refused orders trip an instance's reject-rate breaker; the trip
 * holds across a kill -9 and a restart, with its reason, until an administrator resets it.
 */
public class BreakerIT extends KarafProcessTestSupport {


    @Test
    public void aTrippedBreakerIsStillTrippedAfterKillMinus9UntilReset() throws Exception {
        karaf = new KarafProcess("breaker-it", "PT0.2S");
        Files.writeString(karaf.home.resolve("etc/io.quiver.risk.strategy-sma-demo.cfg"), "strategy.id = sma-demo\norder.quantity.max = 10\n"
                + "breaker.reject.rate.max.percent = 50\nbreaker.reject.window = 2\n");
        karaf.start();
        karaf.awaitLog("reconciliation with venue sim:", 1);
        karaf.awaitLog(SMA_DEMO_STARTED, 1);
        for (int i = 0; i < 2; i++) {
            Result refused = karaf.client("order:submit -s sma-demo BUY 11 SYN1 limit 1.00");
            assertTrue(refused.output(), refused.output().contains("MAX_ORDER_QUANTITY"));
        }
        Result status = karaf.client("risk:status --no-format");
        assertTrue(status.output(), status.output().contains("sma-demo\tHALTED\tRUNNING\tbreaker: 2 of the last 2 orders were refused"));
        Result halted = karaf.client("order:submit -s sma-demo BUY 1 SYN1 limit 1.00");
        assertTrue(halted.output(), halted.output().contains("BREAKER_HALTED"));

        karaf.kill();
        karaf.start();
        karaf.awaitLog("reconciliation with venue sim:", 2);
        status = karaf.client("risk:status --no-format");
        assertTrue(status.output(), status.output().contains("sma-demo\tHALTED") && status.output().contains("2 of the last 2 orders were refused"));
        halted = karaf.client("order:submit -s sma-demo BUY 1 SYN1 limit 1.00");
        assertTrue(halted.output(), halted.output().contains("BREAKER_HALTED"));

        Result reset = karaf.client("risk:reset -s sma-demo");
        assertEquals(reset.output(), 0, reset.exit());
        assertTrue(reset.output(), reset.output().contains("breaker of sma-demo reset"));
        Result accepted = karaf.client("order:submit -s sma-demo BUY 1 SYN1 limit 1.00");
        assertTrue(accepted.output(), accepted.output().contains("ACCEPTED"));
    }
}
