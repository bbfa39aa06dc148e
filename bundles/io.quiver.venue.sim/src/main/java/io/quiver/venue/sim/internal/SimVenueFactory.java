package io.quiver.venue.sim.internal;

import io.quiver.sdk.spi.VenueFactory;
import io.quiver.sdk.spi.TypedSettings;
import io.quiver.sdk.spi.VenueSetup;
import io.quiver.venue.sim.BarFillSimulator;
import java.math.BigDecimal;
import org.osgi.service.component.annotations.Component;

/** Builds the bar-fill venue: {@code fee.bps}, basis points of the notional (default 0). Also a {@link java.util.ServiceLoader} provider. */
@Component(service = VenueFactory.class, property = VenueFactory.TYPE_PROPERTY + "=sim")
public final class SimVenueFactory implements VenueFactory {
    /** What the venue is built from; the default methods give the defaults. */
    public interface Settings {
        /** Basis points of the notional, at least 0. */
        default BigDecimal fee_bps() {
            return BigDecimal.ZERO;
        }
    }

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
        Settings s = TypedSettings.of(Settings.class, setup.settings(), "venue " + type());
        if (s.fee_bps().signum() < 0) {
            throw new TypedSettings.SettingException("fee.bps", "must be at least 0, was " + s.fee_bps().toPlainString());
        }
        BarFillSimulator venue = new BarFillSimulator(setup.id(), s.fee_bps(), setup.store());
        setup.instruments().forEach(venue::addInstrument);
        return venue;
    }
}
