package io.quiver.risk.internal;

import io.quiver.risk.RiskLimits;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskCheck;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;
import java.math.BigDecimal;

/**
 * {@code collar.percent} / {@code collar.ticks}: a limit price (of a limit or stop-limit order) may be no
 * further than this from the reference price. With no reference price the order is refused, never passed.
 */
final class PriceCollarCheck implements RiskCheck {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final ScopedLimits limits;

    PriceCollarCheck(ScopedLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return "price-collar";
    }

    @Override
    public RiskRefusal check(PreTradeOrder order, RiskContext books) {
        RiskLimits l = limits.of(order.strategyId());
        OrderRequest r = order.request();
        if (l.collarPercent() == null && l.collarTicks() == null || r.limitPrice() == null) {
            return null;
        }
        Price reference = books.referencePrice(r.instrument());
        if (reference == null) {
            return OrderValues.noReference("the price collar", r);
        }
        BigDecimal distance = r.limitPrice().toBigDecimal().subtract(reference.toBigDecimal()).abs();
        if (l.collarPercent() != null && distance.multiply(HUNDRED).compareTo(reference.toBigDecimal().multiply(l.collarPercent())) > 0) {
            BigDecimal allowed = reference.toBigDecimal().multiply(l.collarPercent()).divide(HUNDRED);
            return new RiskRefusal(ReasonCode.PRICE_COLLAR, "limit " + r.limitPrice() + " is " + distance.toPlainString() + " from the reference "
                    + reference + ", more than " + l.collarPercent().toPlainString() + " % (" + allowed.stripTrailingZeros().toPlainString()
                    + ") for " + r.instrument().symbol());
        }
        Instrument instrument = books.instrument(r.instrument());
        if (l.collarTicks() != null && instrument != null) {
            BigDecimal allowed = instrument.tickSize().toBigDecimal().multiply(BigDecimal.valueOf(l.collarTicks()));
            if (distance.compareTo(allowed) > 0) {
                return new RiskRefusal(ReasonCode.PRICE_COLLAR, "limit " + r.limitPrice() + " is " + distance.toPlainString() + " from the reference "
                        + reference + ", more than " + l.collarTicks() + " ticks of " + instrument.tickSize() + " for " + r.instrument().symbol());
            }
        }
        return null;
    }
}
