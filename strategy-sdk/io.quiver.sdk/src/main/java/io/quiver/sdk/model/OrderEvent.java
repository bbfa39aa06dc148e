package io.quiver.sdk.model;

import java.time.Instant;

/** Something that happened to an order. One record type per event. */
public sealed interface OrderEvent permits OrderEvent.Accepted, OrderEvent.Rejected, OrderEvent.Filled,
        OrderEvent.Cancelled, OrderEvent.Expired {

    ClientOrderId orderId();

    Instant time();

    /** The venue took the order. */
    record Accepted(ClientOrderId orderId, Instant time) implements OrderEvent {
    }

    /** The order was refused; {@code reasonCode} is stable and machine readable, {@code message} says why. */
    record Rejected(ClientOrderId orderId, Instant time, String reasonCode, String message) implements OrderEvent {
    }

    /** (Part of) the order was executed. */
    record Filled(ClientOrderId orderId, Instant time, Fill fill, OrderStatus statusAfter) implements OrderEvent {
    }

    /** The order was cancelled before it was fully filled. */
    record Cancelled(ClientOrderId orderId, Instant time, String reason) implements OrderEvent {
    }

    /** The order's time in force ran out. */
    record Expired(ClientOrderId orderId, Instant time) implements OrderEvent {
    }
}
