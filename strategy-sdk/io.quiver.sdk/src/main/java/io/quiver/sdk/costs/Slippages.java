package io.quiver.sdk.costs;

import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The built-in slippage models; each result is rounded to the tick against the order. */
public final class Slippages {
    private Slippages() {
    }

    public static SlippageModel none() {
        return model((side, price, q, v, spread, tick) -> price, "none");
    }

    /** {@code bps} basis points of the price against the order. */
    public static SlippageModel fixedBps(BigDecimal bps) {
        atLeastZero(bps, "basis points");
        return model((side, price, q, v, spread, tick) -> against(side, price, price.toBigDecimal().multiply(bps).movePointLeft(4), tick),
                bps.toPlainString() + " bps");
    }

    /**
     * Half the quoted spread against the order; where no quote was seen, half of {@code assumedSpreadBps}
     * basis points of the price.
     */
    public static SlippageModel halfSpread(BigDecimal assumedSpreadBps) {
        atLeastZero(assumedSpreadBps, "assumed spread");
        return model((side, price, q, v, spread, tick) -> {
            BigDecimal full = spread != null ? spread.toBigDecimal() : price.toBigDecimal().multiply(assumedSpreadBps).movePointLeft(4);
            return against(side, price, full.divide(BigDecimal.valueOf(2)), tick);
        }, "half the quoted spread (" + assumedSpreadBps.toPlainString() + " bps where no quote was seen)");
    }

    /**
     * Price impact growing with the square of the order's share of the bar's volume: the price moves
     * {@code impact} times (quantity / bar volume)² of itself against the order (zipline's volume-share
     * model; 0.1 is its usual impact). A bar without volume counts as a share of 1.
     */
    public static SlippageModel volumeShare(BigDecimal impact) {
        atLeastZero(impact, "impact");
        return model((side, price, q, volume, spread, tick) -> {
            BigDecimal share = volume.signum() <= 0 ? BigDecimal.ONE
                    : q.toBigDecimal().divide(volume.toBigDecimal(), MathContext.DECIMAL64).min(BigDecimal.ONE);
            return against(side, price, price.toBigDecimal().multiply(impact).multiply(share).multiply(share), tick);
        }, "volume share, impact " + impact.toPlainString() + " x share squared");
    }

    /** {@code price} moved by {@code amount} against the order, on the tick grid (a buy rounds up, a sell down). */
    static Price against(Side side, Price price, BigDecimal amount, Price tick) {
        BigDecimal moved = side == Side.BUY ? price.toBigDecimal().add(amount) : price.toBigDecimal().subtract(amount);
        BigDecimal t = tick.toBigDecimal();
        BigDecimal ticks = moved.divide(t, 0, side == Side.BUY ? RoundingMode.CEILING : RoundingMode.FLOOR);
        BigDecimal onGrid = ticks.multiply(t).max(t); // a sell never slips to zero or below
        return Price.of(onGrid.setScale(Math.max(price.scale(), t.scale()), RoundingMode.UNNECESSARY));
    }

    private static void atLeastZero(BigDecimal v, String what) {
        if (v.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative, was " + v.toPlainString());
        }
    }

    @FunctionalInterface
    private interface Rule {
        Price apply(Side side, Price price, Qty quantity, Qty barVolume, Price spread, Price tick);
    }

    private static SlippageModel model(Rule rule, String description) {
        return new SlippageModel() {
            @Override
            public Price apply(Side side, Price price, Qty quantity, Qty barVolume, Price spread, Price tick) {
                return rule.apply(side, price, quantity, barVolume, spread, tick);
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
