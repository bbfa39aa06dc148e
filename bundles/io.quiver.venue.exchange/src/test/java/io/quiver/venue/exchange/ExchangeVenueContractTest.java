package io.quiver.venue.exchange;

import io.quiver.matching.SelfTradePrevention;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.spi.Venue;
import io.quiver.sdk.testkit.VenueContract;
import java.time.Instant;
import java.util.Map;

/** The venue contract over the simulated exchange: a real book with simulated market makers and noise traders. */
class ExchangeVenueContractTest extends VenueContract {
    @Override
    protected Venue createVenue() {
        ExchangeVenue exchange = new ExchangeVenue("exchange", MarketSimulation.defaults(), 50, SelfTradePrevention.CANCEL_NEWEST,
                new ExchangeVenue.FeeTier(0, 0), Map.of());
        exchange.addInstrument(instrument());
        return exchange;
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
}
