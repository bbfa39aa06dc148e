package io.quiver.sdk.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypedSettingsTest {
    public enum Side {
        BUY, SELL
    }

    public interface Venue {
        default BigDecimal fee_bps() {
            return BigDecimal.ZERO;
        }

        default Side side() {
            return Side.BUY;
        }

        default List<String> accounts() {
            return List.of();
        }

        default boolean hedged() {
            return false;
        }

        long seed();
    }

    public @interface Strategy {
        int fast() default 10;

        String[] symbols() default {"A"};

        Side side() default Side.SELL;

        String name__with__underscores() default "x";
    }

    @Test
    void decimalsEnumsListsAndWholeNumbersAreTyped() {
        Venue v = TypedSettings.of(Venue.class, Map.of("fee.bps", " 1.50 ", "side", "sell", "accounts", "a, b,,c", "hedged", "TRUE", "seed", "-7"),
                "venue x");
        assertEquals(new BigDecimal("1.50"), v.fee_bps()); // the scale is kept: money stays exact
        assertEquals(Side.SELL, v.side());
        assertEquals(List.of("a", "b", "c"), v.accounts());
        assertEquals(true, v.hedged());
        assertEquals(-7L, v.seed());
    }

    @Test
    void defaultMethodsAndAnnotationDefaultsFillWhatIsNotGiven() {
        Venue v = TypedSettings.of(Venue.class, Map.of("seed", "1"), "venue x");
        assertEquals(BigDecimal.ZERO, v.fee_bps());
        assertEquals(Side.BUY, v.side());
        Strategy s = TypedSettings.of(Strategy.class, Map.of("fast", "3", "symbols", "X,Y", "name_with_underscores", "y"), "s");
        assertEquals(3, s.fast());
        assertArrayEquals(new String[] {"X", "Y"}, s.symbols());
        assertEquals(Side.SELL, s.side());
        assertEquals("y", s.name__with__underscores());
        assertEquals(Strategy.class, s.annotationType());
    }

    @Test
    void everyMistakeNamesItsKey() {
        assertEquals("fee.bps: 'abc' is not a decimal number", message(Venue.class, Map.of("fee.bps", "abc", "seed", "1")));
        assertEquals("side: 'up' is not one of [BUY, SELL]", message(Venue.class, Map.of("side", "up", "seed", "1")));
        assertEquals("hedged: 'yes' is not true or false", message(Venue.class, Map.of("hedged", "yes", "seed", "1")));
        assertEquals("seed: '1.5' is not a whole number", message(Venue.class, Map.of("seed", "1.5")));
        assertEquals("seed: is required", message(Venue.class, Map.of()));
        assertEquals("fees.bps: not a setting of venue x; its settings: [accounts, fee.bps, hedged, seed, side]",
                message(Venue.class, Map.of("fees.bps", "1", "seed", "1")));
        assertEquals("fast: 'ten' is not a whole number", message(Strategy.class, Map.of("fast", "ten")));
        assertEquals("fast: '99999999999' is not a whole number", message(Strategy.class, Map.of("fast", "99999999999")));
    }

    /** Not public: its defaults are read all the same (the view calls them itself, not through the converter). */
    interface Hidden {
        default java.util.List<Long> sizes() {
            return java.util.List.of(1L, 2L);
        }
    }

    @Test
    void defaultsOfATypeOutsideThisPackageOrNotPublicAreRead() {
        assertEquals(List.of(1L, 2L), TypedSettings.of(Hidden.class, Map.of(), "x").sizes());
        assertEquals(List.of(7L), TypedSettings.of(Hidden.class, Map.of("sizes", "7"), "x").sizes());
    }

    public interface NullDefault {
        default String name() {
            return null;
        }
    }

    @Test
    void aDefaultThatGivesNothingIsTheTypesMistakeFoundAtOnce() {
        // The converter would throw only when the member is first read, far from here.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TypedSettings.of(NullDefault.class, Map.of(), "x"));
        assertEquals(NullDefault.class.getName() + ".name() has no value: a default must not be null", e.getMessage());
        assertEquals("given", TypedSettings.of(NullDefault.class, Map.of("name", "given"), "x").name());
    }

    @Test
    void keysFollowTheDeclarativeServicesNamingRules() {
        assertEquals("fee.bps", TypedSettings.keyOf("fee_bps"));
        assertEquals("a_b", TypedSettings.keyOf("a__b"));
        assertEquals("ab", TypedSettings.keyOf("a$b"));
        assertEquals("a$b", TypedSettings.keyOf("a$$b"));
        assertEquals(Map.of("fast", "10", "symbols", "A", "side", "SELL", "name_with_underscores", "x"), TypedSettings.keys(Strategy.class));
    }

    private static String message(Class<?> type, Map<String, String> values) {
        return assertThrows(TypedSettings.SettingException.class, () -> TypedSettings.of(type, values, "venue x")).getMessage();
    }
}
