package io.quiver.backtest.internal.allocators;

import io.quiver.backtest.Allocator;
import io.quiver.backtest.AllocatorFactory;
import io.quiver.sdk.spi.TypedSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code inverse-volatility} (naive risk parity): weights in proportion to 1/σ, σ the standard deviation
 * of each instance's daily returns over the look-back. An instance whose σ is not known yet, or is zero
 * (it has not traded), is given the mean of the others' 1/σ; while no instance has one, the weights are equal.
 */
final class InverseVolatility implements Allocator {
    interface Settings {
        /** Daily returns looked back over, at least 2. */
        default int lookback() {
            return 63;
        }
    }

    static final class Factory implements AllocatorFactory {
        @Override
        public String type() {
            return "inverse-volatility";
        }

        @Override
        public String description() {
            return "in proportion to 1/volatility of each instance's daily returns (allocator.lookback, default 63)";
        }

        @Override
        public Allocator create(Map<String, String> settings) {
            Settings s = TypedSettings.of(Settings.class, settings, "allocator inverse-volatility");
            if (s.lookback() < 2) {
                throw new IllegalArgumentException("lookback: must be at least 2, was " + s.lookback());
            }
            return new InverseVolatility(s.lookback());
        }
    }

    private final int lookback;

    InverseVolatility(int lookback) {
        this.lookback = lookback;
    }

    @Override
    public int lookback() {
        return lookback;
    }

    @Override
    public Map<String, BigDecimal> weights(List<Sleeve> sleeves) {
        double[] inverse = new double[sleeves.size()];
        double known = 0;
        int count = 0;
        for (int i = 0; i < inverse.length; i++) {
            double sd = Math.sqrt(Weights.variance(sleeves.get(i).returns()));
            inverse[i] = sd > 0 ? 1 / sd : Double.NaN;
            if (sd > 0) {
                known += inverse[i];
                count++;
            }
        }
        if (count == 0) {
            return Weights.equal(sleeves);
        }
        double neutral = known / count;
        for (int i = 0; i < inverse.length; i++) {
            if (Double.isNaN(inverse[i])) {
                inverse[i] = neutral;
            }
        }
        return Weights.normalised(sleeves, inverse);
    }
}
