package io.quiver.sdk.model;

/** Direction of an order or fill. */
public enum Side {
    BUY, SELL;

    /** +1 for a buy, -1 for a sell. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
