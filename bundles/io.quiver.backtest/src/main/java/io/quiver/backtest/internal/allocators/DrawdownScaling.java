package io.quiver.backtest.internal.allocators;

import io.quiver.backtest.Allocator;
import io.quiver.backtest.AllocatorFactory;
import io.quiver.sdk.spi.TypedSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code drawdown}: each instance's base weight (its {@code weight} when every instance gives one, else
 * 1/n) times {@code 1 - drawdown / max}, at least {@code floor}: an instance at its peak holds its full
 * weight, one {@code max} or more below it holds {@code floor} of it. What it gives up stays unallocated.
 */
final class DrawdownScaling implements Allocator {
    interface Settings {
        /** The drawdown (a fraction, e.g. 0.2) at which an instance is cut to the floor. */
        default BigDecimal max() {
            return new BigDecimal("0.2");
        }

        /** The share of its base weight an instance keeps however deep its drawdown. */
        default BigDecimal floor() {
            return BigDecimal.ZERO;
        }
    }

    static final class Factory implements AllocatorFactory {
        @Override
        public String type() {
            return "drawdown";
        }

        @Override
        public String description() {
            return "base weights scaled down as each instance's drawdown deepens (allocator.max 0.2, allocator.floor 0)";
        }

        @Override
        public Allocator create(Map<String, String> settings) {
            Settings s = TypedSettings.of(Settings.class, settings, "allocator drawdown");
            if (s.max().signum() <= 0 || s.max().compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("max: must be above 0 and at most 1, was " + s.max().toPlainString());
            }
            if (s.floor().signum() < 0 || s.floor().compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("floor: must be from 0 to 1, was " + s.floor().toPlainString());
            }
            return new DrawdownScaling(s.max().doubleValue(), s.floor().doubleValue());
        }
    }

    private final double max;
    private final double floor;

    DrawdownScaling(double max, double floor) {
        this.max = max;
        this.floor = floor;
    }

    @Override
    public int lookback() {
        return 1; // only the drawdown is read
    }

    @Override
    public Map<String, BigDecimal> weights(List<Sleeve> sleeves) {
        boolean weighted = sleeves.stream().allMatch(s -> s.weight() != null);
        Map<String, BigDecimal> base = weighted ? new FixedWeights().weights(sleeves) : Weights.equal(sleeves);
        double[] shares = new double[sleeves.size()];
        for (int i = 0; i < shares.length; i++) {
            Sleeve s = sleeves.get(i);
            double scale = Math.max(floor, 1 - s.drawdown() / max);
            shares[i] = base.get(s.id()).doubleValue() * Math.min(1, scale);
        }
        return Weights.of(sleeves, shares);
    }
}
