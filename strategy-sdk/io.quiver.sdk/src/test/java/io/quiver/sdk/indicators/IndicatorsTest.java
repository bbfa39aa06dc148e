package io.quiver.sdk.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.Price;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Expected values are worked out by hand in the comments. */
class IndicatorsTest {

    private static void feed(Indicator ind, String... prices) {
        for (String p : prices) {
            ind.update(Price.of(p));
        }
    }

    @Test
    void smaOfThree() {
        Sma sma = new Sma(3);
        feed(sma, "1", "2");
        assertFalse(sma.isReady());
        assertTrue(Double.isNaN(sma.value()));
        feed(sma, "3");
        assertEquals(2.0, sma.value(), 0.0); // (1+2+3)/3
        feed(sma, "10");
        assertEquals(5.0, sma.value(), 0.0); // (2+3+10)/3
        assertEquals(0, new BigDecimal("5").compareTo(sma.exactValue()));
    }

    @Test
    void smaAcrossScalesKeepsExactSum() {
        Sma sma = new Sma(2);
        feed(sma, "1.5", "2.25");
        assertEquals(0, new BigDecimal("1.875").compareTo(sma.exactValue())); // (1.5+2.25)/2
    }

    @Test
    void smaComparisonIsExactWhereDoublesTie() {
        // 0.1+0.2+0.3 over 3 = 0.2 exactly; 0.2 over 1 = 0.2: equal, although (0.1+0.2+0.3)/3 in doubles is not 0.2.
        Sma three = new Sma(3);
        feed(three, "0.1", "0.2", "0.3");
        Sma one = new Sma(1);
        feed(one, "0.2");
        assertEquals(0, three.compareTo(one));
        feed(one, "0.200001");
        assertTrue(three.compareTo(one) < 0);
    }

    @Test
    void emaSeededBySmaThenSmoothed() {
        Ema ema = new Ema(3); // alpha = 2/(3+1) = 0.5
        feed(ema, "2", "4", "6");
        assertEquals(4.0, ema.value(), 1e-12); // seed (2+4+6)/3
        feed(ema, "8");
        assertEquals(6.0, ema.value(), 1e-12); // 4 + 0.5*(8-4)
        feed(ema, "2");
        assertEquals(4.0, ema.value(), 1e-12); // 6 + 0.5*(2-6)
    }

    @Test
    void rsiWithWilderSmoothing() {
        Rsi rsi = new Rsi(2);
        feed(rsi, "10", "12");
        assertFalse(rsi.isReady());
        feed(rsi, "11");
        // changes +2, -1: avg gain 1, avg loss 0.5, RS 2, RSI = 100 - 100/3
        assertEquals(100.0 - 100.0 / 3.0, rsi.value(), 1e-12);
        feed(rsi, "14");
        // change +3: gain (1*1+3)/2 = 2, loss (0.5*1+0)/2 = 0.25, RS 8, RSI = 100 - 100/9
        assertEquals(100.0 - 100.0 / 9.0, rsi.value(), 1e-12);
    }

    @Test
    void rsiExtremes() {
        Rsi up = new Rsi(2);
        feed(up, "1", "2", "3");
        assertEquals(100.0, up.value(), 0.0);
        Rsi flat = new Rsi(2);
        feed(flat, "1", "1", "1");
        assertEquals(50.0, flat.value(), 0.0);
        Rsi down = new Rsi(2);
        feed(down, "3", "2", "1");
        assertEquals(0.0, down.value(), 0.0);
    }

    @Property
    void smaMatchesNaiveAverage(@ForAll @Size(min = 1, max = 60) java.util.List<@IntRange(min = 0, max = 1_000_000) Integer> units,
            @ForAll @IntRange(min = 1, max = 20) int period) {
        Sma sma = new Sma(period);
        for (int i = 0; i < units.size(); i++) {
            sma.update(Price.ofUnits(units.get(i), 2));
            if (i + 1 >= period) {
                BigDecimal sum = BigDecimal.ZERO;
                for (int k = i + 1 - period; k <= i; k++) {
                    sum = sum.add(BigDecimal.valueOf(units.get(k), 2));
                }
                BigDecimal naive = sum.divide(BigDecimal.valueOf(period), java.math.MathContext.DECIMAL128);
                assertEquals(0, naive.compareTo(sma.exactValue()));
            }
        }
    }
}
