package io.quiver.sdk.model;

import java.time.Instant;

/** One execution of (part of) an order; {@code executionId} is unique per venue. */
public record Fill(ClientOrderId orderId, String executionId, String strategyId, InstrumentId instrument, Side side,
        Qty quantity, Price price, Money fee, Instant time) {

    /** Quantity with the side's sign: positive for buys, negative for sells. */
    public Qty signedQuantity() {
        return side == Side.BUY ? quantity : quantity.negate();
    }
}
