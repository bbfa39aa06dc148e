package io.quiver.matching;

/** How long an order works. */
public enum TimeInForce {
    /** Until filled or cancelled. */
    GTC,
    /** Until {@link OrderBook#expireDay()}. */
    DAY,
    /** Fills what it can at once; the rest is cancelled. */
    IOC,
    /** Fills its whole size at once or nothing. */
    FOK
}
