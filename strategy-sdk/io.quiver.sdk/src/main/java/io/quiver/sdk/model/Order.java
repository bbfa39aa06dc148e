package io.quiver.sdk.model;

import java.time.Instant;

/** A snapshot of one order as the platform knows it. */
public record Order(ClientOrderId id, String strategyId, OrderRequest request, OrderStatus status, Qty filledQuantity,
        Instant createdAt, Instant updatedAt) {

    public Qty leavesQuantity() {
        return status.isTerminal() ? Qty.ZERO : request.quantity().minus(filledQuantity);
    }

    public InstrumentId instrument() {
        return request.instrument();
    }

    public Side side() {
        return request.side();
    }
}
