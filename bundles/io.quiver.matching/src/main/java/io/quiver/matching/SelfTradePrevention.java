package io.quiver.matching;

/** What happens when an incoming order would trade with a resting order of the same account. */
public enum SelfTradePrevention {
    /** They trade. */
    NONE,
    /** The incoming order's remainder is cancelled; the resting order stays. */
    CANCEL_NEWEST,
    /** The resting order is cancelled; the incoming order goes on matching. */
    CANCEL_OLDEST,
    /** Both are cancelled. */
    CANCEL_BOTH
}
