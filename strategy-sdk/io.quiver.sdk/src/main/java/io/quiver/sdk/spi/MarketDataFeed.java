package io.quiver.sdk.spi;

import io.quiver.sdk.model.Instrument;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of live or replayed market data, registered as an OSGi service. The engine tracks every
 * feed service; strategy instances name the feed they trade on by its {@link #id()}.
 */
@ConsumerType
public interface MarketDataFeed {

    /** Service property holding the feed id, so that services can be filtered by it. */
    String ID_PROPERTY = "feed.id";

    /** A stable id, e.g. {@code synthetic}. */
    String id();

    /** The instruments this feed publishes. */
    List<Instrument> instruments();

    /**
     * Starts delivering events to {@code listener} from one thread, in time order. Called once by the
     * platform; a feed has one listener at a time.
     */
    void start(MarketDataListener listener);

    /** Stops delivering; no event reaches the listener after this returns. */
    void stop();

    /** Whether the feed is running and delivering. */
    boolean isRunning();

    /** A live feed's connection, lag and reconnections; empty for a feed that has none to tell (simulated, replayed). */
    default java.util.Optional<FeedHealth> health() {
        return java.util.Optional.empty();
    }
}
