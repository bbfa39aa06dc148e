package io.quiver.risk.internal;

import io.quiver.risk.RiskLimits;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskCheck;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;

/** {@code orders.open.max}: how many orders of an instance may be open at once. */
final class OpenOrdersCheck implements RiskCheck {
    private final ScopedLimits limits;

    OpenOrdersCheck(ScopedLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return "open-orders";
    }

    @Override
    public RiskRefusal check(PreTradeOrder order, RiskContext books) {
        RiskLimits l = limits.of(order.strategyId());
        if (l.maxOpenOrders() == null) {
            return null;
        }
        int open = books.openOrders(order.strategyId());
        return open + 1 > l.maxOpenOrders() ? new RiskRefusal(ReasonCode.MAX_OPEN_ORDERS, open + " orders are open; one more would exceed the limit "
                + l.maxOpenOrders()) : null;
    }
}
