package io.quiver.backtest.internal.allocators;

import io.quiver.backtest.Allocator;
import io.quiver.backtest.AllocatorFactory;
import io.quiver.sdk.spi.TypedSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code kelly}: each instance gets {@code fraction} of its Kelly fraction μ/σ² (μ and σ² the mean and
 * sample variance of its daily returns over the look-back), at least 0 and at most {@code cap}; if together
 * they pass 1 they are scaled down to 1. An instance whose σ² is not known yet, or is zero, gets 1/n, capped.
 */
final class CappedKelly implements Allocator {
    interface Settings {
        default int lookback() {
            return 63;
        }

        /** Of the full Kelly fraction, e.g. 0.5 for half Kelly. */
        default BigDecimal fraction() {
            return new BigDecimal("0.5");
        }

        /** The most one instance may hold. */
        default BigDecimal cap() {
            return new BigDecimal("0.25");
        }
    }

    static final class Factory implements AllocatorFactory {
        @Override
        public String type() {
            return "kelly";
        }

        @Override
        public String description() {
            return "a fraction of each instance's Kelly fraction mean/variance, capped (allocator.fraction 0.5, allocator.cap 0.25, allocator.lookback 63)";
        }

        @Override
        public Allocator create(Map<String, String> settings) {
            Settings s = TypedSettings.of(Settings.class, settings, "allocator kelly");
            if (s.lookback() < 2) {
                throw new IllegalArgumentException("lookback: must be at least 2, was " + s.lookback());
            }
            if (s.fraction().signum() <= 0 || s.fraction().compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("fraction: must be above 0 and at most 1, was " + s.fraction().toPlainString());
            }
            if (s.cap().signum() <= 0 || s.cap().compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("cap: must be above 0 and at most 1, was " + s.cap().toPlainString());
            }
            return new CappedKelly(s.lookback(), s.fraction().doubleValue(), s.cap().doubleValue());
        }
    }

    private final int lookback;
    private final double fraction;
    private final double cap;

    CappedKelly(int lookback, double fraction, double cap) {
        this.lookback = lookback;
        this.fraction = fraction;
        this.cap = cap;
    }

    @Override
    public int lookback() {
        return lookback;
    }

    @Override
    public Map<String, BigDecimal> weights(List<Sleeve> sleeves) {
        double[] shares = new double[sleeves.size()];
        for (int i = 0; i < shares.length; i++) {
            double[] r = sleeves.get(i).returns();
            double variance = Weights.variance(r);
            double kelly = variance > 0 ? fraction * Weights.mean(r) / variance : 1.0 / shares.length;
            shares[i] = Math.min(cap, Math.max(0, kelly));
        }
        return Weights.of(sleeves, shares);
    }
}
