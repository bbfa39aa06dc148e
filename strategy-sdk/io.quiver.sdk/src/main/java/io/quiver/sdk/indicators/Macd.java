package io.quiver.sdk.indicators;

import io.quiver.sdk.model.Price;

/**
 * Moving average convergence/divergence: the fast EMA less the slow EMA ({@link #value()}), its
 * {@code signal}-period EMA ({@link #signal()}) and their difference ({@link #histogram()}); 12, 26 and
 * 9 are the usual periods. The signal line starts once the slow EMA is ready, seeded like {@link Ema}.
 */
public final class Macd implements Indicator {
    private final Ema fast;
    private final Ema slow;
    private final int signalPeriod;
    private final double alpha;
    private double signalSeed;
    private double signal = Double.NaN;
    private long macdCount;

    public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
        if (fastPeriod >= slowPeriod) {
            throw new IllegalArgumentException("MACD fast period must be below the slow one, was " + fastPeriod + " and " + slowPeriod);
        }
        if (signalPeriod < 1) {
            throw new IllegalArgumentException("MACD signal period must be at least 1, was " + signalPeriod);
        }
        this.fast = new Ema(fastPeriod);
        this.slow = new Ema(slowPeriod);
        this.signalPeriod = signalPeriod;
        this.alpha = 2.0 / (signalPeriod + 1);
    }

    @Override
    public void update(Price price) {
        fast.update(price);
        slow.update(price);
        if (!slow.isReady()) {
            return;
        }
        double macd = fast.value() - slow.value();
        macdCount++;
        if (macdCount < signalPeriod) {
            signalSeed += macd;
        } else if (macdCount == signalPeriod) {
            signal = (signalSeed + macd) / signalPeriod;
        } else {
            signal += alpha * (macd - signal);
        }
    }

    /** Ready when the signal line is. */
    @Override
    public boolean isReady() {
        return macdCount >= signalPeriod;
    }

    /** The MACD line; NaN until the slow EMA is ready. */
    @Override
    public double value() {
        return slow.isReady() ? fast.value() - slow.value() : Double.NaN;
    }

    public double signal() {
        return signal;
    }

    public double histogram() {
        return value() - signal;
    }

    @Override
    public long count() {
        return slow.count();
    }
}
