package io.quiver.sdk.spi;

import io.quiver.sdk.model.Instrument;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a {@link VenueFactory} builds a venue from: the id the venue reports, its settings by key (as an
 * operator writes them, e.g. {@code fee.bps = 1.5}), the instruments it trades from the start (more may
 * be added as feeds appear), and where it keeps its books.
 */
public record VenueSetup(String id, Map<String, String> settings, List<Instrument> instruments, VenueStore store) {
    public VenueSetup {
        Objects.requireNonNull(id, "id");
        settings = Map.copyOf(new TreeMap<>(settings));
        instruments = List.copyOf(instruments);
        Objects.requireNonNull(store, "store");
    }

    /** A store that keeps nothing: for backtests, which are run again rather than recovered. */
    public static VenueStore noStore() {
        return new VenueStore() {
            @Override
            public void append(String record) {
                // a backtest is re-run, not recovered
            }

            @Override
            public void commit() {
                // nothing to make durable
            }

            @Override
            public void replay(java.util.function.Consumer<String> reader) {
                // nothing was kept
            }

            @Override
            public boolean keepsRecords() {
                return false;
            }
        };
    }
}
