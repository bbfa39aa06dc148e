package io.quiver.engine;

import io.quiver.sdk.model.OrderEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: every service of this type is told each order event of every live instance, after the
 * instance's books are updated. Called from the instance's thread: return quickly.
 */
@ConsumerType
public interface OrderEventListener {

    void onOrderEvent(String strategyId, OrderEvent event);
}
