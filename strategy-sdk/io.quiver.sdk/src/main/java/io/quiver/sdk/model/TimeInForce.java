package io.quiver.sdk.model;

/** How long an order stays working. */
public enum TimeInForce {
    /** Until the end of the trading day it was entered on (UTC calendar day in this version). */
    DAY,
    /** Until filled or cancelled. */
    GTC,
    /** Fill what can be filled at the first opportunity, cancel the rest. */
    IOC,
    /** Fill the whole quantity at the first opportunity or cancel it all. */
    FOK
}
