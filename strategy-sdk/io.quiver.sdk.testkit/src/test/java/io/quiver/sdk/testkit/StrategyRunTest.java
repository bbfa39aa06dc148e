package io.quiver.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.sdk.BaseStrategy;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Qty;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class StrategyRunTest {
    private static final Path ORCL = Path.of(System.getProperty("quiver.sample.data", "../../data")).resolve("orcl-1995-2014.txt");

    /** Buys 10 on the first bar and sells them on the fifth. */
    public static final class InAndOut extends BaseStrategy {
        private int bars;

        @Override
        public void onBar(Bar bar) {
            bars++;
            if (bars == 1) {
                buyMarket(bar.instrument(), Qty.of(10));
            } else if (bars == 5) {
                sellMarket(bar.instrument(), Qty.of(10));
            }
        }
    }

    @Test
    void aStrategyRunsOverAFileAndItsFillsAndEquityAreAsserted() throws IOException {
        // orders decided on the first and fifth bars fill at the opens of the second and sixth rows of the file
        List<String> rows = Files.readAllLines(ORCL);
        BigDecimal buy = new BigDecimal(rows.get(2).split(",")[1]);
        BigDecimal sell = new BigDecimal(rows.get(6).split(",")[1]);
        String expected = BigDecimal.valueOf(100_000).add(sell.subtract(buy).multiply(BigDecimal.TEN)).toPlainString();
        StrategyRun run = StrategyRun.of(new InAndOut()).bars(ORCL).cash("100000").run();
        run.assertFills(2).assertOrders(2).assertNoShortSales().assertNotQuarantined().assertEquity(expected);
        assertEquals(5036, run.result().bars());
        AssertionFailedError wrong = assertThrows(AssertionFailedError.class, () -> run.assertFills(3));
        assertEquals(true, wrong.getMessage().startsWith("fills: "));
    }

    @Test
    void costsAndSyntheticBarsComeFromTheClassPathAsInABacktest() {
        StrategyRun run = StrategyRun.of(new InAndOut()).bars("synthetic:100:7")
                .venue("sim", Map.of("commission", "PER_SHARE", "commission.per.share", "0.01", "commission.order.min", "1")).run();
        run.assertFills(2);
        assertEquals(0, new BigDecimal("2").compareTo(run.result().fees().toBigDecimal())); // the minimum on each order
        assertThrows(IllegalStateException.class, () -> StrategyRun.of(new InAndOut()).run());
    }
}
