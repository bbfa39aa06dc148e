package io.quiver.risk.internal;

import io.quiver.risk.RiskLimits;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskCheck;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;
import java.math.BigDecimal;

/**
 * {@code exposure.gross.max} and {@code exposure.net.max} of a strategy instance (which is its account).
 * Gross: the values of every position and every open order, plus this order. Net: long position values
 * less short ones, with this order as if filled. Positions are valued at their mark, orders at their
 * limit, stop or reference price.
 */
final class ExposureCheck implements RiskCheck {
    private final ScopedLimits limits;

    ExposureCheck(ScopedLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return "exposure";
    }

    @Override
    public RiskRefusal check(PreTradeOrder order, RiskContext books) {
        RiskLimits l = limits.of(order.strategyId());
        if (l.maxGrossExposure() == null && l.maxNetExposure() == null) {
            return null;
        }
        OrderRequest r = order.request();
        Price orderPrice = OrderValues.price(r, books);
        if (orderPrice == null) {
            return OrderValues.noReference("exposure", r);
        }
        BigDecimal[] now = exposure(order.strategyId(), books, r.instrument(), orderPrice);
        BigDecimal gross = now[0];
        BigDecimal net = now[1];
        BigDecimal orderValue = r.quantity().toBigDecimal().multiply(orderPrice.toBigDecimal());
        gross = gross.add(orderValue);
        net = r.side() == Side.BUY ? net.add(orderValue) : net.subtract(orderValue);
        if (l.maxGrossExposure() != null && gross.compareTo(l.maxGrossExposure().toBigDecimal()) > 0) {
            return new RiskRefusal(ReasonCode.MAX_GROSS_EXPOSURE, "gross exposure with this order would be " + gross.toPlainString()
                    + ", above the limit " + l.maxGrossExposure());
        }
        if (l.maxNetExposure() != null && net.abs().compareTo(l.maxNetExposure().toBigDecimal()) > 0) {
            return new RiskRefusal(ReasonCode.MAX_NET_EXPOSURE, "net exposure with this order would be " + net.toPlainString()
                    + ", beyond the limit " + l.maxNetExposure());
        }
        return null;
    }

    /**
     * {gross, net} of an instance's positions and open orders now; an instrument with no price yet is
     * valued at {@code fallbackPrice} if it is {@code fallback}, otherwise at zero.
     */
    static BigDecimal[] exposure(String s, RiskContext books, InstrumentId fallback, Price fallbackPrice) {
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        for (InstrumentId i : books.instruments(s)) {
            Price mark = books.mark(s, i);
            Price p = mark != null ? mark : books.referencePrice(i);
            if (p == null) {
                p = i.equals(fallback) ? fallbackPrice : Price.ZERO;
            }
            Qty position = books.position(s, i);
            BigDecimal value = position.toBigDecimal().multiply(p.toBigDecimal());
            Qty open = books.openQuantity(s, i, Side.BUY).plus(books.openQuantity(s, i, Side.SELL));
            gross = gross.add(value.abs()).add(open.toBigDecimal().multiply(p.toBigDecimal()));
            net = net.add(value);
        }
        return new BigDecimal[] {gross, net};
    }
}
