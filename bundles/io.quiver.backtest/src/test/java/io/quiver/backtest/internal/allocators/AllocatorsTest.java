package io.quiver.backtest.internal.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.backtest.Allocator;
import io.quiver.backtest.Allocators;
import io.quiver.sdk.model.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each built-in allocator against weights worked out by hand (to 8 decimals, rounded down). */
class AllocatorsTest {
    private static final Allocators ALL = new Allocators(List.of());

    private static Allocator.Sleeve sleeve(String id, String weight, double drawdown, double... returns) {
        return new Allocator.Sleeve(id, weight == null ? null : new BigDecimal(weight), Money.of(1000), returns, drawdown);
    }

    private static Map<String, String> weights(String type, Map<String, String> settings, Allocator.Sleeve... sleeves) {
        Map<String, String> w = new java.util.LinkedHashMap<>();
        ALL.create(type, settings).weights(List.of(sleeves)).forEach((k, v) -> w.put(k, v.toPlainString()));
        return w;
    }

    @Test
    void equalGivesEachAnNthRoundedDown() {
        assertEquals(Map.of("a", "0.33333333", "b", "0.33333333", "c", "0.33333333"),
                weights("equal", Map.of(), sleeve("a", null, 0), sleeve("b", null, 0), sleeve("c", null, 0)));
    }

    @Test
    void fixedTakesThePlansWeightsAndRefusesMoreThanOne() {
        assertEquals(Map.of("a", "0.6", "b", "0.25"), weights("fixed", Map.of(), sleeve("a", "0.6", 0), sleeve("b", "0.25", 0)));
        assertEquals("the instances' weights add up to 1.1, more than 1",
                assertThrows(IllegalArgumentException.class, () -> weights("fixed", Map.of(), sleeve("a", "0.6", 0), sleeve("b", "0.5", 0))).getMessage());
        assertEquals("instance.b.weight: is required by the fixed allocator",
                assertThrows(IllegalArgumentException.class, () -> weights("fixed", Map.of(), sleeve("a", "0.6", 0), sleeve("b", null, 0))).getMessage());
    }

    @Test
    void inverseVolatilityWeighsByOneOverTheStandardDeviation() {
        // a: returns +1 %, -1 %: sd = sqrt(2 * 0.01^2 / 1) = 0.0141421; b: twice that. 1/sd: 70.71 and 35.36, so 2/3 and 1/3
        assertEquals(Map.of("a", "0.66666666", "b", "0.33333333"),
                weights("inverse-volatility", Map.of(), sleeve("a", null, 0, 0.01, -0.01), sleeve("b", null, 0, 0.02, -0.02)));
        // c has not traded (sd 0): it gets the mean of the others' 1/sd, 53.03; shares 70.71, 35.36, 53.03 of 159.10
        assertEquals(Map.of("a", "0.44444444", "b", "0.22222222", "c", "0.33333333"), weights("inverse-volatility", Map.of(),
                sleeve("a", null, 0, 0.01, -0.01), sleeve("b", null, 0, 0.02, -0.02), sleeve("c", null, 0, 0, 0)));
        // nobody has a history yet: equal
        assertEquals(Map.of("a", "0.5", "b", "0.5").keySet(), weights("inverse-volatility", Map.of(), sleeve("a", null, 0), sleeve("b", null, 0)).keySet());
        assertEquals("0.50000000", weights("inverse-volatility", Map.of(), sleeve("a", null, 0), sleeve("b", null, 0)).get("a"));
    }

    @Test
    void kellyTakesAFractionOfMeanOverVarianceCappedAndScaledToOne() {
        // a: returns +10 %, -8 %: mean 0.01, sample variance 2 * 0.09^2 = 0.0162; Kelly 0.617283950..., half of it 0.30864197
        // b: mean below zero: 0. c: +3 %, +1 %: mean 0.02, variance 0.0002, Kelly 100: capped at 0.5
        assertEquals(Map.of("a", "0.30864197", "b", "0.00000000", "c", "0.50000000"), weights("kelly", Map.of("cap", "0.5"),
                sleeve("a", null, 0, 0.10, -0.08), sleeve("b", null, 0, -0.01, -0.03), sleeve("c", null, 0, 0.03, 0.01)));
        // with the cap at 1 and full Kelly, a 0.61728395 and c 1 add up to 1.61728395: each scaled by 1/1.617...
        assertEquals(Map.of("a", "0.38167938", "c", "0.61832061"), weights("kelly", Map.of("cap", "1", "fraction", "1"),
                sleeve("a", null, 0, 0.10, -0.08), sleeve("c", null, 0, 0.03, 0.01)));
        // the default cap, 0.25
        assertEquals("0.25000000", weights("kelly", Map.of(), sleeve("a", null, 0, 0.10, -0.08)).get("a"));
        assertEquals("allocator.fraction: must be above 0 and at most 1, was 2",
                assertThrows(IllegalArgumentException.class, () -> ALL.create("kelly", Map.of("fraction", "2"))).getMessage());
    }

    @Test
    void drawdownScalesTheBaseWeightDownToTheFloor() {
        // base 1/2 each; a 10 % below its peak with max 20 %: half its weight, 0.25; b at its peak: 0.5
        assertEquals(Map.of("a", "0.25000000", "b", "0.50000000"), weights("drawdown", Map.of(), sleeve("a", null, 0.10), sleeve("b", null, 0)));
        // with weights given they are the base; c 30 % below (past max): the floor 0.25 of its 0.4
        assertEquals(Map.of("a", "0.30000000", "c", "0.10000000"), weights("drawdown", Map.of("floor", "0.25"),
                sleeve("a", "0.3", 0), sleeve("c", "0.4", 0.30)));
    }

    @Test
    void anUnknownAllocatorListsTheInstalledOnes() {
        assertEquals("allocator: 'risk-parity' is not installed; installed: [drawdown, equal, fixed, inverse-volatility, kelly]",
                assertThrows(IllegalArgumentException.class, () -> ALL.create("risk-parity", Map.of())).getMessage());
    }
}
