package io.quiver.risk.internal;

import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;

/** How the checks value an order, and the refusal they share when it cannot be valued. */
final class OrderValues {
    private OrderValues() {
    }

    /** The price an order is valued at: its limit, else its stop, else the reference price; null if none. */
    static Price price(OrderRequest r, RiskContext books) {
        if (r.limitPrice() != null) {
            return r.limitPrice();
        }
        return r.stopPrice() != null ? r.stopPrice() : books.referencePrice(r.instrument());
    }

    static Money value(Qty quantity, Price price) {
        return Money.of(quantity.toBigDecimal().multiply(price.toBigDecimal()));
    }

    static RiskRefusal noReference(String check, OrderRequest r) {
        return new RiskRefusal(ReasonCode.NO_REFERENCE_PRICE, "no reference price for " + r.instrument().symbol()
                + " yet (no trade, quote or bar), so " + check + " cannot be checked; the order is refused");
    }
}
