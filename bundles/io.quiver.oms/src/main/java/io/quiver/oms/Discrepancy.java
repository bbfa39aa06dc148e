package io.quiver.oms;

/**
 * One difference found by a reconciliation: its {@code kind} (a stable code), the account and order it
 * concerns (order may be null), what the two sides said, and what was done about it.
 */
public record Discrepancy(String kind, String account, String orderId, String detail, String action) {

    /** A fill the venue made that the order manager had not booked. */
    public static final String MISSED_FILL = "MISSED_FILL";
    /** An order the order manager wrote down but the venue never received (it is not sent again). */
    public static final String NEVER_SENT = "NEVER_SENT";
    /** An order the venue took whose acknowledgement the order manager had not booked. */
    public static final String MISSED_ACK = "MISSED_ACK";
    /** An order the order manager thinks open but the venue has closed. */
    public static final String CLOSED_AT_VENUE = "CLOSED_AT_VENUE";
    /** An order the order manager thinks open but the venue does not know. */
    public static final String UNKNOWN_AT_VENUE = "UNKNOWN_AT_VENUE";
    /** An order working at the venue for this account that the order manager does not know. */
    public static final String UNKNOWN_ORDER = "UNKNOWN_ORDER";
    /** A fill at the venue for an order the order manager does not know. */
    public static final String UNKNOWN_FILL = "UNKNOWN_FILL";
    /** Positions differ after orders and fills were reconciled. */
    public static final String POSITION_MISMATCH = "POSITION_MISMATCH";
    /** Cash differs after orders and fills were reconciled. */
    public static final String CASH_MISMATCH = "CASH_MISMATCH";
}
