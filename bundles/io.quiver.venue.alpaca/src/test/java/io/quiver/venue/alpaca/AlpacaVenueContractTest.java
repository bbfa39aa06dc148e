package io.quiver.venue.alpaca;

import io.quiver.sdk.model.Price;
import io.quiver.sdk.spi.Venue;
import io.quiver.sdk.venuekit.VenueContract;
import io.quiver.venue.alpaca.standin.AlpacaBrokerStandIn;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The venue contract over the REST/WebSocket venue and its stand-in broker on loopback; reopened over the same broker and order log. */
class AlpacaVenueContractTest extends VenueContract {
    @TempDir
    Path folder;

    private AlpacaBrokerStandIn broker;

    @Override
    protected Venue createVenue() {
        try {
            broker = new AlpacaBrokerStandIn(Set.of(instrument().id().symbol()), startPrice().toBigDecimal(), new BigDecimal("10000000"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new AlpacaVenue(AlpacaTesting.settings("alpaca", broker, folder), AlpacaTesting.keyFile(folder));
    }

    @Override
    protected void marketAt(Venue venue, Price price, Instant time) {
        AlpacaVenue alpaca = (AlpacaVenue) venue;
        AlpacaTesting.awaitConnected(alpaca);
        AlpacaTesting.settle(alpaca, broker);
        broker.marketAt(price.toBigDecimal(), time);
        AlpacaTesting.settle(alpaca, broker);
    }

    @Override
    protected Optional<Venue> reopen(Venue venue) {
        venue.close();
        AlpacaVenue again = new AlpacaVenue(AlpacaTesting.settings("alpaca", broker, folder), AlpacaTesting.keyFile(folder));
        return Optional.of(again);
    }

    @AfterEach
    void stopTheBroker() {
        venue.close();
        broker.close();
    }
}
