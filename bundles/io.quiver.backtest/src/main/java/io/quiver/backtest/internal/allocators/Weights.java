package io.quiver.backtest.internal.allocators;

import io.quiver.backtest.Allocator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the built-in allocators share: statistics of a sleeve's returns and turning ratios into weights. */
final class Weights {
    /** Weights are kept to 8 decimals, rounded down, so that together they never pass 1. */
    static final int SCALE = 8;

    private Weights() {
    }

    static double mean(double[] r) {
        double s = 0;
        for (double x : r) {
            s += x;
        }
        return s / r.length;
    }

    /** The sample variance; NaN with fewer than two returns. */
    static double variance(double[] r) {
        if (r.length < 2) {
            return Double.NaN;
        }
        double m = mean(r);
        double s = 0;
        for (double x : r) {
            s += (x - m) * (x - m);
        }
        return s / (r.length - 1);
    }

    /** Each sleeve's share of {@code scores} (all finite and at least 0), as weights; all zero scores give zero weights. */
    static Map<String, BigDecimal> normalised(List<Allocator.Sleeve> sleeves, double[] scores) {
        double total = 0;
        for (double s : scores) {
            total += s;
        }
        double[] shares = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            shares[i] = total > 0 ? scores[i] / total : 0;
        }
        return of(sleeves, shares);
    }

    /** The shares as weights, in the sleeves' order; shares that add up to more than 1 are scaled down to 1. */
    static Map<String, BigDecimal> of(List<Allocator.Sleeve> sleeves, double[] shares) {
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        double scale = total > 1 ? 1 / total : 1;
        Map<String, BigDecimal> w = new LinkedHashMap<>();
        for (int i = 0; i < shares.length; i++) {
            double share = Math.min(1, Math.max(0, shares[i] * scale));
            w.put(sleeves.get(i).id(), BigDecimal.valueOf(share).setScale(SCALE, RoundingMode.DOWN));
        }
        return w;
    }

    /** {@code 1/n} each, rounded down. */
    static Map<String, BigDecimal> equal(List<Allocator.Sleeve> sleeves) {
        Map<String, BigDecimal> w = new LinkedHashMap<>();
        BigDecimal each = sleeves.isEmpty() ? BigDecimal.ZERO : BigDecimal.ONE.divide(BigDecimal.valueOf(sleeves.size()), SCALE, RoundingMode.DOWN);
        sleeves.forEach(s -> w.put(s.id(), each));
        return w;
    }
}
