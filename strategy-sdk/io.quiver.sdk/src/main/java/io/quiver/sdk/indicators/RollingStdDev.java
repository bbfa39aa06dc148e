package io.quiver.sdk.indicators;

import io.quiver.sdk.model.Price;

/**
 * Standard deviation of the last {@code period} prices, the population form (divided by
 * {@code period}, as Bollinger bands use it), from running sums re-centred on the first price so that
 * large prices lose no precision.
 */
public final class RollingStdDev implements Indicator {
    private final int period;
    private final double[] window;
    private double origin = Double.NaN;
    private double sum;
    private double sumSquares;
    private long count;

    public RollingStdDev(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("standard deviation period must be at least 1, was " + period);
        }
        this.period = period;
        this.window = new double[period];
    }

    @Override
    public void update(Price price) {
        double p = price.toDouble();
        if (Double.isNaN(origin)) {
            origin = p;
        }
        double x = p - origin;
        int slot = (int) (count % period);
        if (count >= period) {
            double old = window[slot];
            sum -= old;
            sumSquares -= old * old;
        }
        window[slot] = x;
        sum += x;
        sumSquares += x * x;
        count++;
    }

    /** The mean of the window; NaN until ready. */
    public double mean() {
        return isReady() ? origin + sum / period : Double.NaN;
    }

    @Override
    public boolean isReady() {
        return count >= period;
    }

    @Override
    public double value() {
        if (!isReady()) {
            return Double.NaN;
        }
        double m = sum / period;
        return Math.sqrt(Math.max(0.0, sumSquares / period - m * m));
    }

    @Override
    public long count() {
        return count;
    }
}
