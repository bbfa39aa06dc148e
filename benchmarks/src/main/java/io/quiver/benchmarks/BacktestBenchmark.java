package io.quiver.benchmarks;

import io.quiver.backtest.BacktestProgress;
import io.quiver.backtest.BacktestResult;
import io.quiver.backtest.BacktestSettings;
import io.quiver.backtest.Backtester;
import io.quiver.oms.host.StrategyInstantiator;
import io.quiver.examples.sma.SmaCrossover;
import io.quiver.feed.csv.CsvDataReader;
import io.quiver.feed.synthetic.GbmBarGenerator;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Price;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A whole backtest of the example SMA crossover (fast 10, slow 30, size 100) per operation: data
 * already loaded, strategy created fresh each time. Bars per second = bars / (seconds per operation).
 * {@code orcl}: the 5,036 daily bars of data/orcl-1995-2014.txt (set -Dquiver.data to the folder);
 * {@code gbm1m}: 1,000,000 seeded one-minute GBM bars.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BacktestBenchmark {
    private static final Map<String, String> PARAMS = Map.of("fast", "10", "slow", "30", "size", "100");

    @Param({"orcl", "gbm1m"})
    public String dataset;

    private BarSeries series;
    private BacktestSettings settings;

    @Setup(Level.Trial)
    public void load() {
        if (dataset.equals("orcl")) {
            Path file = Path.of(System.getProperty("quiver.data", "data")).resolve("orcl-1995-2014.txt");
            series = CsvDataReader.readBars(file, CsvDataReader.schemaFor(file));
        } else {
            series = new GbmBarGenerator(Instrument.of("GBM", 2, "USD"), Price.of("100.00"), 0.05, 0.3, Duration.ofMinutes(1), 4,
                    Instant.parse("2020-01-01T00:00:00Z"), 42).series(1_000_000);
        }
        settings = new BacktestSettings("bench", SmaCrossover.TYPE, PARAMS, Money.of(1_000_000), BigDecimal.ZERO, 3, dataset, "n/a");
    }

    @Benchmark
    public BacktestResult backtest() {
        return Backtester.run(StrategyInstantiator.instantiate(SmaCrossover.class, PARAMS), series, settings, BacktestProgress.NONE);
    }
}
