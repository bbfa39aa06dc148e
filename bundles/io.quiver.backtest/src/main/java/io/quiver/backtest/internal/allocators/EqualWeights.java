package io.quiver.backtest.internal.allocators;

import io.quiver.backtest.Allocator;
import io.quiver.backtest.AllocatorFactory;
import io.quiver.sdk.spi.TypedSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** {@code equal}: one n-th of the portfolio for each of n instances. */
final class EqualWeights implements Allocator {
    interface Settings {
    }

    static final class Factory implements AllocatorFactory {
        @Override
        public String type() {
            return "equal";
        }

        @Override
        public String description() {
            return "the same share for every instance";
        }

        @Override
        public Allocator create(Map<String, String> settings) {
            TypedSettings.of(Settings.class, settings, "allocator equal");
            return new EqualWeights();
        }
    }

    @Override
    public Map<String, BigDecimal> weights(List<Sleeve> sleeves) {
        return Weights.equal(sleeves);
    }
}
