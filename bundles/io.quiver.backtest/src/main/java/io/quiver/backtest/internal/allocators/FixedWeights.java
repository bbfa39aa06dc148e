package io.quiver.backtest.internal.allocators;

import io.quiver.backtest.Allocator;
import io.quiver.backtest.AllocatorFactory;
import io.quiver.sdk.spi.TypedSettings;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code fixed}: each instance holds the plan's {@code instance.<id>.weight} of the portfolio; the weights add up to at most 1. */
final class FixedWeights implements Allocator {
    interface Settings {
    }

    static final class Factory implements AllocatorFactory {
        @Override
        public String type() {
            return "fixed";
        }

        @Override
        public String description() {
            return "the weight each instance names (instance.<id>.weight), at most 1 together";
        }

        @Override
        public Allocator create(Map<String, String> settings) {
            TypedSettings.of(Settings.class, settings, "allocator fixed");
            return new FixedWeights();
        }
    }

    @Override
    public Map<String, BigDecimal> weights(List<Sleeve> sleeves) {
        Map<String, BigDecimal> w = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Sleeve s : sleeves) {
            if (s.weight() == null) {
                throw new IllegalArgumentException("instance." + s.id() + ".weight: is required by the fixed allocator");
            }
            w.put(s.id(), s.weight());
            total = total.add(s.weight());
        }
        if (total.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the instances' weights add up to " + total.toPlainString() + ", more than 1");
        }
        return w;
    }
}
