package io.quiver.sdk.indicators;

import io.quiver.sdk.model.Bar;

/**
 * Average true range with Wilder's smoothing. A bar's true range is the largest of high − low,
 * |high − previous close| and |low − previous close| (the first bar's is high − low); the first ATR is
 * the mean of the first {@code period} true ranges, later ones {@code (prev * (period - 1) + tr) / period}.
 */
public final class Atr implements BarIndicator {
    private final int period;
    private double previousClose = Double.NaN;
    private double value;
    private long count;

    public Atr(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("ATR period must be at least 1, was " + period);
        }
        this.period = period;
    }

    @Override
    public void update(Bar bar) {
        double high = bar.high().toDouble();
        double low = bar.low().toDouble();
        double tr = high - low;
        if (!Double.isNaN(previousClose)) {
            tr = Math.max(tr, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
        }
        previousClose = bar.close().toDouble();
        count++;
        if (count <= period) {
            value += tr / period;
        } else {
            value = (value * (period - 1) + tr) / period;
        }
    }

    @Override
    public boolean isReady() {
        return count >= period;
    }

    @Override
    public double value() {
        return isReady() ? value : Double.NaN;
    }

    @Override
    public long count() {
        return count;
    }
}
