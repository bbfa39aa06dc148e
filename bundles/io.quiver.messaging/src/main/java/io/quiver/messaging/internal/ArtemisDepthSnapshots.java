package io.quiver.messaging.internal;

import io.quiver.messaging.Addresses;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.venue.exchange.ExchangeBooks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * About every second, publishes each book's whole depth on {@code quiver.md.snapshot.<venue>.<symbol>}
 * with the sequence it is as of ({@code quiverSequence}): a depth subscriber that sees a gap buffers
 * the updates, takes the next snapshot and drops the buffered updates at or below its sequence.
 */
@Component(immediate = true)
public final class ArtemisDepthSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(ArtemisDepthSnapshots.class);

    private final ExchangeBooks books;
    private final InVmProducer producer;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "quiver-depth-snapshots"));

    @Activate
    public ArtemisDepthSnapshots(@Reference ActiveMQServer broker, @Reference ExchangeBooks books) throws Exception {
        this.books = books;
        producer = new InVmProducer();
        timer.scheduleAtFixedRate(this::publishAll, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void publishAll() {
        try {
            for (InstrumentId instrument : books.instruments()) {
                ExchangeBooks.Depth d = books.depth(instrument, Integer.MAX_VALUE);
                producer.send(Addresses.depthSnapshots("exchange", instrument.symbol()), json(d),
                        Map.of(ArtemisMarketDataPublisher.PROPERTY_SEQUENCE, d.sequence()));
            }
        } catch (ActiveMQException | RuntimeException e) {
            LOG.warn("could not publish depth snapshots: {}", e.getMessage());
        }
    }

    static String json(ExchangeBooks.Depth d) {
        StringBuilder b = new StringBuilder("{\"instrument\":\"").append(d.instrument().symbol().replace("\"", "\\\"")).append("\",\"sequence\":")
                .append(d.sequence()).append(",\"bids\":");
        levels(b, d.bids());
        b.append(",\"asks\":");
        levels(b, d.asks());
        return b.append('}').toString();
    }

    private static void levels(StringBuilder b, List<ExchangeBooks.Level> levels) {
        b.append('[');
        for (int i = 0; i < levels.size(); i++) {
            ExchangeBooks.Level l = levels.get(i);
            b.append(i == 0 ? "" : ",").append("{\"price\":").append(l.price()).append(",\"size\":").append(l.totalSize())
                    .append(",\"orders\":").append(l.orders()).append('}');
        }
        b.append(']');
    }

    @Deactivate
    synchronized void deactivate() throws ActiveMQException {
        timer.shutdownNow();
        producer.close();
    }
}
