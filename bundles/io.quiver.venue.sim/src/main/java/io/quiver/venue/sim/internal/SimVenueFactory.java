package io.quiver.venue.sim.internal;

import io.quiver.sdk.spi.VenueFactory;
import io.quiver.sdk.spi.VenueSettings;
import io.quiver.sdk.spi.VenueSetup;
import io.quiver.venue.sim.BarFillSimulator;
import java.math.BigDecimal;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** Builds the bar-fill venue: {@code fee.bps}, basis points of the notional (default 0). Also a {@link java.util.ServiceLoader} provider. */
@Component(service = VenueFactory.class, property = VenueFactory.TYPE_PROPERTY + "=sim")
public final class SimVenueFactory implements VenueFactory {
    static final Set<String> SETTINGS = Set.of("fee.bps");

    @Override
    public String type() {
        return "sim";
    }

    @Override
    public String description() {
        return "fills from bars: market at the next open, limits, stops, stop-limits and trailing stops when the bar reaches them";
    }

    @Override
    public BarFillSimulator create(VenueSetup setup) {
        VenueSettings s = new VenueSettings(type(), setup, SETTINGS);
        BarFillSimulator venue = new BarFillSimulator(setup.id(), s.decimal("fee.bps", "0", BigDecimal.ZERO), setup.store());
        setup.instruments().forEach(venue::addInstrument);
        return venue;
    }
}
