package io.quiver.sdk.indicators;

import io.quiver.sdk.model.Price;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An indicator updated incrementally, one price at a time, in O(1). Values are statistics
 * ({@code double}); never use them as money.
 */
@ProviderType
public interface Indicator {

    void update(Price price);

    /** True once enough prices have been seen for {@link #value()} to be meaningful. */
    boolean isReady();

    /** The current value; {@code NaN} until ready. */
    double value();

    /** How many prices this indicator has seen. */
    long count();
}
