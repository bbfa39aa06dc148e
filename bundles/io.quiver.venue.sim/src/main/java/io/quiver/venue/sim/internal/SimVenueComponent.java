package io.quiver.venue.sim.internal;

import io.quiver.oms.JournalStore;
import io.quiver.sdk.spi.MarketDataFeed;
import io.quiver.sdk.spi.Venue;
import io.quiver.venue.sim.BarFillSimulator;
import io.quiver.sdk.spi.VenueSetup;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Builds the simulated venue for paper trading with {@link SimVenueFactory}, the factory backtests use,
 * and registers the
 * {@link BarFillSimulator} itself as the venue service ({@code venue = sim}), so that paper trading gets
 * every capability a backtest gets (native stops, modify, batching, reconciliation) with no forwarding to
 * get wrong. It trades every instrument of every feed and keeps its books in the journal {@code venue-sim},
 * so it survives restarts like a real broker would.
 */
// The service is registered by hand, so the bundle declares it for the resolver itself.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.quiver.sdk.spi.Venue\"")
@Component(service = {}, configurationPid = "io.quiver.venue.sim")
@Designate(ocd = SimVenueComponent.Config.class)
public final class SimVenueComponent {

    @ObjectClassDefinition(name = "Quiver simulated venue", description = "Fills paper orders from the bars of the feeds")
    public @interface Config {
        @AttributeDefinition(description = "Fee in basis points of the notional, e.g. 1.5")
        String fee_bps() default "0";
    }

    private final BarFillSimulator simulator;
    private final ServiceRegistration<?> registration;

    @Activate
    public SimVenueComponent(Map<String, Object> properties, @Reference JournalStore journals, BundleContext context) {
        this.simulator = new SimVenueFactory().create(new VenueSetup("sim", settings(properties), List.of(), journals.open("venue-sim")));
        this.registration = context.registerService(Venue.class, simulator, new Hashtable<>(Map.of(Venue.ID_PROPERTY, simulator.id())));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFeed(MarketDataFeed feed) {
        feed.instruments().forEach(simulator::addInstrument);
    }

    void removeFeed(MarketDataFeed feed) {
        // Instruments stay tradable: orders resting on them keep their rules until cancelled.
    }

    /** The venue's keys of its configuration, as text; what the framework adds is left out, a misspelt key is not. */
    static Map<String, String> settings(Map<String, Object> properties) {
        Map<String, String> settings = new java.util.TreeMap<>();
        properties.forEach((k, v) -> {
            boolean framework = k.startsWith("service.") || k.startsWith("component.") || k.startsWith("felix.") || k.startsWith("osgi.")
                    || k.equals("objectClass");
            if (!framework && v != null) {
                settings.put(k, v.toString());
            }
        });
        return settings;
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        simulator.close();
    }

    /** The venue this component registered: the object the runtime trades with. */
    BarFillSimulator venue() {
        return simulator;
    }
}
