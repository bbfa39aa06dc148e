package io.quiver.sdk.model;

/**
 * How an order is priced. Venues execute some types natively; the order manager emulates the others
 * from the market data the strategy sees (see {@code docs/orders.md}), so every type works on every venue.
 */
public enum OrderType {
    /** Fill at the next available price. */
    MARKET,
    /** Fill at the limit price or better. */
    LIMIT,
    /** Becomes a market order once the market trades through the stop price. */
    STOP,
    /** Becomes a limit order at the limit price once the market trades through the stop price. */
    STOP_LIMIT,
    /**
     * A stop whose stop price follows the market at a fixed distance (an amount or a percentage): up for
     * sells as the market rises, down for buys as it falls, never back. Becomes a market order when hit.
     */
    TRAILING_STOP;

    /** True for the types that wait for a trigger price before they work as market or limit orders. */
    public boolean isTriggered() {
        return this == STOP || this == STOP_LIMIT || this == TRAILING_STOP;
    }
}
