package io.quiver.sdk.spi;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Qty;

/** An order as a venue reports it for reconciliation. */
public record VenueOrder(String account, ClientOrderId id, OrderRequest request, OrderStatus status, Qty filledQuantity) {
}
