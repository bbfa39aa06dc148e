package io.quiver.oms;

/** What the order manager does with differences it finds between its books and a venue's. */
public enum ReconciliationPolicy {
    /** Take the venue's side for orders and fills (apply missed fills, close orders the venue closed) and carry on. */
    SYNC,
    /** Change nothing, block new orders to the venue and alert, until an operator reconciles with SYNC. */
    HALT
}
