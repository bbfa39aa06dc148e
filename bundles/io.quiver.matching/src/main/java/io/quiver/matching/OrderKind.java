package io.quiver.matching;

/** How an order is priced. */
public enum OrderKind {
    /** Rests at its price; takes liquidity at its price or better. */
    LIMIT,
    /** Takes liquidity up to the protection band around the best opposite price; never rests. */
    MARKET,
    /** Becomes a MARKET order when the last trade price reaches its stop price. */
    STOP,
    /** Becomes a LIMIT order at its price when the last trade price reaches its stop price. */
    STOP_LIMIT
}
