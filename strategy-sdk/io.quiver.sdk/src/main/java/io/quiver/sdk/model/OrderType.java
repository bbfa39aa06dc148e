package io.quiver.sdk.model;

/** How an order is priced. */
public enum OrderType {
    /** Fill at the next available price. */
    MARKET,
    /** Fill at the limit price or better. */
    LIMIT,
    /** Becomes a market order once the market trades through the stop price. */
    STOP
}
