package io.quiver.venue.sim;

import io.quiver.sdk.costs.CommissionModel;
import io.quiver.sdk.costs.Commissions;
import io.quiver.sdk.costs.SlippageModel;
import io.quiver.sdk.costs.Slippages;
import io.quiver.sdk.model.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What fills cost on the bar venue and how much of a bar they may take.
 *
 * @param orderMinimum   the least commission an order pays over all its fills (zero: none)
 * @param maxVolumeShare the largest share of a bar's volume the orders on it may fill together, in (0, 1];
 *                       null: no limit (every order fills whole)
 */
public record FillCosts(CommissionModel commission, Money orderMinimum, SlippageModel slippage, BigDecimal maxVolumeShare) {
    public static final FillCosts NONE = new FillCosts(Commissions.none(), Money.ZERO, Slippages.none(), null);

    public FillCosts {
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(orderMinimum, "orderMinimum");
        Objects.requireNonNull(slippage, "slippage");
        if (orderMinimum.toBigDecimal().signum() < 0) {
            throw new IllegalArgumentException("the minimum commission per order must not be negative, was " + orderMinimum);
        }
        if (maxVolumeShare != null && (maxVolumeShare.signum() <= 0 || maxVolumeShare.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("the share of a bar's volume must be above 0 and at most 1, was " + maxVolumeShare.toPlainString());
        }
    }

    /** A commission of {@code bps} basis points of the notional, nothing else. */
    public static FillCosts feeBps(BigDecimal bps) {
        return new FillCosts(bps.signum() == 0 ? Commissions.none() : Commissions.percentOfNotional(bps), Money.ZERO, Slippages.none(), null);
    }

    /** The models in words, for results: what a reader needs to know to trust the figures. */
    public String describe() {
        return "commission: " + commission.describe() + (orderMinimum.toBigDecimal().signum() > 0 ? ", at least " + orderMinimum + " per order" : "")
                + "; slippage: " + slippage.describe() + "; fills: "
                + (maxVolumeShare == null ? "whole" : "up to " + maxVolumeShare.movePointRight(2).stripTrailingZeros().toPlainString()
                + " % of a bar's volume");
    }
}
