package io.quiver.sdk.indicators;

import io.quiver.sdk.model.Price;

/**
 * Relative strength index with Wilder's smoothing: the first average gain/loss is the simple mean of
 * the first {@code period} changes, later ones {@code (prev * (period - 1) + current) / period}.
 * 100 when there were no losses, 0 when there were no gains, 50 when the price never moved.
 */
public final class Rsi implements Indicator {
    private final int period;
    private double previous = Double.NaN;
    private double avgGain;
    private double avgLoss;
    private long changes;
    private long count;

    public Rsi(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("RSI period must be at least 1, was " + period);
        }
        this.period = period;
    }

    @Override
    public void update(Price price) {
        double p = price.toDouble();
        count++;
        if (!Double.isNaN(previous)) {
            double change = p - previous;
            double gain = Math.max(change, 0);
            double loss = Math.max(-change, 0);
            changes++;
            if (changes <= period) {
                avgGain += gain / period;
                avgLoss += loss / period;
            } else {
                avgGain = (avgGain * (period - 1) + gain) / period;
                avgLoss = (avgLoss * (period - 1) + loss) / period;
            }
        }
        previous = p;
    }

    @Override
    public boolean isReady() {
        return changes >= period;
    }

    @Override
    public double value() {
        if (!isReady()) {
            return Double.NaN;
        }
        if (avgLoss == 0) {
            return avgGain == 0 ? 50.0 : 100.0;
        }
        double rs = avgGain / avgLoss;
        return 100.0 - 100.0 / (1.0 + rs);
    }

    @Override
    public long count() {
        return count;
    }
}
