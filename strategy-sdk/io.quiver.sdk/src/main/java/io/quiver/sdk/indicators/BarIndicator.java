package io.quiver.sdk.indicators;

import io.quiver.sdk.model.Bar;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An indicator of whole bars (high, low, close, volume), updated incrementally in O(1) amortised.
 * Values are statistics ({@code double}); never use them as money.
 */
@ProviderType
public interface BarIndicator {

    void update(Bar bar);

    /** True once enough bars have been seen for {@link #value()} to be meaningful. */
    boolean isReady();

    /** The current value; {@code NaN} until ready. */
    double value();

    /** How many bars this indicator has seen. */
    long count();
}
