package io.quiver.backtest.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The return and risk figures of an equity curve, by empyrical's formulas (its {@code annual_return},
 * {@code annual_volatility}, {@code sharpe_ratio}, {@code sortino_ratio}, {@code calmar_ratio},
 * {@code max_drawdown}, {@code value_at_risk} and {@code conditional_value_at_risk}, with no risk-free
 * rate and no required return). A plain function of its input; the fixtures in the tests come from an
 * independent implementation of the same formulas.
 */
final class ReturnStatistics {
    final BigDecimal totalReturn;
    final double annualReturn;
    final double annualVolatility;
    final double sharpe;
    final double sortino;
    final double calmar;
    final double maxDrawdown;
    final LocalDate drawdownPeak;
    final LocalDate drawdownTrough;
    final LocalDate drawdownRecovery;
    final int drawdownPeriods;
    final double var95;
    final double var99;
    final double cvar95;
    final double cvar99;
    final int periods;

    /**
     * @param start   the equity before the first day
     * @param days    the days of the curve, in order
     * @param equity  the equity at the end of each day
     */
    ReturnStatistics(BigDecimal start, List<LocalDate> days, List<BigDecimal> equity, int periodsPerYear) {
        this(start, days, equity, null, periodsPerYear);
    }

    /**
     * The figures of a curve with capital moved in or out (a portfolio's instance, rebalanced): {@code flows}
     * holds the net amount moved in at the start of each day (null: none). The returns are time-weighted: a
     * day's return is its closing equity over the previous close plus that day's flow, so capital moved is
     * never a gain or a loss, and the drawdown is taken on the compounded returns.
     */
    ReturnStatistics(BigDecimal start, List<LocalDate> days, List<BigDecimal> equity, List<BigDecimal> flows, int periodsPerYear) {
        if (flows != null && flows.stream().anyMatch(f -> f.signum() != 0)) {
            equity = timeWeighted(start, equity, flows);
        }
        int n = equity.size();
        periods = n;
        // Ratios may be floating point: each equity as a double (exact to 16 digits), one division a day.
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = equity.get(i).doubleValue();
        }
        double[] r = new double[n];
        double previous = start.doubleValue();
        for (int i = 0; i < n; i++) {
            r[i] = previous == 0 ? Double.NaN : e[i] / previous - 1.0;
            previous = e[i];
        }
        BigDecimal end = n == 0 ? start : equity.get(n - 1);
        totalReturn = start.signum() == 0 ? BigDecimal.ZERO : end.subtract(start).divide(start, MathContext.DECIMAL64).stripTrailingZeros();
        double mean = mean(r);
        double sd = sampleStandardDeviation(r, mean);
        double years = n / (double) periodsPerYear;
        annualReturn = n == 0 ? Double.NaN : Math.pow(1.0 + totalReturn.doubleValue(), 1.0 / years) - 1.0;
        annualVolatility = sd * Math.sqrt(periodsPerYear);
        sharpe = mean / sd * Math.sqrt(periodsPerYear);
        double downside = 0;
        for (double x : r) {
            double d = Math.min(x, 0.0);
            downside += d * d;
        }
        double downsideRisk = Math.sqrt(downside / n) * Math.sqrt(periodsPerYear);
        sortino = mean * periodsPerYear / downsideRisk;

        // The largest drawdown, on the curve with the starting equity in front (as empyrical does).
        double peak = start.doubleValue();
        int peakAt = -1;
        double worst = 0;
        int worstPeak = -1;
        int worstTrough = -1;
        for (int i = 0; i < n; i++) {
            if (e[i] > peak) {
                peak = e[i];
                peakAt = i;
            } else if (peak > 0) {
                double dd = e[i] / peak - 1.0;
                if (dd < worst) {
                    worst = dd;
                    worstPeak = peakAt;
                    worstTrough = i;
                }
            }
        }
        maxDrawdown = worst;
        calmar = worst < 0 ? annualReturn / -worst : Double.NaN;
        if (worstTrough < 0) {
            drawdownPeak = null;
            drawdownTrough = null;
            drawdownRecovery = null;
            drawdownPeriods = 0;
        } else {
            BigDecimal level = worstPeak < 0 ? start : equity.get(worstPeak);
            int recovered = -1;
            for (int i = worstTrough + 1; i < n && recovered < 0; i++) {
                if (equity.get(i).compareTo(level) >= 0) {
                    recovered = i;
                }
            }
            drawdownPeak = worstPeak < 0 ? null : days.get(worstPeak);
            drawdownTrough = days.get(worstTrough);
            drawdownRecovery = recovered < 0 ? null : days.get(recovered);
            drawdownPeriods = (recovered < 0 ? n - 1 : recovered) - worstPeak;
        }
        double[] sorted = r.clone();
        Arrays.sort(sorted);
        var95 = percentile(sorted, 0.05);
        var99 = percentile(sorted, 0.01);
        cvar95 = tailMean(sorted, 0.05);
        cvar99 = tailMean(sorted, 0.01);
    }

    /** The curve a start that was never added to nor taken from would have followed: each day compounds that day's return. */
    private static List<BigDecimal> timeWeighted(BigDecimal start, List<BigDecimal> equity, List<BigDecimal> flows) {
        List<BigDecimal> index = new java.util.ArrayList<>(equity.size());
        BigDecimal level = start;
        BigDecimal previous = start;
        for (int i = 0; i < equity.size(); i++) {
            BigDecimal base = previous.add(flows.get(i));
            if (base.signum() > 0) {
                level = level.multiply(equity.get(i)).divide(base, MathContext.DECIMAL64);
            }
            index.add(level);
            previous = equity.get(i);
        }
        return index;
    }

    private static double mean(double[] r) {
        if (r.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : r) {
            s += x;
        }
        return s / r.length;
    }

    private static double sampleStandardDeviation(double[] r, double mean) {
        if (r.length < 2) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : r) {
            s += (x - mean) * (x - mean);
        }
        return Math.sqrt(s / (r.length - 1));
    }

    /** numpy's default percentile: linear between the two nearest ranks. */
    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** empyrical's conditional VaR: the mean of the lowest {@code floor((n - 1) * cutoff) + 1} returns. */
    private static double tailMean(double[] sorted, double cutoff) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int last = (int) ((sorted.length - 1) * cutoff);
        double s = 0;
        for (int i = 0; i <= last; i++) {
            s += sorted[i];
        }
        return s / (last + 1);
    }
}
