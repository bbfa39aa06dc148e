package io.quiver.venue.sim;

import io.quiver.oms.InMemoryJournal;
import io.quiver.sdk.spi.Venue;
import io.quiver.sdk.venuekit.VenueContract;
import java.math.BigDecimal;
import java.util.Optional;

/** The venue contract over the simulated venue, journaled, and reopened over its journal as after a restart. */
class BarFillSimulatorContractTest extends VenueContract {
    private final InMemoryJournal journal = new InMemoryJournal();

    @Override
    protected Venue createVenue() {
        BarFillSimulator sim = new BarFillSimulator("sim", new BigDecimal("1.5"), journal);
        sim.addInstrument(instrument());
        return sim;
    }

    @Override
    protected Optional<Venue> reopen(Venue venue) {
        venue.close();
        return Optional.of(createVenue());
    }
}
