package io.quiver.sdk.model;

import java.math.BigDecimal;

/**
 * An exact price: {@code units / 10^scale} held in a long. Immutable. Two prices are equal when they
 * are numerically equal, whatever their scales ({@code 1.5} equals {@code 1.50}).
 */
public final class Price implements Comparable<Price> {
    public static final Price ZERO = new Price(0, 0);

    private final long units;
    private final int scale;

    private Price(long units, int scale) {
        this.units = units;
        this.scale = scale;
    }

    /** A price of {@code units / 10^scale}. */
    public static Price ofUnits(long units, int scale) {
        Scaled.checkScale(scale);
        return new Price(units, scale);
    }

    /** Parses a plain decimal such as {@code "101.25"}; keeps exactly the decimals written. */
    public static Price of(String text) {
        return of(new BigDecimal(text));
    }

    public static Price of(BigDecimal value) {
        int scale = Math.max(0, value.scale());
        return new Price(Scaled.unitsOf(value, scale), scale);
    }

    public static Price of(long whole) {
        return new Price(whole, 0);
    }

    public long units() {
        return units;
    }

    public int scale() {
        return scale;
    }

    /** The units of this price at a larger or equal scale; exact, throws if it would lose decimals. */
    public long unitsAt(int targetScale) {
        if (targetScale < scale) {
            return Scaled.unitsOf(toBigDecimal(), targetScale);
        }
        return Scaled.upscale(units, scale, targetScale);
    }

    public Price withScale(int targetScale) {
        return targetScale == scale ? this : new Price(unitsAt(targetScale), targetScale);
    }

    public Price plus(Price other) {
        int s = Math.max(scale, other.scale);
        return new Price(Math.addExact(unitsAt(s), other.unitsAt(s)), s);
    }

    public Price minus(Price other) {
        int s = Math.max(scale, other.scale);
        return new Price(Math.subtractExact(unitsAt(s), other.unitsAt(s)), s);
    }

    /** The notional value of {@code quantity} at this price. */
    public Money times(Qty quantity) {
        return Money.of(toBigDecimal().multiply(quantity.toBigDecimal()));
    }

    /** True when this price is a whole multiple of {@code tick}. */
    public boolean isMultipleOf(Price tick) {
        int s = Math.max(scale, tick.scale);
        long t = tick.unitsAt(s);
        return t != 0 && unitsAt(s) % t == 0;
    }

    public int signum() {
        return Long.signum(units);
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(units, scale);
    }

    /** For statistics and charts only, never for money. */
    public double toDouble() {
        return (double) units / Scaled.pow10(scale);
    }

    @Override
    public int compareTo(Price other) {
        return Scaled.compare(units, scale, other.units, other.scale);
    }

    public boolean isGreaterThan(Price other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Price other) {
        return compareTo(other) < 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Price p && compareTo(p) == 0;
    }

    @Override
    public int hashCode() {
        return Scaled.hash(units, scale);
    }

    @Override
    public String toString() {
        return Scaled.toPlainString(units, scale);
    }
}
