package io.quiver.sdk.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact amount of money in the account currency (cash, fees, P&L, equity). Arbitrary precision,
 * never rounded by arithmetic; equal when numerically equal ({@code 1.5} equals {@code 1.50}).
 */
public final class Money implements Comparable<Money> {
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        this.amount = amount;
    }

    public static Money of(BigDecimal amount) {
        return new Money(amount);
    }

    public static Money of(String text) {
        return new Money(new BigDecimal(text));
    }

    public static Money of(long whole) {
        return new Money(BigDecimal.valueOf(whole));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public BigDecimal toBigDecimal() {
        return amount;
    }

    /** This amount rounded half-even to {@code scale} decimals, for display and reports. */
    public Money rounded(int scale) {
        return new Money(amount.setScale(scale, RoundingMode.HALF_EVEN));
    }

    /** The ratio {@code this / divisor} as a double, for statistics (returns, drawdowns) only. */
    public double ratioTo(Money divisor) {
        return amount.divide(divisor.amount, java.math.MathContext.DECIMAL64).doubleValue();
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && amount.compareTo(m.amount) == 0;
    }

    @Override
    public int hashCode() {
        return amount.signum() == 0 ? 0 : amount.stripTrailingZeros().hashCode();
    }

    /** Plain notation, with the decimals the amount carries. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
