package io.quiver.matching;

/** Why (the rest of) an order left the book without trading. */
public enum CancelReason {
    /** Cancelled by a cancel command. */
    REQUESTED,
    /** The unfilled rest of an IOC or market order (or of a market order stopped by its band). */
    UNFILLED_REMAINDER,
    /** A FOK order that could not fill its whole size. */
    FILL_OR_KILL,
    /** Self-trade prevention. */
    SELF_TRADE,
    /** A DAY order at the end of the day. */
    EXPIRED
}
