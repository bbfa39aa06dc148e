package io.quiver.venue.fix;

import io.quiver.sdk.model.Price;
import io.quiver.sdk.spi.Venue;
import io.quiver.sdk.venuekit.VenueContract;
import io.quiver.venue.fix.standin.FixBrokerStandIn;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The venue contract over the FIX venue and its stand-in broker on loopback. */
class FixVenueContractTest extends VenueContract {
    @TempDir
    Path folder;

    private FixBrokerStandIn broker;

    @Override
    protected Venue createVenue() {
        try {
            broker = new FixBrokerStandIn(folder.resolve("broker"), Set.of(instrument().id().symbol()), startPrice().toBigDecimal());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new FixVenue(FixSettings.of("fix", "127.0.0.1", broker.port(), FixBrokerStandIn.CLIENT, FixBrokerStandIn.BROKER,
                folder.resolve("venue"))); // the defaults, reconnection backoff included
    }

    /** The broker's market moves; a round trip before and after makes every report of it handled when this returns. */
    @Override
    protected void marketAt(Venue venue, Price price, Instant time) {
        FixVenue fix = (FixVenue) venue;
        FixTesting.awaitLogon(fix);
        fix.roundTrip(Duration.ofSeconds(10));
        broker.marketAt(price.toBigDecimal(), time);
        fix.roundTrip(Duration.ofSeconds(10));
    }

    @AfterEach
    void stopTheBroker() {
        venue.close(); // before the broker, so that it does not try to reconnect (closing twice is harmless)
        broker.close();
    }
}
