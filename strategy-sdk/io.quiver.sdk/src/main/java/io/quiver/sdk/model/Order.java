package io.quiver.sdk.model;

import java.time.Instant;

/**
 * A snapshot of one order as the platform knows it. {@code request} is the order as it stands now (after
 * any modification). {@code group} names the OCO or bracket the order belongs to (null if none);
 * {@code parent} is the entry order of a bracket's stop-loss and take-profit (null otherwise).
 * {@code workingStop} is the stop level in force (it moves for trailing stops; null for other types).
 */
public record Order(ClientOrderId id, String strategyId, OrderRequest request, OrderStatus status, Qty filledQuantity,
        Instant createdAt, Instant updatedAt, String group, ClientOrderId parent, Price workingStop) {

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
