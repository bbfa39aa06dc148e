package io.quiver.sdk.spi;

import io.quiver.sdk.model.OrderEvent;
import org.osgi.annotation.versioning.ProviderType;

/** The platform's side of a venue connection: receives every order event the venue produces. */
@ProviderType
public interface ExecutionListener {

    void onOrderEvent(OrderEvent event);
}
