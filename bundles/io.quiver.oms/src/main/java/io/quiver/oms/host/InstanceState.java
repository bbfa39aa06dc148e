package io.quiver.oms.host;

/** Life of a strategy instance. */
public enum InstanceState {
    /** Known, not started yet (waiting for its feed or venue, or stopped by the operator before start). */
    CREATED,
    RUNNING,
    STOPPED,
    /** Stopped by the engine after repeated faults; see the instance's reason. */
    QUARANTINED,
    /** Could not start: its configuration is invalid; see the reason. */
    FAILED
}
