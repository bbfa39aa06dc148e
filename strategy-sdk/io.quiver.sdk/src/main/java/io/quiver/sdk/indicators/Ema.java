package io.quiver.sdk.indicators;

import io.quiver.sdk.model.Price;

/**
 * Exponential moving average with smoothing {@code 2 / (period + 1)}, seeded with the simple average
 * of the first {@code period} prices.
 */
public final class Ema implements Indicator {
    private final int period;
    private final double alpha;
    private double seedSum;
    private double value = Double.NaN;
    private long count;

    public Ema(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("EMA period must be at least 1, was " + period);
        }
        this.period = period;
        this.alpha = 2.0 / (period + 1);
    }

    @Override
    public void update(Price price) {
        double p = price.toDouble();
        count++;
        if (count < period) {
            seedSum += p;
        } else if (count == period) {
            value = (seedSum + p) / period;
        } else {
            value += alpha * (p - value);
        }
    }

    @Override
    public boolean isReady() {
        return count >= period;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public long count() {
        return count;
    }
}
