package io.quiver.messaging.internal;

import java.util.Map;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;

/**
 * A producer on the embedded broker's in-VM acceptor that sends non-durable, multicast JSON text
 * messages (readable as JMS TextMessages). Not thread-safe: callers synchronise.
 */
final class InVmProducer implements AutoCloseable {
    private final ServerLocator locator;
    private final ClientSessionFactory factory;
    private final ClientSession session;
    private final ClientProducer producer;

    InVmProducer() throws Exception {
        locator = ActiveMQClient.createServerLocator("vm://0");
        factory = locator.createSessionFactory();
        session = factory.createSession(true, true);
        producer = session.createProducer();
    }

    /** Sends {@code json} to {@code address} with string or long properties. */
    void send(String address, String json, Map<String, Object> properties) throws ActiveMQException {
        ClientMessage m = session.createMessage(Message.TEXT_TYPE, false);
        m.getBodyBuffer().writeNullableSimpleString(SimpleString.of(json));
        for (Map.Entry<String, Object> p : properties.entrySet()) {
            if (p.getValue() instanceof Long l) {
                m.putLongProperty(p.getKey(), l);
            } else {
                m.putStringProperty(p.getKey(), String.valueOf(p.getValue()));
            }
        }
        m.setRoutingType(RoutingType.MULTICAST);
        producer.send(SimpleString.of(address), m);
    }

    @Override
    public void close() throws ActiveMQException {
        producer.close();
        session.close();
        factory.close();
        locator.close();
    }
}
