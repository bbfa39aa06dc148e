package io.quiver.sdk.model;

import java.time.Instant;

/** A timer the strategy scheduled has fired; {@code name} is the name it was scheduled under. */
public record TimerEvent(String name, Instant time) {
}
