package io.quiver.sdk.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every built-in model on figures worked out by hand, exactly. */
class CostModelsTest {
    private static final InstrumentId X = InstrumentId.of("X");
    private static final Price CENT = Price.of("0.01");

    private static FillCost fill(long qty, String price, boolean maker, long monthVolume) {
        return new FillCost(X, Side.BUY, Qty.of(qty), Price.of(price), maker, BigDecimal.valueOf(monthVolume));
    }

    private static void same(String expected, Money actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual.toBigDecimal()), expected + " vs " + actual);
    }

    @Test
    void commissions() {
        same("0.1851", Commissions.percentOfNotional(new BigDecimal("1.5")).commission(fill(100, "12.34", false, 0))); // 1234 * 1.5 / 10^4
        CommissionModel perShare = Commissions.perShare(new BigDecimal("0.005"), BigDecimal.ONE);
        same("0.5", perShare.commission(fill(100, "10", false, 0)));
        same("0.001", perShare.commission(fill(1, "0.10", false, 0))); // 0.005 capped at 1 % of 0.10
        CommissionModel tiered = Commissions.tieredPerShare(Map.of(BigDecimal.ZERO, new BigDecimal("0.0035"),
                new BigDecimal("300000"), new BigDecimal("0.002")), null);
        same("0.35", tiered.commission(fill(100, "10", false, 299_999))); // the volume before the fill picks the tier
        same("0.2", tiered.commission(fill(100, "10", false, 300_000)));
        CommissionModel makerTaker = Commissions.makerTaker(new BigDecimal("-0.2"), new BigDecimal("0.3"));
        same("-0.2", makerTaker.commission(fill(100, "100", true, 0))); // a rebate on 10,000
        same("0.3", makerTaker.commission(fill(100, "100", false, 0)));
        assertEquals("a maker rebate larger than the taker fee pays for trading with oneself, was -0.5 and 0.3 bps",
                assertThrows(IllegalArgumentException.class, () -> Commissions.makerTaker(new BigDecimal("-0.5"), new BigDecimal("0.3")))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> Commissions.tieredPerShare(Map.of(BigDecimal.TEN, BigDecimal.ONE), null));
        assertEquals("per share 0.005, max 1 % of notional", perShare.describe());
        // no commission adds no decimals: equity keeps those of the prices (a summary shows 102646.065200, not ...0652000000)
        assertEquals("0.000000", Commissions.percentOfNotional(BigDecimal.ZERO).commission(fill(100, "12.345600", false, 0)).toString());
    }

    @Test
    void slippageMovesAgainstTheOrderOntoTheTick() {
        SlippageModel tenBps = Slippages.fixedBps(BigDecimal.TEN);
        assertEquals(Price.of("100.10"), tenBps.apply(Side.BUY, Price.of("100.00"), Qty.of(1), Qty.of(0), null, CENT));
        assertEquals(Price.of("99.90"), tenBps.apply(Side.SELL, Price.of("100.00"), Qty.of(1), Qty.of(0), null, CENT));
        // 10.01 * 1.001 = 10.02001: a buy rounds up to 10.03; 10.01 * 0.999 = 9.99999: a sell rounds down to 9.99
        assertEquals(Price.of("10.03"), tenBps.apply(Side.BUY, Price.of("10.01"), Qty.of(1), Qty.of(0), null, CENT));
        assertEquals(Price.of("9.99"), tenBps.apply(Side.SELL, Price.of("10.01"), Qty.of(1), Qty.of(0), null, CENT));

        SlippageModel half = Slippages.halfSpread(BigDecimal.TEN);
        assertEquals(Price.of("100.02"), half.apply(Side.BUY, Price.of("100.00"), Qty.of(1), Qty.of(0), Price.of("0.04"), CENT));
        assertEquals(Price.of("99.95"), half.apply(Side.SELL, Price.of("100.00"), Qty.of(1), Qty.of(0), null, CENT)); // half of 10 bps

        SlippageModel impact = Slippages.volumeShare(new BigDecimal("0.1"));
        // a tenth of the volume: 0.1 * 0.1^2 = 0.001 of 50
        assertEquals(Price.of("50.05"), impact.apply(Side.BUY, Price.of("50.00"), Qty.of(1000), Qty.of(10_000), null, CENT));
        // no volume known: a share of 1, 10 % of the price
        assertEquals(Price.of("45.00"), impact.apply(Side.SELL, Price.of("50.00"), Qty.of(1000), Qty.of(0), null, CENT));
        assertEquals(Price.of("50.00"), Slippages.none().apply(Side.BUY, Price.of("50.00"), Qty.of(1), Qty.of(1), null, CENT));
    }
}
