package io.quiver.venue.sim.internal;

import io.quiver.oms.JournalStore;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.spi.ExecutionListener;
import io.quiver.sdk.spi.MarketDataFeed;
import io.quiver.sdk.spi.MarketDataListener;
import io.quiver.sdk.spi.ReconcilableVenue;
import io.quiver.sdk.spi.Venue;
import io.quiver.sdk.spi.VenueAccount;
import io.quiver.sdk.spi.VenueOrder;
import io.quiver.venue.sim.BarFillSimulator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The simulated venue as a service, for paper trading; it trades every instrument of every feed and keeps
 * its books in the journal {@code venue-sim}, so it survives restarts like a real broker would.
 */
@Component(service = Venue.class, configurationPid = "io.quiver.venue.sim", property = Venue.ID_PROPERTY + "=sim")
@Designate(ocd = SimVenueComponent.Config.class)
public final class SimVenueComponent implements ReconcilableVenue, MarketDataListener {

    @ObjectClassDefinition(name = "Quiver simulated venue", description = "Fills paper orders from the bars of the feeds")
    public @interface Config {
        @AttributeDefinition(description = "Fee in basis points of the notional, e.g. 1.5")
        String fee_bps() default "0";
    }

    private final BarFillSimulator simulator;

    @Activate
    public SimVenueComponent(Config config, @Reference JournalStore journals) {
        BigDecimal fee;
        try {
            fee = new BigDecimal(config.fee_bps().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fee.bps: '" + config.fee_bps() + "' is not a decimal number");
        }
        if (fee.signum() < 0) {
            throw new IllegalArgumentException("fee.bps: must not be negative, was " + fee);
        }
        this.simulator = new BarFillSimulator("sim", fee, journals.open("venue-sim"));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFeed(MarketDataFeed feed) {
        feed.instruments().forEach(simulator::addInstrument);
    }

    void removeFeed(MarketDataFeed feed) {
        // Instruments stay tradable: orders resting on them keep their rules until cancelled.
    }

    @Override
    public String id() {
        return simulator.id();
    }

    @Override
    public void open(ExecutionListener listener) {
        simulator.open(listener);
    }

    @Override
    public void submit(String account, ClientOrderId orderId, OrderRequest request, Instant time) {
        simulator.submit(account, orderId, request, time);
    }

    @Override
    public void cancel(ClientOrderId orderId, Instant time) {
        simulator.cancel(orderId, time);
    }

    @Override
    public boolean supportsNatively(OrderType type) {
        return simulator.supportsNatively(type);
    }

    @Override
    public boolean supportsModify() {
        return simulator.supportsModify();
    }

    @Override
    public void modify(ClientOrderId orderId, OrderRequest amended, Instant time) {
        simulator.modify(orderId, amended, time);
    }

    @Override
    public void close() {
        simulator.close();
    }

    @Override
    public void onBar(Bar bar) {
        simulator.onBar(bar);
    }

    @Override
    public void openAccount(String account, Money startingCash) {
        simulator.openAccount(account, startingCash);
    }

    @Override
    public List<VenueOrder> openOrders(String account) {
        return simulator.openOrders(account);
    }

    @Override
    public Optional<VenueOrder> order(ClientOrderId orderId) {
        return simulator.order(orderId);
    }

    @Override
    public List<Fill> fillsSince(String account, Instant since) {
        return simulator.fillsSince(account, since);
    }

    @Override
    public VenueAccount account(String account) {
        return simulator.account(account);
    }
}
