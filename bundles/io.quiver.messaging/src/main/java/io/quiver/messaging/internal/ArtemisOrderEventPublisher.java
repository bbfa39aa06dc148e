package io.quiver.messaging.internal;

import io.quiver.engine.OrderEventListener;
import io.quiver.messaging.Addresses;
import io.quiver.sdk.model.OrderEvent;
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
 * Publishes every order event of every live instance on {@code quiver.orders.<id>}, and fills also on
 * {@code quiver.fills.<id>}, through the broker's in-VM acceptor. Messages are not durable: the
 * broker is a live distribution channel here, not the record of orders.
 */
@Component(service = OrderEventListener.class, immediate = true)
public final class ArtemisOrderEventPublisher implements OrderEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(ArtemisOrderEventPublisher.class);

    private final InVmProducer producer;

    /** The broker reference only orders start-up: the in-VM acceptor exists once the server service is there. */
    @Activate
    public ArtemisOrderEventPublisher(@Reference ActiveMQServer broker) throws Exception {
        producer = new InVmProducer();
        LOG.info("publishing order events on {}.# and fills on {}.# of broker {}", Addresses.ORDER_EVENTS, Addresses.FILLS,
                broker.getConfiguration().getName());
    }

    @Override
    public synchronized void onOrderEvent(String strategyId, OrderEvent event) {
        String json = OrderEventJson.of(strategyId, event);
        try {
            send(Addresses.orderEvents(strategyId), strategyId, event, json);
            if (event instanceof OrderEvent.Filled) {
                send(Addresses.fills(strategyId), strategyId, event, json);
            }
        } catch (ActiveMQException | IllegalArgumentException e) {
            LOG.warn("could not publish {} of {}: {}", event.getClass().getSimpleName(), strategyId, e.getMessage());
        }
    }

    private void send(String address, String strategyId, OrderEvent event, String json) throws ActiveMQException {
        producer.send(address, json, Map.of(Addresses.PROPERTY_STRATEGY, strategyId, Addresses.PROPERTY_EVENT, event.getClass().getSimpleName()));
    }

    @Deactivate
    synchronized void deactivate() throws ActiveMQException {
        producer.close();
    }
}
