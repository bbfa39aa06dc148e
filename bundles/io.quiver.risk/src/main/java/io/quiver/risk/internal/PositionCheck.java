package io.quiver.risk.internal;

import io.quiver.risk.RiskLimits;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskCheck;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;

/**
 * {@code position.max}: the position an instrument could reach, long or short, if this order and every
 * open order on the same side filled. An order that only reduces the position always passes.
 */
final class PositionCheck implements RiskCheck {
    private final ScopedLimits limits;

    PositionCheck(ScopedLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return "max-position";
    }

    @Override
    public RiskRefusal check(PreTradeOrder order, RiskContext books) {
        RiskLimits l = limits.of(order.strategyId());
        if (l.maxPosition() == null) {
            return null;
        }
        OrderRequest r = order.request();
        Qty position = books.position(order.strategyId(), r.instrument());
        Qty resting = books.openQuantity(order.strategyId(), r.instrument(), r.side());
        boolean buy = r.side() == Side.BUY;
        Qty worst = buy ? position.plus(resting).plus(r.quantity()) : position.minus(resting).minus(r.quantity()).negate();
        if (worst.compareTo(l.maxPosition()) <= 0) {
            return null;
        }
        String held = buy ? position.toString() : position.negate().toString();
        String open = resting.isZero() ? "" : " + open " + (buy ? "buys " : "sells ") + resting;
        return new RiskRefusal(ReasonCode.MAX_POSITION, (buy ? "position " : "short position ") + held + open + " + order " + r.quantity()
                + " would exceed the limit " + l.maxPosition() + " for " + r.instrument().symbol());
    }
}
