package io.quiver.sdk.testkit;

import io.quiver.backtest.BacktestProgress;
import io.quiver.backtest.BacktestResult;
import io.quiver.backtest.BacktestSettings;
import io.quiver.backtest.Backtester;
import io.quiver.backtest.BarSources;
import io.quiver.backtest.VenueFactories;
import io.quiver.oms.PreTradeGate;
import io.quiver.oms.host.StrategyInstantiator;
import io.quiver.sdk.Strategy;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Side;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Assertions;

/**
 * Runs a strategy over bars in a plain JUnit 5 test, through the same order manager and venues as a
 * backtest in the runtime, and asserts on what it did:
 *
 * <pre>{@code
 * StrategyRun run = StrategyRun.of(MyStrategy.class, Map.of("period", "20"))
 *         .bars(Path.of("src/test/resources/orcl.txt"))   // a CSV file with its .schema, or synthetic:<bars>
 *         .cash("100000")
 *         .run();
 * run.assertFills(12).assertNoShortSales().assertEquityAtLeast("99000");
 * }</pre>
 *
 * Venue types ({@code sim}, {@code exchange}) and data sources come from the class path, as for
 * {@code bin/quiver-backtest}; no risk checks apply unless given ({@link #risk}).
 */
public final class StrategyRun {
    private final Strategy strategy;
    private final Map<String, String> parameters;
    private String data;
    private BarSeries series;
    private Money cash = Money.of(100_000);
    private String venue = "sim";
    private final Map<String, String> venueSettings = new LinkedHashMap<>();
    private Duration latency = Duration.ZERO;
    private PreTradeGate risk = PreTradeGate.NONE;
    private BacktestResult result;

    private StrategyRun(Strategy strategy, Map<String, String> parameters) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.parameters = Map.copyOf(parameters);
    }

    /** A strategy object made by the test. */
    public static StrategyRun of(Strategy strategy) {
        return new StrategyRun(strategy, Map.of());
    }

    /** A strategy created from its configuration annotation with {@code parameters}, as the runtime creates it. */
    public static StrategyRun of(Class<? extends Strategy> type, Map<String, String> parameters) {
        return new StrategyRun(StrategyInstantiator.instantiate(type, parameters), parameters);
    }

    /** Bars from a data argument: a CSV file (its {@code .schema} beside it) or {@code synthetic:<bars>[:<seed>]}. */
    public StrategyRun bars(Path file) {
        return bars(file.toString());
    }

    public StrategyRun bars(String dataArgument) {
        this.data = dataArgument;
        this.series = null;
        return this;
    }

    public StrategyRun bars(BarSeries bars) {
        this.series = bars;
        this.data = null;
        return this;
    }

    public StrategyRun cash(String startingCash) {
        this.cash = Money.of(startingCash);
        return this;
    }

    /** A venue type and its settings, e.g. {@code venue("sim", Map.of("commission", "PER_SHARE", "commission.per.share", "0.005"))}. */
    public StrategyRun venue(String type, Map<String, String> settings) {
        this.venue = type;
        this.venueSettings.clear();
        this.venueSettings.putAll(settings);
        return this;
    }

    public StrategyRun latency(Duration orderLatency) {
        this.latency = orderLatency;
        return this;
    }

    /** Pre-trade checks every order passes, as the runtime's risk chain would. */
    public StrategyRun risk(PreTradeGate gate) {
        this.risk = gate;
        return this;
    }

    /** Runs it; a strategy's own mistakes (bad parameters, bad data) are thrown as they are in a backtest. */
    public StrategyRun run() {
        BarSeries bars = series;
        String name = "bars";
        String checksum = "n/a";
        if (bars == null) {
            if (data == null) {
                throw new IllegalStateException("no bars: call bars(...) before run()");
            }
            var read = BarSources.onClassPath().open(data, Path.of("."));
            bars = read.series();
            name = read.name();
            checksum = read.checksum();
        }
        BacktestSettings settings = new BacktestSettings("test", strategy.getClass().getName(), parameters, cash, BigDecimal.ZERO, 3, name,
                checksum, venue, venueSettings, latency);
        result = Backtester.run(strategy, bars, settings, risk, BacktestProgress.NONE, VenueFactories.onClassPath().named(venue));
        return this;
    }

    /** Everything the run produced: fills, equity, metrics, round trips and the JSON a backtest writes. */
    public BacktestResult result() {
        if (result == null) {
            throw new IllegalStateException("not run yet: call run()");
        }
        return result;
    }

    public List<Fill> fills() {
        return result().fills();
    }

    public int orders() {
        return result().orders();
    }

    public Money finalEquity() {
        return result().finalEquity();
    }

    public StrategyRun assertFills(int expected) {
        Assertions.assertEquals(expected, fills().size(), () -> "fills: " + fills());
        return this;
    }

    public StrategyRun assertOrders(int expected) {
        Assertions.assertEquals(expected, orders(), "orders entered");
        return this;
    }

    /** The final equity, exactly (1.5 equals 1.50). */
    public StrategyRun assertEquity(String expected) {
        Assertions.assertEquals(0, new BigDecimal(expected).compareTo(finalEquity().toBigDecimal()), () -> "final equity " + finalEquity());
        return this;
    }

    public StrategyRun assertEquityAtLeast(String floor) {
        Assertions.assertTrue(finalEquity().toBigDecimal().compareTo(new BigDecimal(floor)) >= 0, () -> "final equity " + finalEquity()
                + " is below " + floor);
        return this;
    }

    /** No fill ever left the position short: a long-only strategy's promise. */
    public StrategyRun assertNoShortSales() {
        BigDecimal position = BigDecimal.ZERO;
        for (Fill f : fills()) {
            position = position.add(f.side() == Side.BUY ? f.quantity().toBigDecimal() : f.quantity().toBigDecimal().negate());
            BigDecimal now = position;
            Assertions.assertTrue(now.signum() >= 0, () -> "short after " + f);
        }
        return this;
    }

    /** The run ended running, not quarantined for faults. */
    public StrategyRun assertNotQuarantined() {
        Assertions.assertNotEquals(io.quiver.oms.host.InstanceState.QUARANTINED, result().finalState(), result().quarantineReason());
        return this;
    }
}
