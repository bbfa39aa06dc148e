package io.quiver.sdk.model;

import java.math.BigDecimal;

/**
 * An exact quantity (shares, contracts, coins): {@code units / 10^scale} held in a long. Signed where
 * it is a position; order quantities are positive. Equal when numerically equal.
 */
public final class Qty implements Comparable<Qty> {
    public static final Qty ZERO = new Qty(0, 0);

    private final long units;
    private final int scale;

    private Qty(long units, int scale) {
        this.units = units;
        this.scale = scale;
    }

    public static Qty ofUnits(long units, int scale) {
        Scaled.checkScale(scale);
        return new Qty(units, scale);
    }

    public static Qty of(long whole) {
        return new Qty(whole, 0);
    }

    public static Qty of(String text) {
        return of(new BigDecimal(text));
    }

    public static Qty of(BigDecimal value) {
        int scale = Math.max(0, value.scale());
        return new Qty(Scaled.unitsOf(value, scale), scale);
    }

    public long units() {
        return units;
    }

    public int scale() {
        return scale;
    }

    public long unitsAt(int targetScale) {
        if (targetScale < scale) {
            return Scaled.unitsOf(toBigDecimal(), targetScale);
        }
        return Scaled.upscale(units, scale, targetScale);
    }

    public Qty plus(Qty other) {
        int s = Math.max(scale, other.scale);
        return new Qty(Math.addExact(unitsAt(s), other.unitsAt(s)), s);
    }

    public Qty minus(Qty other) {
        int s = Math.max(scale, other.scale);
        return new Qty(Math.subtractExact(unitsAt(s), other.unitsAt(s)), s);
    }

    public Qty negate() {
        return new Qty(Math.negateExact(units), scale);
    }

    public Qty abs() {
        return units < 0 ? negate() : this;
    }

    public Qty min(Qty other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public int signum() {
        return Long.signum(units);
    }

    public boolean isZero() {
        return units == 0;
    }

    public boolean isPositive() {
        return units > 0;
    }

    /** True when this quantity is a whole multiple of {@code lot}. */
    public boolean isMultipleOf(Qty lot) {
        int s = Math.max(scale, lot.scale);
        long l = lot.unitsAt(s);
        return l != 0 && unitsAt(s) % l == 0;
    }

    public Money times(Price price) {
        return price.times(this);
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(units, scale);
    }

    @Override
    public int compareTo(Qty other) {
        return Scaled.compare(units, scale, other.units, other.scale);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Qty q && compareTo(q) == 0;
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
