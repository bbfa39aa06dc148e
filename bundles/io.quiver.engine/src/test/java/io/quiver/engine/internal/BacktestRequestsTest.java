package io.quiver.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.engine.BacktestProgress;
import io.quiver.engine.BacktestResult;
import io.quiver.engine.BacktestService;
import io.quiver.sdk.BaseStrategy;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Qty;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestRequestsTest {

    /** Buys one lot on every tenth bar, sells it on the next. */
    public static final class Alternator extends BaseStrategy {
        private int bars;

        @Override
        public void onBar(Bar bar) {
            if (bars++ % 10 == 0) {
                if (context().position(bar.instrument()).isFlat()) {
                    buyMarket(bar.instrument(), Qty.of(1));
                } else {
                    sellMarket(bar.instrument(), Qty.of(1));
                }
            }
        }
    }

    private static BacktestResult run(String data) {
        return BacktestRequests.run(Alternator.class, "test", new BacktestService.Request("test", Map.of(), data, Path.of("."), "10000", "0",
                "t", "sim"), io.quiver.oms.PreTradeGate.NONE, BacktestProgress.NONE, io.quiver.engine.VenueFactories.onClassPath());
    }

    @Test
    void syntheticDataIsSeededAndNamedInTheResult() {
        BacktestResult a = run("synthetic:5000:7");
        assertEquals(5000, a.bars());
        assertEquals(a.json(), run("synthetic:5000:7").json());
        assertEquals(500, a.fills().size());
        assertEquals("synthetic:5000:7", a.settings().dataName());
    }

    @Test
    void badSyntheticArgumentsAndMissingFilesAreNamed() {
        assertArrayEquals(new long[] {100, 42}, BacktestRequests.syntheticSpec("synthetic:100"));
        assertEquals("data: 'synthetic:lots' is not synthetic:<bars 1..50000000>[:<seed>]",
                assertThrows(IllegalArgumentException.class, () -> run("synthetic:lots")).getMessage());
        assertEquals("data: 'synthetic:0' is not synthetic:<bars 1..50000000>[:<seed>]",
                assertThrows(IllegalArgumentException.class, () -> run("synthetic:0")).getMessage());
        assertEquals("data file not found: no/such.csv",
                assertThrows(IllegalArgumentException.class, () -> run("no/such.csv")).getMessage());
    }
}
