package io.quiver.risk;

import java.time.Instant;

/** The kill switch as it stands: thrown (by whom, when, why) or not. */
public record KillSwitchState(boolean killed, Instant since, String by, String reason) {
    public static final KillSwitchState OFF = new KillSwitchState(false, null, null, null);
}
