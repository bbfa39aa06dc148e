package io.quiver.sdk.indicators;

import io.quiver.sdk.model.Price;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Simple moving average over the last {@code period} prices. The running sum is kept exactly (scaled
 * longs), so {@link #compareTo(Sma)} and {@link #exactValue()} decide crossings without rounding.
 */
public final class Sma implements Indicator {
    private final int period;
    private final long[] window;
    private int scale = -1;
    private long sum;
    private long count;

    public Sma(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("SMA period must be at least 1, was " + period);
        }
        this.period = period;
        this.window = new long[period];
    }

    public int period() {
        return period;
    }

    @Override
    public void update(Price price) {
        if (scale < 0) {
            scale = price.scale();
        } else if (price.scale() > scale) {
            rescale(price.scale());
        }
        updateUnits(price.unitsAt(scale));
    }

    private void updateUnits(long units) {
        int slot = (int) (count % period);
        if (count >= period) {
            sum -= window[slot];
        }
        window[slot] = units;
        sum = Math.addExact(sum, units);
        count++;
    }

    private void rescale(int newScale) {
        long factor = BigDecimal.TEN.pow(newScale - scale).longValueExact();
        for (int i = 0; i < period; i++) {
            window[i] = Math.multiplyExact(window[i], factor);
        }
        sum = Math.multiplyExact(sum, factor);
        scale = newScale;
    }

    @Override
    public boolean isReady() {
        return count >= period;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public double value() {
        return isReady() ? (double) sum / period / Math.pow(10, scale) : Double.NaN;
    }

    /** The average to 34 significant digits (decimal128); {@code null} until ready. */
    public BigDecimal exactValue() {
        return isReady() ? BigDecimal.valueOf(sum, scale).divide(BigDecimal.valueOf(period), MathContext.DECIMAL128) : null;
    }

    /**
     * Compares two ready averages exactly: sign of {@code this - other}. Both must be ready.
     */
    public int compareTo(Sma other) {
        if (!isReady() || !other.isReady()) {
            throw new IllegalStateException("both averages must be ready to compare");
        }
        // sum / period vs other.sum / other.period, cross-multiplied so that no division rounds.
        if (scale == other.scale) {
            try {
                return Long.compare(Math.multiplyExact(sum, other.period), Math.multiplyExact(other.sum, period));
            } catch (ArithmeticException overflow) {
                // fall through to the exact decimal comparison
            }
        }
        BigDecimal left = BigDecimal.valueOf(sum, scale).multiply(BigDecimal.valueOf(other.period));
        BigDecimal right = BigDecimal.valueOf(other.sum, other.scale).multiply(BigDecimal.valueOf(period));
        return left.compareTo(right);
    }
}
