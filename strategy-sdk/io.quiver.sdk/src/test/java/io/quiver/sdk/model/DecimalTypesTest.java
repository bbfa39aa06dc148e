package io.quiver.sdk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DecimalTypesTest {

    @Test
    void tenthsAddUpExactly() {
        Price sum = Price.ZERO;
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(Price.of("0.1"));
        }
        assertEquals(Price.of("1"), sum);
        assertEquals("1.0", sum.toString());
    }

    @Test
    void equalityIgnoresTrailingZeros() {
        assertEquals(Price.of("1.5"), Price.of("1.50"));
        assertEquals(Price.of("1.5").hashCode(), Price.of("1.500").hashCode());
        assertEquals(Qty.of("100"), Qty.of("100.00"));
        assertEquals(Money.of("2.10"), Money.of("2.1"));
        assertEquals(Money.of("2.10").hashCode(), Money.of("2.1").hashCode());
        assertNotEquals(Price.of("1.5"), Price.of("1.51"));
    }

    @Test
    void notionalIsExact() {
        assertEquals(Money.of("217.9012"), Price.of("2.179012").times(Qty.of(100)));
        assertEquals(Money.of("0.00000001"), Price.of("0.0001").times(Qty.of("0.0001")));
    }

    @Test
    void tickAndLotMultiples() {
        assertTrue(Price.of("10.25").isMultipleOf(Price.of("0.05")));
        assertFalse(Price.of("10.26").isMultipleOf(Price.of("0.05")));
        assertTrue(Qty.of(300).isMultipleOf(Qty.of(100)));
        assertFalse(Qty.of(250).isMultipleOf(Qty.of(100)));
    }

    @Test
    void overflowFailsInsteadOfWrapping() {
        Price big = Price.ofUnits(Long.MAX_VALUE, 0);
        assertThrows(ArithmeticException.class, () -> big.plus(Price.of(1)));
        assertThrows(ArithmeticException.class, () -> Price.of("1").unitsAt(19));
    }

    @Test
    void cannotLoseDecimalsWhenRescaling() {
        assertThrows(ArithmeticException.class, () -> Price.of("1.25").unitsAt(1));
        assertEquals(1250, Price.of("1.25").unitsAt(3));
    }

    @Test
    void instrumentRejectsNonPositiveTick() {
        assertThrows(IllegalArgumentException.class,
                () -> new Instrument(InstrumentId.of("X"), Price.ZERO, Qty.of(1), "USD"));
    }

    @Property
    void priceArithmeticMatchesBigDecimal(@ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long a,
            @ForAll @IntRange(min = 0, max = 8) int sa, @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long b,
            @ForAll @IntRange(min = 0, max = 8) int sb) {
        Price pa = Price.ofUnits(a, sa);
        Price pb = Price.ofUnits(b, sb);
        BigDecimal da = BigDecimal.valueOf(a, sa);
        BigDecimal db = BigDecimal.valueOf(b, sb);
        assertEquals(0, da.add(db).compareTo(pa.plus(pb).toBigDecimal()));
        assertEquals(0, da.subtract(db).compareTo(pa.minus(pb).toBigDecimal()));
        assertEquals(Integer.signum(da.compareTo(db)), Integer.signum(pa.compareTo(pb)));
        assertEquals(da.compareTo(db) == 0, pa.equals(pb));
        if (pa.equals(pb)) {
            assertEquals(pa.hashCode(), pb.hashCode());
        }
    }
}
