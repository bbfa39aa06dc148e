package io.quiver.sdk.model;

import java.math.BigDecimal;

/** Arithmetic on scaled longs (value = units / 10^scale), exact or failing loudly on overflow. */
final class Scaled {
    static final int MAX_SCALE = 18;
    private static final long[] POW10 = new long[MAX_SCALE + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i <= MAX_SCALE; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private Scaled() {
    }

    static long pow10(int n) {
        return POW10[n];
    }

    static void checkScale(int scale) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be 0.." + MAX_SCALE + ", was " + scale);
        }
    }

    /** Units at a larger scale; exact, throws on overflow. */
    static long upscale(long units, int from, int to) {
        if (to > MAX_SCALE) {
            throw new ArithmeticException("scale " + to + " exceeds the maximum of " + MAX_SCALE + " decimals");
        }
        return from == to ? units : Math.multiplyExact(units, POW10[to - from]);
    }

    static int compare(long a, int aScale, long b, int bScale) {
        if (aScale == bScale) {
            return Long.compare(a, b);
        }
        int scale = Math.max(aScale, bScale);
        try {
            return Long.compare(upscale(a, aScale, scale), upscale(b, bScale, scale));
        } catch (ArithmeticException overflow) {
            return BigDecimal.valueOf(a, aScale).compareTo(BigDecimal.valueOf(b, bScale));
        }
    }

    /** Units of a decimal at the given scale; throws if the value has more decimals than the scale allows. */
    static long unitsOf(BigDecimal value, int scale) {
        checkScale(scale);
        try {
            return value.setScale(scale).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new ArithmeticException(value.toPlainString() + " does not fit " + scale + " decimals in a long");
        }
    }

    static int hash(long units, int scale) {
        while (scale > 0 && units % 10 == 0) {
            units /= 10;
            scale--;
        }
        return Long.hashCode(units) * 31 + scale;
    }

    static String toPlainString(long units, int scale) {
        return BigDecimal.valueOf(units, scale).toPlainString();
    }
}
