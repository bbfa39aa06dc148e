package io.quiver.examples.sma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.backtest.BacktestProgress;
import io.quiver.backtest.BacktestResult;
import io.quiver.backtest.BacktestSettings;
import io.quiver.backtest.Backtester;
import io.quiver.oms.host.StrategyInstantiator;
import io.quiver.feed.csv.CsvDataReader;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Side;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example strategy through the real backtest loop, checked against a naive re-implementation of the
 * rule written straight from its description (BigDecimal sums over whole windows, no incremental state).
 */
class SmaCrossoverBacktestTest {

    private static Path orcl() {
        return Path.of(System.getProperty("quiver.sample.data", "../../data")).resolve("orcl-1995-2014.txt");
    }

    private static BacktestResult run(BarSeries series, Map<String, String> params) {
        var strategy = StrategyInstantiator.instantiate(SmaCrossover.class, params);
        var settings = new BacktestSettings("sma-test", SmaCrossover.TYPE, params, Money.of(100_000), BigDecimal.ZERO, 3,
                "orcl-1995-2014.txt", "n/a");
        return Backtester.run(strategy, series, settings, BacktestProgress.NONE);
    }

    /** A fill as the naive reference predicts it. */
    private record Expected(int barIndex, Side side, BigDecimal price, BigDecimal qty) {
    }

    private static List<Expected> naive(BarSeries s, int fastN, int slowN, BigDecimal size) {
        List<Expected> fills = new ArrayList<>();
        int lastSide = 0;
        BigDecimal position = BigDecimal.ZERO;
        for (int i = slowN - 1; i < s.size() - 1; i++) {
            BigDecimal fastAvg = avg(s, i, fastN);
            BigDecimal slowAvg = avg(s, i, slowN);
            int side = fastAvg.compareTo(slowAvg);
            if (side == 0) {
                continue;
            }
            boolean up = side > 0 && lastSide < 0;
            boolean down = side < 0 && lastSide > 0;
            lastSide = side;
            BigDecimal nextOpen = s.bar(i + 1).open().toBigDecimal();
            if (up && position.signum() == 0) {
                fills.add(new Expected(i + 1, Side.BUY, nextOpen, size));
                position = size;
            } else if (down && position.signum() > 0) {
                fills.add(new Expected(i + 1, Side.SELL, nextOpen, position));
                position = BigDecimal.ZERO;
            }
        }
        return fills;
    }

