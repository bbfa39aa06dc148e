package io.quiver.sdk.costs;

import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import java.math.BigDecimal;

/**
 * One fill as a commission model sees it.
 *
 * @param maker        the order rested and was filled at its limit (it added liquidity); else it took it
 * @param monthVolume  the account's traded quantity this calendar month before this fill (for tiers)
 */
public record FillCost(InstrumentId instrument, Side side, Qty quantity, Price price, boolean maker, BigDecimal monthVolume) {
    /** Price times quantity, exact. */
    public BigDecimal notional() {
        return price.toBigDecimal().multiply(quantity.toBigDecimal());
    }
}
