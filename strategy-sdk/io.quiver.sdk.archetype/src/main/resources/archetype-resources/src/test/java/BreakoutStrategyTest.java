package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.testkit.StrategyRun;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The strategy through the real order manager and sim venue, on bars made for the test and on seeded random bars. */
class BreakoutStrategyTest {
    private static final Instrument X = Instrument.of("X", 2, "USD");

    /** Closes of 100 for five bars, then 103 (a breakout), 104, then 95 (a breakdown), then 96: daily bars, high and low one around the close. */
    private static BarSeries bars() {
        long[] closes = {10000, 10000, 10000, 10000, 10000, 10300, 10400, 9500, 9600, 9600};
        BarSeries.Builder b = BarSeries.builder(X, 0);
        for (int i = 0; i < closes.length; i++) {
            long c = closes[i];
            b.add(BarSeries.nanosOf(java.time.Instant.parse("2024-01-01T21:00:00Z").plusSeconds(86_400L * i)), c, c + 100, c - 100, c, 1000);
        }
        return b.build();
    }

    @Test
    void buysTheBreakoutAndSellsTheBreakdownAtTheNextOpens() {
        StrategyRun run = StrategyRun.of(BreakoutStrategy.class, Map.of("entry", "3", "exit", "2", "size", "10")).bars(bars()).run();
        // bar 5 closes at 103 above the highest high 101 of bars 2-4: bought at bar 6's open, 104;
        // bar 7 closes at 95 below the lowest low 102 of bars 5-6: sold at bar 8's open, 96
        run.assertFills(2).assertNoShortSales().assertNotQuarantined();
        assertEquals(Side.BUY, run.fills().get(0).side());
        assertEquals(0, new BigDecimal("104").compareTo(run.fills().get(0).price().toBigDecimal()));
        assertEquals(0, new BigDecimal("96").compareTo(run.fills().get(1).price().toBigDecimal()));
        run.assertEquity("99920"); // 100000 - 10 * (104 - 96)
    }

    @Test
    void runsOnSeededRandomBarsWithoutAShortSale() {
        StrategyRun run = StrategyRun.of(BreakoutStrategy.class, Map.of()).bars("synthetic:20000:7").run();
        run.assertNoShortSales().assertNotQuarantined();
        assertTrue(run.fills().size() > 10, "a 20,000-bar random walk breaks out many times: " + run.fills().size());
    }

    @Test
    void aBadParameterIsNamed() {
        assertThrows(IllegalArgumentException.class, () -> StrategyRun.of(BreakoutStrategy.class, Map.of("size", "-1")).run());
    }
}
