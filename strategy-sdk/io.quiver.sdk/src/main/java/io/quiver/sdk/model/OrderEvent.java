package io.quiver.sdk.model;

import java.time.Instant;

/** Something that happened to an order. One record type per event. */
public sealed interface OrderEvent permits OrderEvent.Accepted, OrderEvent.Rejected, OrderEvent.Triggered, OrderEvent.Filled,
        OrderEvent.Modified, OrderEvent.ModifyRejected, OrderEvent.Cancelled, OrderEvent.Expired {

    ClientOrderId orderId();

    Instant time();

    /** The venue (or, for an emulated type, the order manager) took the order. */
    record Accepted(ClientOrderId orderId, Instant time) implements OrderEvent {
    }

    /** The order was refused; {@code reasonCode} is stable and machine readable, {@code message} says why. */
    record Rejected(ClientOrderId orderId, Instant time, String reasonCode, String message) implements OrderEvent {
    }

    /** A stop, stop-limit or trailing stop reached its trigger at {@code price}; it now works as a market or limit order. */
    record Triggered(ClientOrderId orderId, Instant time, Price price) implements OrderEvent {
    }

    /** (Part of) the order was executed. */
    record Filled(ClientOrderId orderId, Instant time, Fill fill, OrderStatus statusAfter) implements OrderEvent {
    }

    /** The order's quantity or prices were changed; the fields hold the order's values after the change. */
    record Modified(ClientOrderId orderId, Instant time, Qty quantity, Price limitPrice, Price stopPrice) implements OrderEvent {
    }

    /** A modification was refused; the order works on unchanged. */
    record ModifyRejected(ClientOrderId orderId, Instant time, String reasonCode, String message) implements OrderEvent {
    }

    /** The order was cancelled before it was fully filled. */
    record Cancelled(ClientOrderId orderId, Instant time, String reason) implements OrderEvent {
    }

    /** The order's time in force ran out. */
    record Expired(ClientOrderId orderId, Instant time) implements OrderEvent {
    }
}
