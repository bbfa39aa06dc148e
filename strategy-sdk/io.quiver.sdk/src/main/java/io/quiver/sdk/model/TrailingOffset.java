package io.quiver.sdk.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How far a trailing stop trails the best price seen: a fixed {@code amount}, or a {@code percent} of that
 * price. Exactly one of the two is set.
 */
public record TrailingOffset(Price amount, BigDecimal percent) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public TrailingOffset {
        if ((amount == null) == (percent == null)) {
            throw new IllegalArgumentException("a trailing offset is either an amount or a percent");
        }
        if (amount != null && amount.signum() <= 0) {
            throw new IllegalArgumentException("trailing amount must be positive, was " + amount);
        }
        if (percent != null && (percent.signum() <= 0 || percent.compareTo(HUNDRED) >= 0)) {
            throw new IllegalArgumentException("trailing percent must be above 0 and below 100, was " + percent);
        }
    }

    public static TrailingOffset amount(Price amount) {
        return new TrailingOffset(Objects.requireNonNull(amount, "amount"), null);
    }

    public static TrailingOffset percent(String percent) {
        return new TrailingOffset(null, new BigDecimal(percent));
    }

    /**
     * The stop price for a best price {@code reference}: below it for sells, above it for buys, rounded to
     * the tick away from the market (down for sells, up for buys), so the stop is never tighter than asked.
     */
    public Price stopFor(Side side, Price reference, Price tick) {
        BigDecimal distance = amount != null ? amount.toBigDecimal()
                : reference.toBigDecimal().multiply(percent).divide(HUNDRED);
        BigDecimal raw = side == Side.SELL ? reference.toBigDecimal().subtract(distance) : reference.toBigDecimal().add(distance);
        BigDecimal t = tick.toBigDecimal();
        RoundingMode mode = side == Side.SELL ? RoundingMode.FLOOR : RoundingMode.CEILING;
        BigDecimal ticks = raw.divide(t, 0, mode);
        return Price.of(ticks.multiply(t).setScale(Math.max(0, t.scale()), RoundingMode.UNNECESSARY));
    }

    @Override
    public String toString() {
        return amount != null ? amount.toString() : percent.toPlainString() + "%";
    }

    /** Parses {@link #toString()}: {@code 0.50} or {@code 1.5%}. */
    public static TrailingOffset parse(String text) {
        String t = text.trim();
        return t.endsWith("%") ? percent(t.substring(0, t.length() - 1)) : amount(Price.of(t));
    }
}
