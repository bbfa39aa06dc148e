package io.quiver.sdk.model;

/**
 * Where an order is in its life. Terminal states never change again. {@code TRIGGERED} is a stop,
 * stop-limit or trailing stop whose trigger price was reached: it now works as a market or limit order.
 */
public enum OrderStatus {
    NEW, ACCEPTED, TRIGGERED, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED, EXPIRED;

    public boolean isTerminal() {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == EXPIRED;
    }

    public boolean isOpen() {
        return !isTerminal();
    }
}
