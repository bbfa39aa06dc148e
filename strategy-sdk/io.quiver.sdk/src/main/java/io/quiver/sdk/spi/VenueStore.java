package io.quiver.sdk.spi;

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

    /** False for a store that throws records away, so writers need not build them. */
    default boolean keepsRecords() {
        return true;
    }
}
