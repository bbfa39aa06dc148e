package io.quiver.sdk;

import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Price;
import org.osgi.annotation.versioning.ProviderType;

/** A rolling window of the most recent bars of one instrument, newest at index 0. */
@ProviderType
public interface BarHistory {

    /** How many bars are held now (at most the capacity). */
    int size();

    /** The bar {@code ago} bars back: 0 is the latest closed bar. */
    Bar get(int ago);

    default Price close(int ago) {
        return get(ago).close();
    }
}
