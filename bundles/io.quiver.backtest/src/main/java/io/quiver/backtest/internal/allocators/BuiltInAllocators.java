package io.quiver.backtest.internal.allocators;

import io.quiver.backtest.AllocatorFactory;
import java.util.List;

/** The allocator types every runtime has. */
public final class BuiltInAllocators {
    private BuiltInAllocators() {
    }

    public static List<AllocatorFactory> all() {
        return List.of(new FixedWeights.Factory(), new EqualWeights.Factory(), new InverseVolatility.Factory(), new CappedKelly.Factory(),
                new DrawdownScaling.Factory());
    }
}
