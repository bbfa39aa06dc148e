package io.quiver.messaging.internal;

import io.quiver.messaging.Addresses;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.venue.exchange.ExchangeMarketDataListener;
import java.time.Instant;
import java.util.Map;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the simulated exchange's trade prints on {@code quiver.md.trades.<venue>.<symbol>} and its
 * depth updates on {@code quiver.md.depth.<venue>.<symbol>}: JSON
 * {@code {"venue","instrument","sequence","side","price","size","orders"}} with the sequence also as the
 * {@code quiverSequence} property, so a subscriber can see gaps and resync (in-process through
 * ExchangeBooks.replaySince, else from a snapshot).
 */
@Component(service = ExchangeMarketDataListener.class, immediate = true)
public final class ArtemisMarketDataPublisher implements ExchangeMarketDataListener {
    /** Message property with the update's sequence number. */
    public static final String PROPERTY_SEQUENCE = "quiverSequence";
    private static final Logger LOG = LoggerFactory.getLogger(ArtemisMarketDataPublisher.class);

    private final InVmProducer producer;

    @Activate
    public ArtemisMarketDataPublisher(@Reference ActiveMQServer broker) throws Exception {
        producer = new InVmProducer();
    }

    @Override
    public synchronized void levelChanged(String venue, InstrumentId instrument, long sequence, Side side, Price price, Qty totalSize,
            int orders) {
        String json = "{\"venue\":\"" + venue + "\",\"instrument\":\"" + quoted(instrument) + "\",\"sequence\":" + sequence
                + ",\"side\":\"" + side + "\",\"price\":" + price + ",\"size\":" + totalSize + ",\"orders\":" + orders + "}";
        send(Addresses.depth(venue, instrument.symbol()), json, sequence);
    }

    @Override
    public synchronized void traded(String venue, InstrumentId instrument, Instant time, Side aggressor, Price price, Qty size) {
        String json = "{\"venue\":\"" + venue + "\",\"instrument\":\"" + quoted(instrument) + "\",\"time\":\"" + time
                + "\",\"aggressor\":\"" + aggressor + "\",\"price\":" + price + ",\"size\":" + size + "}";
        send(Addresses.trades(venue, instrument.symbol()), json, -1);
    }

    private static String quoted(InstrumentId instrument) {
        return instrument.symbol().replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private void send(String address, String json, long sequence) {
        try {
            producer.send(address, json, sequence >= 0 ? Map.of(PROPERTY_SEQUENCE, sequence) : Map.of());
        } catch (ActiveMQException | IllegalArgumentException e) {
            LOG.warn("could not publish on {}: {}", address, e.getMessage());
        }
    }

    @Deactivate
    synchronized void deactivate() throws ActiveMQException {
        producer.close();
    }
}
