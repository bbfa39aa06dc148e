package io.quiver.matching;

/** Why a command was refused. The book is unchanged by a refused command. */
public enum RejectReason {
    /** The order id is already in use by an order in the book. */
    DUPLICATE_ORDER_ID,
    /** No order with this id is in the book (cancel or amend). */
    UNKNOWN_ORDER,
    /** The size is zero, negative or not a multiple of the lot size. */
    INVALID_SIZE,
    /** A price is zero, negative or not a multiple of the tick size. */
    INVALID_PRICE,
    /** A post-only order (or amend) would have traded on arrival. */
    POST_ONLY_WOULD_TAKE,
    /** A market order found no opposite liquidity to anchor its protection band. */
    NO_LIQUIDITY,
    /** The combination is not supported: e.g. a post-only market order, a FOK stop, amending a pending stop. */
    NOT_SUPPORTED
}
