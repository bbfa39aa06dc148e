package io.quiver.risk.internal;

import io.quiver.risk.RiskLimits;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskCheck;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;

/**
 * {@code buying.power} and {@code short.allowed}: an order must be covered by the free cash (cash less what
 * open orders hold), and a sell beyond the position less the open sells is a short sale, refused unless
 * the scope allows it (then it needs {@code short.margin.rate} of its value). The cash an accepted order
 * needs is held by the order manager until it fills, is cancelled or is rejected.
 */
final class BuyingPowerCheck implements RiskCheck {
    private final ScopedLimits limits;

    BuyingPowerCheck(ScopedLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return "buying-power";
    }

    @Override
    public RiskRefusal check(PreTradeOrder order, RiskContext books) {
        RiskLimits l = limits.of(order.strategyId());
        OrderRequest r = order.request();
        String s = order.strategyId();
        if (r.side() == Side.SELL && !Boolean.TRUE.equals(l.shortAllowed())) {
            Qty position = books.position(s, r.instrument());
            Qty offered = books.openQuantity(s, r.instrument(), Side.SELL);
            if (position.minus(offered).compareTo(r.quantity()) < 0) {
                return new RiskRefusal(ReasonCode.SHORT_NOT_ALLOWED, "selling " + r.quantity() + " " + r.instrument().symbol() + " with a position of "
                        + position + (offered.isZero() ? "" : " (" + offered + " already offered)")
                        + " would go short, and short sales are not allowed (short.allowed)");
            }
        }
        if (!Boolean.TRUE.equals(l.buyingPower())) {
            return null;
        }
        Money required = books.cashRequired(order);
        if (required == null) {
            return OrderValues.noReference("buying power", r);
        }
        Money free = books.freeCash(s);
        if (required.signum() > 0 && required.compareTo(free) > 0) {
            return new RiskRefusal(ReasonCode.INSUFFICIENT_FUNDS, "the order needs " + required + " and the free cash is " + free
                    + " for " + r.instrument().symbol());
        }
        return null;
    }
}
