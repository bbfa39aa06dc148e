package io.quiver.examples.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.backtest.BacktestProgress;
import io.quiver.backtest.BacktestResult;
import io.quiver.backtest.BacktestSettings;
import io.quiver.backtest.Backtester;
import io.quiver.oms.host.StrategyInstantiator;
import io.quiver.feed.csv.CsvDataReader;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ladder through the real backtest loop against a naive re-implementation written from its description
 * and the sim venue's documented fill rules, in BigDecimal, with a plain list of resting orders.
 */
class OrderLadderBacktestTest {
    private static final Map<String, String> PARAMS = Map.of("levels", "5", "step", "0.25", "size", "10");

    private static Path orcl() {
        return Path.of(System.getProperty("quiver.sample.data", "../../data")).resolve("orcl-1995-2014.txt");
    }

    private record Resting(Side side, BigDecimal price) {
    }

    private record Expected(java.time.Instant time, Side side, BigDecimal price) {
    }

    private static List<Expected> naive(BarSeries s, int levels, BigDecimal step) {
        List<Expected> fills = new ArrayList<>();
        List<Resting> resting = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            Bar bar = s.bar(i);
            BigDecimal open = bar.open().toBigDecimal();
            for (Iterator<Resting> it = resting.iterator(); it.hasNext();) {
                Resting r = it.next();
                BigDecimal price = null;
                if (r.side() == Side.BUY) {
                    price = open.compareTo(r.price()) <= 0 ? open : bar.low().toBigDecimal().compareTo(r.price()) <= 0 ? r.price() : null;
                } else {
                    price = open.compareTo(r.price()) >= 0 ? open : bar.high().toBigDecimal().compareTo(r.price()) >= 0 ? r.price() : null;
                }
                if (price != null) {
                    fills.add(new Expected(bar.time(), r.side(), price));
                    it.remove();
                }
            }
            BigDecimal centre = bar.close().toBigDecimal().divide(step, 0, RoundingMode.FLOOR).multiply(step);
            List<Resting> wanted = new ArrayList<>();
            for (int k = 1; k <= levels; k++) {
                BigDecimal below = centre.subtract(step.multiply(BigDecimal.valueOf(k)));
                if (below.signum() > 0) {
                    wanted.add(new Resting(Side.BUY, below));
                }
                wanted.add(new Resting(Side.SELL, centre.add(step.multiply(BigDecimal.valueOf(k)))));
            }
            resting.removeIf(r -> wanted.stream().noneMatch(w -> same(w, r)));
            for (Resting w : wanted) {
                if (resting.stream().noneMatch(r -> same(w, r))) {
                    resting.add(w);
                }
            }
        }
        return fills;
    }

    private static boolean same(Resting a, Resting b) {
        return a.side() == b.side() && a.price().compareTo(b.price()) == 0;
    }

    @Test
    void oracleFillsMatchTheNaiveReferenceExactly() {
        BarSeries s = CsvDataReader.readBars(orcl(), CsvDataReader.schemaFor(orcl()));
        var settings = new BacktestSettings("ladder-test", OrderLadder.TYPE, PARAMS, Money.of(100_000), BigDecimal.ZERO, 3,
                "orcl-1995-2014.txt", "n/a");
        BacktestResult r = Backtester.run(StrategyInstantiator.instantiate(OrderLadder.class, PARAMS), s, settings, BacktestProgress.NONE);
        Comparator<Expected> order = Comparator.comparing(Expected::time).thenComparing(Expected::side).thenComparing(Expected::price);
        List<Expected> expected = naive(s, 5, new BigDecimal("0.25")).stream().sorted(order).toList();
        List<Expected> actual = r.fills().stream().map((Fill f) -> new Expected(f.time(), f.side(), f.price().toBigDecimal().stripTrailingZeros()))
                .sorted(order).toList();
        assertEquals(expected.size(), actual.size());
        for (int k = 0; k < expected.size(); k++) {
            Expected e = expected.get(k);
            Expected a = actual.get(k);
            assertEquals(e.time(), a.time(), "fill " + k);
            assertEquals(e.side(), a.side(), "fill " + k);
            assertEquals(0, e.price().compareTo(a.price()), "fill " + k + ": " + e + " vs " + a);
        }
        assertTrue(actual.size() > 1000, "twenty years of daily bars cross many rungs: " + actual.size());
        assertTrue(r.fills().stream().allMatch(f -> f.quantity().toBigDecimal().compareTo(BigDecimal.TEN) == 0));
    }

    @Test
    void badSettingsAreNamed() {
        assertEquals("levels must be at least 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> StrategyInstantiator.instantiate(OrderLadder.class, Map.of("levels", "0"))).getMessage());
        assertEquals("step: 'wide' is not a number", assertThrows(IllegalArgumentException.class,
                () -> StrategyInstantiator.instantiate(OrderLadder.class, Map.of("step", "wide"))).getMessage());
        assertEquals("size must be positive, was -1", assertThrows(IllegalArgumentException.class,
                () -> StrategyInstantiator.instantiate(OrderLadder.class, Map.of("size", "-1"))).getMessage());
    }
}
