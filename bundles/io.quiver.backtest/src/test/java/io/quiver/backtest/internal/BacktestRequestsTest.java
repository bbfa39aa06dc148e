package io.quiver.backtest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.backtest.BacktestProgress;
import io.quiver.backtest.BacktestResult;
import io.quiver.backtest.BacktestService;
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

    /** Buys 0.01 on the second bar and sells it on the fourth. */
    public static final class Hundredth extends BaseStrategy {
        private int bars;

        @Override
        public void onBar(Bar bar) {
            bars++;
            if (bars == 2) {
                buyMarket(bar.instrument(), Qty.of("0.01"));
            } else if (bars == 4) {
                sellMarket(bar.instrument(), Qty.of("0.01"));
            }
        }
    }

    /** A Quiver home with five daily BTC bars and, if {@code master} is given, that instrument master. */
    private static Path btcHome(Path home, String master) throws java.io.IOException {
        java.nio.file.Files.createDirectories(home.resolve("etc"));
        if (master != null) {
            java.nio.file.Files.writeString(home.resolve("etc/io.quiver.instruments.cfg"), "BTCUSD = " + master + "\n");
        }
        java.nio.file.Files.writeString(home.resolve("btc.csv"), "date,open,high,low,close,volume\n"
                + "2024-01-01,42000.00,42500.50,41800.00,42400.00,10\n2024-01-02,42400.00,45000.00,42300.00,44900.25,12\n"
                + "2024-01-03,44900.25,45500.00,43000.00,43100.00,9\n2024-01-04,43100.00,44000.00,42800.00,43900.00,8\n"
                + "2024-01-05,43900.00,44500.00,43500.00,44200.00,7\n");
        java.nio.file.Files.writeString(home.resolve("btc.csv.schema"), "kind=bars\nheader=true\nsymbol=BTCUSD\nformat.date=yyyy-MM-dd\n");
        return home;
    }

    private static BacktestResult runHundredth(Path home) {
        return BacktestRequests.run(Hundredth.class, "test", new BacktestService.Request("test", Map.of(), "btc.csv", home, "100000", "0", "t",
                "sim"), io.quiver.oms.PreTradeGate.NONE, BacktestProgress.NONE, io.quiver.backtest.VenueFactories.onClassPath(),
                io.quiver.backtest.BarSources.onClassPath());
    }

    @Test
    void aFractionalLotFromTheInstrumentMasterIsTradedAndTheSchemaNamesTheInstrument(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        BacktestResult r = runHundredth(btcHome(dir, "tick=0.01 lot=0.0001 class=CRYPTO"));
        assertEquals("BTCUSD", r.instrument());
        assertEquals(java.util.List.of(Qty.of("0.01"), Qty.of("0.01")), r.fills().stream().map(io.quiver.sdk.model.Fill::quantity).toList());
        // bought at the third bar's open, sold at the fifth's: 0.01 x (43900.00 - 44900.25) = -10.0025
        assertEquals(io.quiver.sdk.model.Price.of("44900.25"), r.fills().get(0).price());
        assertEquals(io.quiver.sdk.model.Price.of("43900.00"), r.fills().get(1).price());
    }

    @Test
    void withoutTheMasterTheSameOrderIsRefusedForItsLot(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        BacktestResult r = runHundredth(btcHome(dir, null));
        assertEquals(0, r.fills().size(), "a lot of 1 refuses 0.01");
    }

    @Test
    void aBadMasterEntryNamesTheFileTheSymbolAndTheKey(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path home = btcHome(dir, "tick=0.01 lot=0.0x");
        assertEquals("etc/io.quiver.instruments.cfg: BTCUSD: lot: '0.0x' is not a decimal number",
                assertThrows(IllegalArgumentException.class, () -> runHundredth(home)).getMessage());
    }

    private static BacktestResult run(String data) {
        return BacktestRequests.run(Alternator.class, "test", new BacktestService.Request("test", Map.of(), data, Path.of("."), "10000", "0",
                "t", "sim"), io.quiver.oms.PreTradeGate.NONE, BacktestProgress.NONE, io.quiver.backtest.VenueFactories.onClassPath(),
                io.quiver.backtest.BarSources.onClassPath());
    }

    @Test
    void aDataArgumentNoSourceReadsIsRefusedNamingTheSources() {
        assertEquals("data: no installed bar source reads 'catalog:orcl'; installed: [synthetic, csv]",
                assertThrows(IllegalArgumentException.class, () -> run("catalog:orcl")).getMessage());
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
        assertEquals(100, run("synthetic:100").bars(), "the seed defaults to 42");
        assertEquals("synthetic:100:42", run("synthetic:100").settings().dataName());
        assertEquals("data: 'synthetic:lots' is not synthetic:<bars 1..50000000>[:<seed>]",
                assertThrows(IllegalArgumentException.class, () -> run("synthetic:lots")).getMessage());
        assertEquals("data: 'synthetic:0' is not synthetic:<bars 1..50000000>[:<seed>]",
                assertThrows(IllegalArgumentException.class, () -> run("synthetic:0")).getMessage());
        assertEquals("data file not found: no/such.csv",
                assertThrows(IllegalArgumentException.class, () -> run("no/such.csv")).getMessage());
    }
}
