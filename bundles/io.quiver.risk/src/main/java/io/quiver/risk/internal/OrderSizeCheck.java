package io.quiver.risk.internal;

import io.quiver.risk.RiskLimits;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskCheck;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;

/** {@code order.quantity.max} and {@code order.notional.max}: how big one order may be. */
final class OrderSizeCheck implements RiskCheck {
    private final ScopedLimits limits;

    OrderSizeCheck(ScopedLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return "order-size";
    }

    @Override
    public RiskRefusal check(PreTradeOrder order, RiskContext books) {
        RiskLimits l = limits.of(order.strategyId());
        OrderRequest r = order.request();
        if (l.maxOrderQuantity() != null && r.quantity().compareTo(l.maxOrderQuantity()) > 0) {
            return new RiskRefusal(ReasonCode.MAX_ORDER_QUANTITY, "order quantity " + r.quantity() + " exceeds the limit " + l.maxOrderQuantity()
                    + " for " + r.instrument().symbol());
        }
        if (l.maxOrderNotional() != null) {
            Price price = OrderValues.price(r, books);
            if (price == null) {
                return OrderValues.noReference("order.notional.max", r);
            }
            Money value = OrderValues.value(r.quantity(), price);
            if (value.compareTo(l.maxOrderNotional()) > 0) {
                return new RiskRefusal(ReasonCode.MAX_ORDER_NOTIONAL, "order value " + r.quantity() + " x " + price + " = " + value
                        + " exceeds the limit " + l.maxOrderNotional() + " for " + r.instrument().symbol());
            }
        }
        return null;
    }
}
