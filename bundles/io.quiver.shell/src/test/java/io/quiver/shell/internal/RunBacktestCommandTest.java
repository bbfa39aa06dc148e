package io.quiver.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.backtest.BacktestProgress;
import io.quiver.backtest.BacktestResult;
import io.quiver.backtest.BacktestService;
import io.quiver.backtest.BacktestSettings;
import io.quiver.oms.host.InstanceState;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Qty;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunBacktestCommandTest {
    @TempDir
    Path dir;

    /** Records the request and answers with a fixed result. */
    private static final io.quiver.backtest.PerformanceMetrics METRICS = new io.quiver.backtest.PerformanceMetrics(BigDecimal.ZERO, 0, 0,
            Double.NaN, Double.NaN, Double.NaN, 0, null, null, null, 0, 0, 0, 0, 0, 1, 252, 0, 0,
            new io.quiver.backtest.PerformanceMetrics.Trades(0, 0, 0, Double.NaN, Money.ZERO, Money.ZERO, Double.NaN, Money.ZERO, Money.ZERO,
                    Money.ZERO, java.time.Duration.ZERO));

    static final class RecordingService implements BacktestService {
        Request request;
        io.quiver.backtest.PortfolioPlan plan;

        @Override
        public io.quiver.backtest.PortfolioResult runPortfolio(io.quiver.backtest.PortfolioPlan p, java.nio.file.Path home, BacktestProgress progress) {
            plan = p;
            return new io.quiver.backtest.PortfolioResult(p, 10, p.cash(), Money.ZERO, Money.ZERO, 0, METRICS, List.of(), null,
                    "{\"portfolio\": \"" + p.name() + "\"}\n", 1_000_000, List.of());
        }

        @Override
        public Map<String, String> allocatorTypes() {
            return Map.of();
        }

        @Override
        public List<StrategyType> strategyTypes() {
            return List.of();
        }

        @Override
        public BacktestResult run(Request r, BacktestProgress progress) {
            request = r;
            BacktestSettings s = new BacktestSettings(r.strategyId(), "io.quiver.strategy.sma", r.parameters(), Money.of(r.startingCash()),
                    BigDecimal.ZERO, 3, "d.csv", "x");
            return new BacktestResult(s, "X", 10, 0, List.of(), Money.of(r.startingCash()), Money.of(r.startingCash()), Qty.ZERO,
                    Money.ZERO, Money.ZERO, METRICS, List.of(), InstanceState.STOPPED, "", "{\"ok\": true}\n", 1_000_000, List.of(),
                    java.time.Instant.EPOCH, java.time.Instant.EPOCH);
        }
    }

    @Test
    void passesParametersAndWritesTheJson() throws Exception {
        RecordingService service = new RecordingService();
        RunBacktestCommand c = new RunBacktestCommand();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        c.backtests = service;
        c.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        c.home = dir;
        c.dataDir = dir.resolve("data");
        c.strategy = "sma";
        c.params = List.of("fast=5", "slow=20");
        c.cash = "5000";
        c.execute();
        assertEquals(Map.of("fast", "5", "slow", "20"), service.request.parameters());
        assertEquals("samples/orcl-1995-2014.txt", service.request.data());
        assertEquals(dir, service.request.home());
        assertEquals("sim", service.request.venue());
        assertEquals("{\"ok\": true}\n", Files.readString(dir.resolve("data/quiver/backtests/backtest.json")));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("final equity   5000 (start 5000)"), printed);
    }

    @Test
    void aParameterWithoutValueIsRefusedWithItsText() {
        var e = assertThrows(IllegalArgumentException.class, () -> RunBacktestCommand.parseParams(List.of("fast")));
        assertEquals("strategy parameters are given as name=value, got 'fast'", e.getMessage());
    }

    /** A viewer or trader once could write a result over any file the runtime can write, e.g. etc/users.properties. */
    @Test
    void resultsStayInsideTheBacktestsFolderUnlessAnAdminGivesAnAbsolutePath() {
        java.nio.file.Path folder = java.nio.file.Path.of("/srv/quiver/data/quiver/backtests");
        assertEquals(folder.resolve("run.json"), RunBacktestCommand.resultFile(folder, "run", null, false));
        assertEquals(folder.resolve("a/b.json"), RunBacktestCommand.resultFile(folder, "run", "a/b.json", false));
        assertEquals("--output ../../../etc/users.properties leads outside /srv/quiver/data/quiver/backtests; give a name inside it",
                assertThrows(IllegalArgumentException.class,
                        () -> RunBacktestCommand.resultFile(folder, "run", "../../../etc/users.properties", false)).getMessage());
        assertEquals("--output /etc/passwd: only an admin may write outside /srv/quiver/data/quiver/backtests; give a name relative to it",
                assertThrows(IllegalArgumentException.class, () -> RunBacktestCommand.resultFile(folder, "run", "/etc/passwd", false))
                        .getMessage());
        assertEquals(java.nio.file.Path.of("/srv/reports/r.json"), RunBacktestCommand.resultFile(folder, "run", "/srv/reports/r.json", true));
        assertEquals("--id '../../etc/x' must be letters, digits, '.', '_' or '-'",
                assertThrows(IllegalArgumentException.class, () -> RunBacktestCommand.resultFile(folder, "../../etc/x", null, false))
                        .getMessage());
    }
}
