package io.quiver.sdk.model;

/** Where an order is in its life. Terminal states never change again. */
public enum OrderStatus {
    NEW, ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED, EXPIRED;

    public boolean isTerminal() {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == EXPIRED;
    }

    public boolean isOpen() {
        return !isTerminal();
    }
}
