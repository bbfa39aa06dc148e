package io.quiver.risk;

/** What a scope (the runtime, or one strategy instance) may still do. */
public enum TradingState {
    /** Orders pass the checks as usual. */
    ACTIVE,
    /** Only orders that reduce a position pass. */
    REDUCING,
    /** No new order passes; cancels do. */
    HALTED,
    /** The kill switch: no new order passes until an administrator resets it; survives restarts. */
    KILLED
}
