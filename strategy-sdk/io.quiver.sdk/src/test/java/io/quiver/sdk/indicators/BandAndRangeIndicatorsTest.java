package io.quiver.sdk.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each indicator against values worked out by hand (in the comments). */
class BandAndRangeIndicatorsTest {
    private static final InstrumentId X = InstrumentId.of("X");
    private static final double EPS = 1e-12;
    private int bars;

    @Test
    void rollingStandardDeviationIsThePopulationOne() {
        RollingStdDev sd = new RollingStdDev(2);
        sd.update(Price.of("2"));
        assertFalse(sd.isReady());
        assertTrue(Double.isNaN(sd.value()));
        double[] expected = {1.0, 0.0, 0.5, 1.0}; // windows {2,4}, {4,4}, {4,5}, {5,7}
        String[] next = {"4", "4", "5", "7"};
        for (int i = 0; i < next.length; i++) {
            sd.update(Price.of(next[i]));
            assertEquals(expected[i], sd.value(), EPS, next[i]);
        }
        assertEquals(6.0, sd.mean(), EPS);
        // the textbook series 2, 4, 4, 4, 5, 5, 7, 9 has mean 5 and standard deviation 2, also a million higher
        for (String base : new String[] {"0", "1000000"}) {
            RollingStdDev eight = new RollingStdDev(8);
            for (int p : new int[] {2, 4, 4, 4, 5, 5, 7, 9}) {
                eight.update(Price.of(new java.math.BigDecimal(base).add(java.math.BigDecimal.valueOf(p))));
            }
            assertEquals(2.0, eight.value(), 1e-9, base);
        }
    }

    @Test
    void bollingerBandsAreTheMeanPlusAndMinusWidthDeviations() {
        BollingerBands b = new BollingerBands(2, 2.0);
        b.update(Price.of("2"));
        b.update(Price.of("4")); // mean 3, sd 1
        assertEquals(3.0, b.value(), EPS);
        assertEquals(5.0, b.upper(), EPS);
        assertEquals(1.0, b.lower(), EPS);
        assertEquals(0.75, b.percentB(Price.of("4")), EPS); // (4 - 1) / (5 - 1)
        assertThrows(IllegalArgumentException.class, () -> new BollingerBands(20, 0));
    }

    @Test
    void macdOnALineAndAfterAJump() {
        // fast EMA(2) alpha 2/3 seeded by SMA(2); slow EMA(3) alpha 1/2 seeded by SMA(3); signal EMA(2)
        Macd m = new Macd(2, 3, 2);
        for (String p : new String[] {"1", "2"}) {
            m.update(Price.of(p));
        }
        assertTrue(Double.isNaN(m.value()));
        m.update(Price.of("3")); // fast 2.5, slow 2: MACD 0.5
        assertEquals(0.5, m.value(), EPS);
        assertFalse(m.isReady());
        m.update(Price.of("4")); // fast 3.5, slow 3: MACD 0.5, signal (0.5 + 0.5) / 2
        assertTrue(m.isReady());
        assertEquals(0.5, m.signal(), EPS);
        assertEquals(0.0, m.histogram(), EPS);
        m.update(Price.of("5"));
        m.update(Price.of("8")); // fast 4.5 + 2/3 * 3.5 = 6.8333, slow 4 + 4/2 = 6: MACD 0.8333, signal 0.5 + 2/3 * 0.3333
        assertEquals(5.0 / 6, m.value(), EPS);
        assertEquals(0.5 + 2.0 / 3 * (5.0 / 6 - 0.5), m.signal(), EPS);
        assertEquals(5.0 / 6 - m.signal(), m.histogram(), EPS);
        assertThrows(IllegalArgumentException.class, () -> new Macd(26, 12, 9));
    }

    @Test
    void averageTrueRangeTakesGapsIntoAccount() {
        Atr atr = new Atr(2);
        atr.update(bar("10", "8", "9", 1));   // TR 2
        assertFalse(atr.isReady());
        atr.update(bar("11", "9", "10", 1));  // TR max(2, |11-9|, |9-9|) = 2: ATR (2 + 2) / 2
        assertEquals(2.0, atr.value(), EPS);
        atr.update(bar("14", "12", "13", 1)); // TR max(2, |14-10|, |12-10|) = 4: (2 + 4) / 2
        assertEquals(3.0, atr.value(), EPS);
        atr.update(bar("9", "8", "8.5", 1));  // a gap down: TR max(1, |9-13|, |8-13|) = 5: (3 + 5) / 2
        assertEquals(4.0, atr.value(), EPS);
    }

    @Test
    void donchianChannelIsTheExactRangeOfTheWindow() {
        DonchianChannel d = new DonchianChannel(3);
        d.update(bar("10", "8", "9", 1));
        d.update(bar("11", "9", "10", 1));
        assertNull(d.upper());
        d.update(bar("14", "12", "13", 1));
        assertEquals(Price.of("14"), d.upper());
        assertEquals(Price.of("8"), d.lower());
        d.update(bar("9", "8", "8.5", 1));     // window 11/9, 14/12, 9/8
        assertEquals(Price.of("14"), d.upper());
        assertEquals(Price.of("8"), d.lower());
        d.update(bar("10", "9.5", "10", 1));   // 14/12, 9/8, 10/9.5
        d.update(bar("10", "9.8", "10", 1));   // 9/8, 10/9.5, 10/9.8
        assertEquals(Price.of("10"), d.upper());
        assertEquals(Price.of("8"), d.lower());
        d.update(bar("10.5", "10", "10.2", 1)); // 10/9.5, 10/9.8, 10.5/10
        assertEquals(Price.of("10.5"), d.upper());
        assertEquals(Price.of("9.5"), d.lower());
        assertEquals(10.0, d.value(), EPS);
    }

    @Test
    void vwapWeighsTheTypicalPriceByVolumeAndStartsEachDayAgain() {
        Vwap v = new Vwap();
        v.update(bar("12", "10", "11", 100)); // typical 11
        assertEquals(11.0, v.value(), EPS);
        v.update(bar("13", "11", "12", 300)); // typical 12: (1100 + 3600) / 400
        assertEquals(11.75, v.value(), EPS);
        bars = 24 * 60; // the next day
        v.update(bar("20", "18", "19", 10));
        assertEquals(19.0, v.value(), EPS);
        Vwap none = new Vwap();
        none.update(bar("12", "10", "11", 0));
        assertFalse(none.isReady());
    }

    /** One-minute bars of one day, stamped at their close. */
    private Bar bar(String high, String low, String close, long volume) {
        bars++;
        Instant t = Instant.parse("2024-03-04T00:00:00Z").plus(Duration.ofMinutes(bars));
        return new Bar(X, t, Price.of(low), Price.of(high), Price.of(low), Price.of(close), Qty.of(volume));
    }
}
