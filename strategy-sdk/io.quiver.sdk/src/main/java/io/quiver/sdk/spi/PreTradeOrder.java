package io.quiver.sdk.spi;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.OrderRequest;
import java.time.Instant;

/** A new order on its way to a venue, as the risk checks see it; {@code time} is the run's clock. */
public record PreTradeOrder(String strategyId, String venueId, ClientOrderId id, OrderRequest request, Instant time) {
}
