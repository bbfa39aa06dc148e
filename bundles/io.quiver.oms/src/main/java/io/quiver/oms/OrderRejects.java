package io.quiver.oms;

/** The reason codes the order manager gives when it rejects an order or a modification. Venues add their own. */
public final class OrderRejects {
    public static final String INVALID_QUANTITY = "INVALID_QUANTITY";
    public static final String INVALID_PRICE = "INVALID_PRICE";
    /** An OCO or bracket whose parts do not fit together. */
    public static final String INVALID_GROUP = "INVALID_GROUP";
    public static final String VENUE_UNAVAILABLE = "VENUE_UNAVAILABLE";
    /** Orders to the venue are halted after a reconciliation found differences. */
    public static final String HALTED = "HALTED";
    /** The order is closed and cannot be changed. */
    public static final String ORDER_CLOSED = "ORDER_CLOSED";
    /** A change to an order whose cancel is on its way to the venue. */
    public static final String CANCEL_PENDING = "CANCEL_PENDING";
    /** The venue cannot do what was asked (e.g. modify a working order). */
    public static final String NOT_SUPPORTED = "NOT_SUPPORTED";
    /** Journaled before a crash but never received by the venue; not sent again after the restart. */
    public static final String NOT_SENT_BEFORE_RESTART = "NOT_SENT_BEFORE_RESTART";

    private OrderRejects() {
    }
}
