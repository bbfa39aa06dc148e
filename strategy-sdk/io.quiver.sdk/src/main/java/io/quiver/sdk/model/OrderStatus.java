package io.quiver.sdk.model;

/**
 * Where an order is in its life. Terminal states never change again. {@code TRIGGERED} is a stop,
 * stop-limit or trailing stop whose trigger price was reached: it now works as a market or limit order.
 * {@code PENDING_CANCEL} is an order at its venue with a cancel on the way: it is still open, and fills
 * that arrive before the venue confirms the cancel are booked (it ends FILLED, or CANCELLED with what
 * filled).
 */
public enum OrderStatus {
    NEW, ACCEPTED, TRIGGERED, PARTIALLY_FILLED, PENDING_CANCEL, FILLED, CANCELLED, REJECTED, EXPIRED;

    public boolean isTerminal() {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == EXPIRED;
    }

    public boolean isOpen() {
        return !isTerminal();
    }
}
