package io.quiver.oms;

import io.quiver.sdk.model.OrderEvent;
import org.osgi.annotation.versioning.ConsumerType;

/** Receives the events of one strategy's orders, after they are journaled and committed, in order. */
@ConsumerType
@FunctionalInterface
public interface OrderEventSink {
    void onOrderEvent(OrderEvent event);
}
