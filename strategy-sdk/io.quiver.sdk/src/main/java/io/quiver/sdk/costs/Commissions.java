package io.quiver.sdk.costs;

import io.quiver.sdk.model.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The built-in commission models. Every amount is exact: products of the fill's decimals, no rounding. */
public final class Commissions {
    // divide, not movePointLeft: an exact quotient keeps the decimals the amounts carry (0 bps of 12.345600 is 0.000000)
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Commissions() {
    }

    public static CommissionModel none() {
        return model(f -> Money.ZERO, "none");
    }

    /** {@code bps} basis points of the notional. */
    public static CommissionModel percentOfNotional(BigDecimal bps) {
        requireAtLeastZero(bps, "basis points");
        return model(f -> Money.of(f.notional().multiply(bps).divide(TEN_THOUSAND)), bps.toPlainString() + " bps of notional");
    }

    /** {@code rate} per unit of quantity, at most {@code maxPercent} percent of the notional (null: no cap). */
    public static CommissionModel perShare(BigDecimal rate, BigDecimal maxPercent) {
        requireAtLeastZero(rate, "rate per share");
        if (maxPercent != null) {
            requireAtLeastZero(maxPercent, "maximum percent");
        }
        return model(f -> Money.of(capped(f.quantity().toBigDecimal().multiply(rate), f, maxPercent)),
                "per share " + rate.toPlainString() + (maxPercent == null ? "" : ", max " + maxPercent.toPlainString() + " % of notional"));
    }

    /**
     * A rate per unit that falls with the account's volume this calendar month: {@code rates} maps the
     * monthly volume from which a rate applies to the rate (it must start at 0); the volume before the
     * fill chooses the tier, as brokers bill it.
     */
    public static CommissionModel tieredPerShare(Map<BigDecimal, BigDecimal> rates, BigDecimal maxPercent) {
        NavigableMap<BigDecimal, BigDecimal> tiers = new TreeMap<>(rates);
        if (tiers.isEmpty() || tiers.firstKey().signum() != 0) {
            throw new IllegalArgumentException("the first tier must start at a monthly volume of 0");
        }
        tiers.values().forEach(r -> requireAtLeastZero(r, "rate per share"));
        String text = tiers.entrySet().stream().map(e -> "from " + e.getKey().toPlainString() + ": " + e.getValue().toPlainString())
                .collect(Collectors.joining(", "));
        return model(f -> Money.of(capped(f.quantity().toBigDecimal().multiply(tiers.floorEntry(f.monthVolume()).getValue()), f, maxPercent)),
                "tiered per share by monthly volume (" + text + ")" + (maxPercent == null ? "" : ", max " + maxPercent.toPlainString() + " % of notional"));
    }

    /** {@code makerBps} of the notional when the fill added liquidity (negative: a rebate), {@code takerBps} when it took it. */
    public static CommissionModel makerTaker(BigDecimal makerBps, BigDecimal takerBps) {
        requireAtLeastZero(takerBps, "taker basis points");
        if (makerBps.negate().compareTo(takerBps) > 0) {
            throw new IllegalArgumentException("a maker rebate larger than the taker fee pays for trading with oneself, was "
                    + makerBps.toPlainString() + " and " + takerBps.toPlainString() + " bps");
        }
        return model(f -> Money.of(f.notional().multiply(f.maker() ? makerBps : takerBps).divide(TEN_THOUSAND)),
                "maker " + makerBps.toPlainString() + " bps, taker " + takerBps.toPlainString() + " bps of notional");
    }

    private static BigDecimal capped(BigDecimal fee, FillCost f, BigDecimal maxPercent) {
        return maxPercent == null ? fee : fee.min(f.notional().multiply(maxPercent).divide(HUNDRED));
    }

    private static void requireAtLeastZero(BigDecimal v, String what) {
        if (Objects.requireNonNull(v, what).signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative, was " + v.toPlainString());
        }
    }

    private static CommissionModel model(java.util.function.Function<FillCost, Money> f, String description) {
        return new CommissionModel() {
            @Override
            public Money commission(FillCost fill) {
                return f.apply(fill);
            }

            @Override
            public String describe() {
                return description;
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }
}
