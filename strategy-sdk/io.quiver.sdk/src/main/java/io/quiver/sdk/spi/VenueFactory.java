package io.quiver.sdk.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Builds venues of one type, registered as an OSGi service with {@link #TYPE_PROPERTY}. A backtest asks
 * it for a venue of its own ({@code backtest:run --venue <type>}, {@code bin/quiver-backtest --venue});
 * paper trading builds its venue with the same factory, so both trade against the same code. Outside
 * OSGi ({@code bin/quiver-backtest}) factories are found with {@link java.util.ServiceLoader}.
 */
@ConsumerType
public interface VenueFactory {

    /** Service property holding the venue type. */
    String TYPE_PROPERTY = "venue.type";

    /** The type a backtest names, e.g. {@code sim}. */
    String type();

    /** One line on what the venue does, for listings. */
    String description();

    /**
     * A new venue, opened by nobody yet. A setting it does not know or cannot read is an
     * {@link IllegalArgumentException} whose message names the key.
     */
    Venue create(VenueSetup setup);

    /**
     * The settings that make a venue of this type fill from quotes and trade prints instead of bars (what a
     * backtest over quote or trade data adds unless its settings say otherwise), or null if it cannot.
     */
    default java.util.Map<String, String> tickSettings() {
        return null;
    }
}
