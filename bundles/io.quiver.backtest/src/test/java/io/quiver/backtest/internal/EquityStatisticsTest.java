package io.quiver.backtest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Drawdown and Sharpe of the streaming calculation against hand-computed values and a naive two-pass one. */
class EquityStatisticsTest {
    private static final long DAY = 86_400_000_000_000L;

    @Test
    void drawdownAndSharpeByHand() {
        EquityStatistics s = new EquityStatistics(100);
        s.sample(0, 110);          // day 0 ends at 110: +10 %
        s.sample(DAY, 99);         // day 1 ends at 99: -10 %; drawdown from 110: 11/110 = 10 %
        s.sample(DAY + 1, 88);     // same day, lower: drawdown 22/110 = 20 %; day 1 ends at 88: -20 %
        s.sample(2 * DAY, 132);    // day 2: +50 %, new peak
        s.finish();
        assertEquals(0.2, s.maxDrawdown(), 1e-12);
        // daily returns 0.1, -0.2, 0.5: mean 0.4/3, sample variance ((0.1-m)^2 + (-0.2-m)^2 + (0.5-m)^2) / 2
        double m = 0.4 / 3;
        double sd = Math.sqrt((Math.pow(0.1 - m, 2) + Math.pow(-0.2 - m, 2) + Math.pow(0.5 - m, 2)) / 2);
        assertEquals(m / sd * Math.sqrt(252), s.sharpe(), 1e-12);
    }

    @Test
    void flatOrTooShortCurvesHaveNoSharpe() {
        EquityStatistics flat = new EquityStatistics(100);
        flat.sample(0, 100);
        flat.sample(DAY, 100);
        flat.finish();
        assertEquals(0.0, flat.sharpe());
        EquityStatistics oneDay = new EquityStatistics(100);
        oneDay.sample(0, 120);
        oneDay.finish();
        assertEquals(0.0, oneDay.sharpe());
        assertEquals(0.0, oneDay.maxDrawdown());
    }

    @Property
    void matchesANaiveTwoPassCalculation(@ForAll @Size(min = 1, max = 200) List<@IntRange(min = 1, max = 1_000) Integer> equity,
            @ForAll @Size(min = 200, max = 200) List<@IntRange(min = 0, max = 2) Integer> dayGaps) {
        EquityStatistics s = new EquityStatistics(500);
        long day = 0;
        List<Double> dayEnds = new ArrayList<>();
        double peak = 500;
        double maxDd = 0;
        for (int i = 0; i < equity.size(); i++) {
            long gap = dayGaps.get(i);
            if (i > 0 && gap > 0) {
                day += gap;
            }
            s.sample(day * DAY + i, equity.get(i));
            // naive: last equity of each day, and the running peak
            if (i == 0 || gap > 0) {
                dayEnds.add((double) equity.get(i));
            } else {
                dayEnds.set(dayEnds.size() - 1, (double) equity.get(i));
            }
            peak = Math.max(peak, equity.get(i));
            maxDd = Math.max(maxDd, (peak - equity.get(i)) / peak);
        }
        s.finish();
        List<Double> returns = new ArrayList<>();
        double previous = 500;
        for (double e : dayEnds) {
            returns.add(e / previous - 1);
            previous = e;
        }
        double mean = returns.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double var = returns.size() < 2 ? 0 : returns.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / (returns.size() - 1);
        double sharpe = var <= 0 ? 0 : mean / Math.sqrt(var) * Math.sqrt(252);
        assertEquals(maxDd, s.maxDrawdown(), 1e-12);
        assertEquals(sharpe, s.sharpe(), 1e-9 * Math.max(1, Math.abs(sharpe)));
    }
}
