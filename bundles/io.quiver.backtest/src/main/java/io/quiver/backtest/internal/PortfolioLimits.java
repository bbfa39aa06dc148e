package io.quiver.backtest.internal;

import io.quiver.oms.MarginRules;
import io.quiver.oms.PreTradeGate;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The limits of a portfolio's instances together ({@code risk.portfolio.*}), judged before the risk chain
 * that judges each instance alone:
 * <ul>
 * <li>{@code position.max}: the instances' positions in an instrument added up, with their open orders on
 * the order's side and the order as if filled, stay within it;</li>
 * <li>{@code exposure.gross.max}: the values of every position and open order of every instance, and the
 * order's, stay within it;</li>
 * <li>{@code drawdown.max.percent}: once the portfolio's equity at a day's close is more than this below its
 * highest close, only orders that reduce a position pass, for the rest of the run.</li>
 * </ul>
 */
final class PortfolioLimits implements PreTradeGate {
    private final PreTradeGate chain;
    private final List<String> instances;
    private final Qty maxPosition;
    private final Money maxGross;
    private final BigDecimal maxDrawdownPercent;
    private Money peak;
    private String tripped;

    PortfolioLimits(PreTradeGate chain, List<String> instances, Map<String, String> limits) {
        this.chain = chain;
        this.instances = List.copyOf(instances);
        this.maxPosition = positive(limits, "position.max") == null ? null : Qty.of(positive(limits, "position.max"));
        this.maxGross = positive(limits, "exposure.gross.max") == null ? null : Money.of(positive(limits, "exposure.gross.max"));
        this.maxDrawdownPercent = positive(limits, "drawdown.max.percent");
        if (maxDrawdownPercent != null && maxDrawdownPercent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException("risk.portfolio.drawdown.max.percent: must be below 100, was " + maxDrawdownPercent.toPlainString());
        }
    }

    private static BigDecimal positive(Map<String, String> limits, String key) {
        String text = limits.get(key);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(text.trim());
            if (v.signum() > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("risk.portfolio." + key + ": '" + text + "' is not a positive number");
    }

    /** The portfolio's equity at a day's close: a new peak, or a drawdown that may trip the breaker. */
    void onDayClose(java.time.LocalDate day, Money equity) {
        if (peak == null || equity.compareTo(peak) > 0) {
            peak = equity;
        }
        if (tripped == null && maxDrawdownPercent != null && peak.signum() > 0) {
            BigDecimal below = peak.toBigDecimal().subtract(equity.toBigDecimal()).multiply(BigDecimal.valueOf(100))
                    .divide(peak.toBigDecimal(), 4, java.math.RoundingMode.HALF_EVEN);
            if (below.compareTo(maxDrawdownPercent) > 0) {
                tripped = "the portfolio closed " + day + " " + below.toPlainString() + " % below its peak " + peak
                        + ", beyond risk.portfolio.drawdown.max.percent " + maxDrawdownPercent.toPlainString() + "; only orders that reduce a position pass";
            }
        }
    }

    /** Why the breaker tripped, or null. */
    String tripped() {
        return tripped;
    }

    @Override
    public RiskRefusal check(PreTradeOrder order, RiskContext books) {
        OrderRequest r = order.request();
        InstrumentId instrument = r.instrument();
        Qty own = books.position(order.strategyId(), instrument);
        boolean reducing = own.signum() != 0 && (own.signum() > 0) == (r.side() == Side.SELL) && r.quantity().compareTo(own.abs()) <= 0;
        if (tripped != null && !reducing) {
            return new RiskRefusal(ReasonCode.BREAKER_HALTED, tripped);
        }
        if (maxPosition != null && !reducing) {
            Qty total = Qty.ZERO;
            for (String s : instances) {
                total = total.plus(books.position(s, instrument));
                Qty open = books.openQuantity(s, instrument, r.side());
                total = r.side() == Side.BUY ? total.plus(open) : total.minus(open);
            }
            total = r.side() == Side.BUY ? total.plus(r.quantity()) : total.minus(r.quantity());
            if (total.abs().compareTo(maxPosition) > 0) {
                return new RiskRefusal(ReasonCode.MAX_POSITION, "the instances' position in " + instrument.symbol() + " with their open orders and this one would be "
                        + total + ", beyond risk.portfolio.position.max " + maxPosition);
            }
        }
        if (maxGross != null && !reducing) {
            Price orderPrice = r.limitPrice() != null ? r.limitPrice() : r.stopPrice() != null ? r.stopPrice() : books.referencePrice(instrument);
            if (orderPrice == null) {
                return new RiskRefusal(ReasonCode.NO_REFERENCE_PRICE, "no reference price for " + instrument.symbol()
                        + " yet, so risk.portfolio.exposure.gross.max cannot be checked; the order is refused");
            }
            BigDecimal gross = r.quantity().toBigDecimal().multiply(orderPrice.toBigDecimal());
            for (String s : instances) {
                for (InstrumentId i : books.instruments(s)) {
                    Price mark = books.mark(s, i);
                    Price p = mark != null ? mark : books.referencePrice(i);
                    if (p == null) {
                        p = i.equals(instrument) ? orderPrice : Price.ZERO;
                    }
                    Qty open = books.openQuantity(s, i, Side.BUY).plus(books.openQuantity(s, i, Side.SELL));
                    gross = gross.add(books.position(s, i).abs().plus(open).toBigDecimal().multiply(p.toBigDecimal()));
                }
            }
            if (gross.compareTo(maxGross.toBigDecimal()) > 0) {
                return new RiskRefusal(ReasonCode.MAX_GROSS_EXPOSURE, "the instances' gross exposure with this order would be " + gross.toPlainString()
                        + ", above risk.portfolio.exposure.gross.max " + maxGross);
            }
        }
        return chain.check(order, books);
    }

    @Override
    public MarginRules margin(String strategyId) {
        return chain.margin(strategyId);
    }

    @Override
    public void venueAnswered(String strategyId, boolean rejected, java.time.Instant time) {
        chain.venueAnswered(strategyId, rejected, time);
    }
}
