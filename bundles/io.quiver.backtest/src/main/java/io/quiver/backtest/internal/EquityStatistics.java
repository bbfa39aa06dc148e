package io.quiver.backtest.internal;

/**
 * Running statistics of an equity curve sampled at every bar: maximum drawdown and daily returns (the
 * last equity of each UTC day), from which the Sharpe ratio is annualised with sqrt(252). These are
 * statistics and use doubles; no money figure is derived from them.
 */
final class EquityStatistics {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private double peak;
    private double maxDrawdown;
    private long day = Long.MIN_VALUE;
    private double dayEquity;
    private double previousDayEquity;
    private long returns;
    private double mean;
    private double m2;

    EquityStatistics(double startingEquity) {
        this.peak = startingEquity;
        this.previousDayEquity = startingEquity;
        this.dayEquity = startingEquity;
    }

    void sample(long timeNanos, double equity) {
        long d = Math.floorDiv(timeNanos, NANOS_PER_DAY);
        if (d != day) {
            if (day != Long.MIN_VALUE) {
                closeDay();
            }
            day = d;
        }
        dayEquity = equity;
        if (equity > peak) {
            peak = equity;
        } else if (peak > 0) {
            maxDrawdown = Math.max(maxDrawdown, (peak - equity) / peak);
        }
    }

    private void closeDay() {
        double r = dayEquity / previousDayEquity - 1.0;
        previousDayEquity = dayEquity;
        returns++;
        double delta = r - mean;
        mean += delta / returns;
        m2 += delta * (r - mean);
    }

    /** Finishes the last day; call once after the last sample. */
    void finish() {
        if (day != Long.MIN_VALUE) {
            closeDay();
            day = Long.MIN_VALUE;
        }
    }

    double maxDrawdown() {
        return maxDrawdown;
    }

    /** Mean over sample standard deviation of daily returns, times sqrt(252); 0 with fewer than 2 days or no variance. */
    double sharpe() {
        if (returns < 2 || m2 <= 0) {
            return 0.0;
        }
        double sd = Math.sqrt(m2 / (returns - 1));
        return mean / sd * Math.sqrt(252.0);
    }
}
