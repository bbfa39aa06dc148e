package io.quiver.sdk.model;

import java.time.Instant;

/** A trade printed by the market (not necessarily ours). */
public record Trade(InstrumentId instrument, Instant time, Price price, Qty size) {
}
