package io.quiver.oms;

import java.util.function.Consumer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where the order manager writes what happens, one record at a time, so it can rebuild every order, fill,
 * position and cash balance after a crash. {@link #commit()} makes every record appended so far durable
 * against a crash of the process; the order manager commits before it acknowledges anything.
 */
@ConsumerType
public interface OrderJournal extends io.quiver.sdk.spi.VenueStore {

    /** Adds one record: a single line of text (no line breaks); it is durable once committed. */
    @Override
    void append(String record);

    @Override
    void commit();

    /** Every committed record, oldest first. */
    @Override
    void replay(Consumer<String> reader);

    /** False for a journal that throws records away, so writers need not build them. */
    @Override
    default boolean keepsRecords() {
        return true;
    }

    /** A journal that keeps nothing, for backtests. */
    static OrderJournal none() {
        return new OrderJournal() {
            @Override
            public void append(String record) {
                // a backtest is re-run, not recovered
            }

            @Override
            public void commit() {
                // nothing to make durable
            }

            @Override
            public void replay(Consumer<String> reader) {
                // nothing was kept
            }

            @Override
            public boolean keepsRecords() {
                return false;
            }
        };
    }
}