    private static BigDecimal avg(BarSeries s, int end, int n) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = end - n + 1; k <= end; k++) {
            sum = sum.add(s.bar(k).close().toBigDecimal());
        }
        return sum.divide(BigDecimal.valueOf(n), java.math.MathContext.DECIMAL128);
    }

    @Test
    void oracleFast10Slow30MatchesTheNaiveReferenceExactly() {
        BarSeries s = CsvDataReader.readBars(orcl(), CsvDataReader.schemaFor(orcl()));
        BacktestResult r = run(s, Map.of("fast", "10", "slow", "30", "size", "100"));
        List<Expected> expected = naive(s, 10, 30, BigDecimal.valueOf(100));

        assertEquals(expected.size(), r.fills().size());
        BigDecimal cash = BigDecimal.valueOf(100_000);
        BigDecimal position = BigDecimal.ZERO;
        for (int k = 0; k < expected.size(); k++) {
            Expected e = expected.get(k);
            Fill f = r.fills().get(k);
            assertEquals(s.time(e.barIndex()), f.time(), "fill " + k);
            assertEquals(e.side(), f.side(), "fill " + k);
            assertEquals(0, e.price().compareTo(f.price().toBigDecimal()), "fill " + k);
            assertEquals(0, e.qty().compareTo(f.quantity().toBigDecimal()), "fill " + k);
            BigDecimal notional = e.price().multiply(e.qty());
            cash = e.side() == Side.BUY ? cash.subtract(notional) : cash.add(notional);
            position = e.side() == Side.BUY ? position.add(e.qty()) : position.subtract(e.qty());
        }
        BigDecimal lastClose = s.bar(s.size() - 1).close().toBigDecimal();
        assertEquals(Money.of(cash.add(position.multiply(lastClose))), r.finalEquity());
        // The equity curve has one exact point per trading day; the last is the final equity.
        assertEquals(s.size(), r.json().split("\"date\": ").length - 1);
        assertTrue(r.json().contains("{\"date\": \"2014-12-31\", \"equity\": " + r.finalEquity().toBigDecimal().stripTrailingZeros().toPlainString()),
                "last equity point");
        assertEquals(Money.of(cash), r.cash());
        assertTrue(r.fills().size() > 50, "a 20-year daily series crosses many times");
    }

    /** With invest, a cross up buys that share of the equity (all cash, as it is flat) at the decision close, in whole shares. */
    @Test
    void investBuysAShareOfTheEquityAtTheDecisionClose() {
        BarSeries s = CsvDataReader.readBars(orcl(), CsvDataReader.schemaFor(orcl()));
        BacktestResult r = run(s, Map.of("fast", "10", "slow", "30", "invest", "0.5"));
        List<Expected> crossings = naive(s, 10, 30, BigDecimal.ONE);
        assertEquals(crossings.size(), r.fills().size());
        BigDecimal cash = BigDecimal.valueOf(100_000);
        BigDecimal held = BigDecimal.ZERO;
        for (int k = 0; k < crossings.size(); k++) {
            Expected e = crossings.get(k);
            Fill f = r.fills().get(k);
            BigDecimal open = s.bar(e.barIndex()).open().toBigDecimal();
            if (e.side() == Side.BUY) {
                BigDecimal decisionClose = s.bar(e.barIndex() - 1).close().toBigDecimal();
                held = cash.multiply(new BigDecimal("0.5")).divide(decisionClose, 0, java.math.RoundingMode.DOWN);
                cash = cash.subtract(held.multiply(open));
            } else {
                cash = cash.add(held.multiply(open));
            }
            assertEquals(0, held.compareTo(f.quantity().toBigDecimal()), "fill " + k);
        }
        assertEquals(Money.of(cash), r.cash());
        assertEquals("invest: '1.5' is not a share of equity above 0 and at most 1, such as 0.95", assertThrows(IllegalArgumentException.class,
                () -> StrategyInstantiator.instantiate(SmaCrossover.class, Map.of("invest", "1.5"))).getMessage());
    }

    /** On the sample trade prints, the averages sample each print's price: checked against the naive rule over the prices. */
    @Test
    void onTradeDataTheAveragesSampleEachPrintAndOrdersFillAtTheNextPrint() {
        io.quiver.sdk.model.TickSeries t = io.quiver.backtest.BarSources.onClassPath().open(orcl().resolveSibling("ticksample.csv").toString(),
                Path.of(".")).ticks();
        // the prints as a series of bars whose closes are the prices, for the naive rule; a market order fills at the next print
        BarSeries.Builder b = BarSeries.builder(t.instrument(), 0);
        for (int i = 0; i < t.size(); i++) {
            long p = t.trade(i).price().unitsAt(t.priceScale());
            b.add(i + 1, p, p, p, p, 0);
        }
        List<Expected> expected = naive(b.build(), 3, 8, BigDecimal.ONE);
        Map<String, String> params = Map.of("fast", "3", "slow", "8", "size", "1", "samples", "trades");
        var settings = new BacktestSettings("sma-test", SmaCrossover.TYPE, params, Money.of(100_000), BigDecimal.ZERO, 3, "ticksample.csv", "n/a");
        var venues = io.quiver.backtest.VenueFactories.onClassPath();
        BacktestResult r = Backtester.run(StrategyInstantiator.instantiate(SmaCrossover.class, params), t, Backtester.overTicks(settings,
                venues.named("sim")), io.quiver.oms.PreTradeGate.NONE, BacktestProgress.NONE, venues.named("sim"));
        assertEquals(expected.size(), r.fills().size());
        assertTrue(expected.size() >= 2, "the sample prints cross at least once each way");
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(t.time(expected.get(k).barIndex()), r.fills().get(k).time(), "fill " + k);
            assertEquals(0, expected.get(k).price().compareTo(r.fills().get(k).price().toBigDecimal()), "fill " + k);
            assertEquals(expected.get(k).side(), r.fills().get(k).side(), "fill " + k);
        }
        assertEquals("samples: 'ticks' is not bars, trades or quotes", assertThrows(IllegalArgumentException.class,
                () -> StrategyInstantiator.instantiate(SmaCrossover.class, Map.of("samples", "ticks"))).getMessage());
    }

    @Test
    void sameInputsGiveByteIdenticalJson() {
        BarSeries s = CsvDataReader.readBars(orcl(), CsvDataReader.schemaFor(orcl()));
        Map<String, String> p = Map.of("fast", "10", "slow", "30", "size", "100");
        assertEquals(run(s, p).json(), run(s, p).json());
    }

    @Test
    void onTheExchangeVenueOrdersMeetTheQuotesAroundTheDecisionClose() {
        BarSeries s = CsvDataReader.readBars(orcl(), CsvDataReader.schemaFor(orcl()));
        Map<String, String> p = Map.of("fast", "10", "slow", "30", "size", "100");
        var settings = new BacktestSettings("sma-test", SmaCrossover.TYPE, p, Money.of(100_000), BigDecimal.ZERO, 3,
                "orcl-1995-2014.txt", "n/a", "exchange");
        BacktestResult r = Backtester.run(StrategyInstantiator.instantiate(SmaCrossover.class, p), s, settings, BacktestProgress.NONE);
        BacktestResult again = Backtester.run(StrategyInstantiator.instantiate(SmaCrossover.class, p), s, settings, BacktestProgress.NONE);
        assertEquals(r.json(), again.json());
        assertTrue(r.json().contains("\"venue\": \"exchange\""));
        // The same crossings as on the sim venue, but each order fills on its decision bar, one tick through the close.
        assertEquals(naive(s, 10, 30, BigDecimal.valueOf(100)).size(), r.fills().size());
        BigDecimal tick = new BigDecimal("0.000001");
        java.util.Map<java.time.Instant, BigDecimal> closes = new java.util.HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            closes.put(s.time(i), s.bar(i).close().toBigDecimal());
        }
        for (Fill f : r.fills()) {
            BigDecimal close = closes.get(f.time());
            BigDecimal expected = f.side() == Side.BUY ? close.add(tick) : close.subtract(tick);
            assertEquals(0, expected.compareTo(f.price().toBigDecimal()), f.toString());
            assertEquals(0, BigDecimal.valueOf(100).compareTo(f.quantity().toBigDecimal()), f.toString());
        }
    }

    @Test
    void badParametersAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> StrategyInstantiator.instantiate(SmaCrossover.class, Map.of("fast", "ten")));
        assertEquals("parameter 'fast': 'ten' is not a whole number", e.getMessage());
        var u = assertThrows(IllegalArgumentException.class,
                () -> StrategyInstantiator.instantiate(SmaCrossover.class, Map.of("fsat", "3")));
        assertEquals("unknown parameter 'fsat'; known: fast, invest, samples, size, slow", u.getMessage());
        var o = assertThrows(IllegalArgumentException.class,
                () -> StrategyInstantiator.instantiate(SmaCrossover.class, Map.of("fast", "30", "slow", "10")));
        assertEquals("fast (30) must be shorter than slow (10)", o.getMessage());
    }
}
