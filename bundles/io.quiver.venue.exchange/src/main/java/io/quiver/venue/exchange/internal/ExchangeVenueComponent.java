package io.quiver.venue.exchange.internal;

import io.quiver.oms.JournalStore;
import io.quiver.sdk.spi.MarketDataFeed;
import io.quiver.sdk.spi.Venue;
import io.quiver.sdk.spi.VenueSetup;
import io.quiver.venue.exchange.ExchangeBooks;
import io.quiver.venue.exchange.ExchangeMarketDataListener;
import io.quiver.venue.exchange.ExchangeVenue;
import java.util.List;
import java.util.HashMap;
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
 * Builds the simulated exchange from its configuration with {@link ExchangeVenueFactory}, the factory
 * backtests use, and registers the {@link ExchangeVenue} itself as
 * the venue service ({@code venue = exchange}), so that paper trading uses every capability a backtest
 * uses (native stops, modify, batching, reconciliation) with no forwarding to get wrong. It trades every
 * instrument of every feed and keeps its inputs in the journal {@code venue-exchange}, so its books,
 * resting orders included, survive restarts and kill -9; a clean stop leaves a snapshot.
 */
// The service is registered by hand, so the bundle declares it for the resolver itself.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.quiver.sdk.spi.Venue,io.quiver.venue.exchange.ExchangeBooks\"")
@Component(service = {}, configurationPid = "io.quiver.venue.exchange")
@Designate(ocd = ExchangeVenueComponent.Config.class)
public final class ExchangeVenueComponent {

    @ObjectClassDefinition(name = "Quiver simulated exchange", description = "A real order book per instrument with simulated liquidity")
    public @interface Config {
        @AttributeDefinition(description = "Market maker levels each side")
        int levels() default 5;

        @AttributeDefinition(description = "Lots per market maker level")
        long level_lots() default 100;

        @AttributeDefinition(description = "Noise traders trade 0 to 2 x this many lots at each bar's high and low")
        long noise_lots() default 300;

        @AttributeDefinition(description = "Seed of the market simulation")
        long seed() default 42;

        @AttributeDefinition(description = "Market order protection band, in ticks")
        long band_ticks() default 50;

        @AttributeDefinition(description = "Self-trade prevention: NONE, CANCEL_NEWEST, CANCEL_OLDEST, CANCEL_BOTH")
        String self_trade() default "CANCEL_NEWEST";

        @AttributeDefinition(description = "Self-trade prevention per account: <strategy id>:<mode>, comma-separated")
        String[] account_self_trade() default {};

        @AttributeDefinition(description = "Default maker fee in millionths of the notional (1 bp = 100)")
        long maker_rate() default 0;

        @AttributeDefinition(description = "Default taker fee in millionths of the notional")
        long taker_rate() default 0;

        @AttributeDefinition(description = "Fee tiers per account: <strategy id>:<maker rate>:<taker rate>, comma-separated")
        String[] account_fees() default {};
    }

    private final ExchangeVenue venue;
    private final ServiceRegistration<?> registration;

    @Activate
    public ExchangeVenueComponent(Config c, @Reference JournalStore journals, BundleContext context) {
        Map<String, String> settings = new HashMap<>();
        settings.put("levels", Integer.toString(c.levels()));
        settings.put("level.lots", Long.toString(c.level_lots()));
        settings.put("noise.lots", Long.toString(c.noise_lots()));
        settings.put("seed", Long.toString(c.seed()));
        settings.put("band.ticks", Long.toString(c.band_ticks()));
        settings.put("self.trade", c.self_trade());
        settings.put("account.self.trade", String.join(",", c.account_self_trade()));
        settings.put("maker.rate", Long.toString(c.maker_rate()));
        settings.put("taker.rate", Long.toString(c.taker_rate()));
        settings.put("account.fees", String.join(",", c.account_fees()));
        this.venue = new ExchangeVenueFactory().create(new VenueSetup("exchange", settings, List.of(), journals.open("venue-exchange")));
        this.registration = context.registerService(new String[] {Venue.class.getName(), ExchangeBooks.class.getName()}, venue,
                new java.util.Hashtable<>(Map.of(Venue.ID_PROPERTY, venue.id())));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFeed(MarketDataFeed feed) {
        feed.instruments().forEach(venue::addInstrument);
    }

    void removeFeed(MarketDataFeed feed) {
        // Books stay: orders resting in them keep their rules until cancelled.
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addMarketDataListener(ExchangeMarketDataListener listener) {
        venue.addMarketDataListener(listener);
    }

    void removeMarketDataListener(ExchangeMarketDataListener listener) {
        venue.removeMarketDataListener(listener);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        venue.close();
        venue.compact();
    }

    /** The venue this component registered: the object the runtime trades with. */
    ExchangeVenue venue() {
        return venue;
    }
}
