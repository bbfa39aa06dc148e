package io.quiver.venue.exchange;

import io.quiver.matching.SelfTradePrevention;
import io.quiver.oms.InMemoryJournal;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.spi.Venue;
import io.quiver.sdk.venuekit.VenueContract;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The venue contract over the simulated exchange: a real book with simulated market makers and noise
 * traders, journaled, and reopened over its journal as after a restart.
 */
class ExchangeVenueContractTest extends VenueContract {
    private final InMemoryJournal journal = new InMemoryJournal();

    /** Inputs between snapshots of the journal. */
    protected int compactAfter() {
        return ExchangeVenue.COMPACT_AFTER;
    }

    @Override
    protected Venue createVenue() {
        ExchangeVenue exchange = new ExchangeVenue("exchange", MarketSimulation.defaults(), 50, SelfTradePrevention.CANCEL_NEWEST, Map.of(),
                new ExchangeVenue.FeeTier(0, 0), Map.of(), journal);
        exchange.compactAfter = compactAfter();
        exchange.addInstrument(instrument());
        return exchange;
    }

    @Override
    protected Optional<Venue> reopen(Venue venue) {
        venue.close();
        journal.crash();
        return Optional.of(createVenue());
    }

    /**
     * A book moves on trades, not on a price alone: a bar that only jumps re-quotes the market makers
     * around it and trades nothing, so a stop would never see its price. Each move trades five cents
     * either side of the price, through the makers' levels.
     */
    @Override
    protected void marketAt(Venue venue, Price price, Instant time) {
        Price range = Price.of("0.05");
        ((ExchangeVenue) venue).onBar(new Bar(instrument().id(), time, price, price.plus(range), price.minus(range), price, Qty.of(1_000_000)));
    }

    /** The same contract with the journal rewritten as a snapshot after every other input. */
    static class Snapshotting extends ExchangeVenueContractTest {
        @Override
        protected int compactAfter() {
            return 2;
        }
    }
}
