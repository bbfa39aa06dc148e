package io.quiver.venue.sim;

/** Stable reason codes of the simulated venue's rejections. */
public final class RejectReason {
    public static final String UNKNOWN_INSTRUMENT = "UNKNOWN_INSTRUMENT";
    public static final String INVALID_QUANTITY = "INVALID_QUANTITY";
    public static final String INVALID_PRICE = "INVALID_PRICE";
    public static final String DUPLICATE_ORDER_ID = "DUPLICATE_ORDER_ID";
    public static final String UNSUPPORTED_ORDER_TYPE = "UNSUPPORTED_ORDER_TYPE";
    /** A modification asked to change more than quantity and prices. */
    public static final String NOT_AMENDABLE = "NOT_AMENDABLE";

    private RejectReason() {
    }
}
