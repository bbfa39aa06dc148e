package io.quiver.sdk.spi;

import java.util.List;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where a venue keeps its books, one record (a line of text) at a time, so that it can rebuild them after
 * a restart: the platform hands one to {@link VenueFactory#create}. In a backtest it keeps nothing.
 */
@ConsumerType
public interface VenueStore {

    /** Adds one record: a single line of text; it is durable once committed. */
    void append(String record);

    /** Makes every record appended so far durable against a crash of the process. */
    void commit();

    /** Every committed record, oldest first. */
    void replay(Consumer<String> reader);

    /**
     * Replaces everything committed with {@code records}, atomically: after a crash the store holds
     * either all of the old records or exactly the new ones, and the space the old ones took is given
     * back. Called with nothing uncommitted. A venue compacts its history this way, into a snapshot.
     */
    default void rewrite(List<String> records) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be rewritten");
    }

    /** The bytes the store takes on disk now; 0 for one kept in memory. */
    default long sizeOnDisk() {
        return 0;
    }

    /** False for a store that throws records away, so writers need not build them. */
    default boolean keepsRecords() {
        return true;
    }
}
