package io.quiver.feed.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Price;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GbmBarGeneratorTest {
    private static final Instrument X = Instrument.of("X", 2, "USD");

    private static BarSeries series(long seed, int n) {
        return new GbmBarGenerator(X, Price.of("100.00"), 0.0, 0.3, Duration.ofMinutes(1), 8,
                Instant.parse("2020-01-01T00:00:00Z"), seed).series(n);
    }

    @Test
    void sameSeedSameBarsOtherSeedOtherBars() {
        BarSeries a = series(7, 1000);
        BarSeries b = series(7, 1000);
        BarSeries c = series(8, 1000);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.bar(i), b.bar(i));
        }
        assertNotEquals(a.bar(999).close(), c.bar(999).close());
    }

    @Test
    void barsAreWellFormedOnTheTickAndChained() {
        BarSeries s = series(1, 10_000);
        for (int i = 0; i < s.size(); i++) {
            assertTrue(s.lowUnits(i) <= Math.min(s.openUnits(i), s.closeUnits(i)));
            assertTrue(s.highUnits(i) >= Math.max(s.openUnits(i), s.closeUnits(i)));
            assertTrue(s.lowUnits(i) >= 1);
            if (i > 0) {
                assertEquals(s.closeUnits(i - 1), s.openUnits(i), "open = previous close");
                assertEquals(60_000_000_000L, s.timeNanos(i) - s.timeNanos(i - 1));
            }
        }
        assertEquals(Instant.parse("2020-01-01T00:01:00Z"), s.time(0));
    }

    @Test
    void volatilityShowsInTheSpreadOfLogReturns() {
        // annual vol 0.3 at 1-minute bars: per-bar stdev = 0.3 * sqrt(60 / 31557600) ~ 0.000414
        BarSeries s = series(3, 50_000);
        double sum = 0;
        double sumSq = 0;
        for (int i = 1; i < s.size(); i++) {
            double r = Math.log((double) s.closeUnits(i) / s.closeUnits(i - 1));
            sum += r;
            sumSq += r * r;
        }
        int n = s.size() - 1;
        double sd = Math.sqrt(sumSq / n - (sum / n) * (sum / n));
        assertEquals(0.000414, sd, 0.00004);
    }
}
