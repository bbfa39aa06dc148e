package io.quiver.sdk.model;

import java.time.Instant;

/** Best bid and ask at a point in time; a side the source did not give (a blank field) is null, with its size. */
public record Quote(InstrumentId instrument, Instant time, Price bid, Price ask, Qty bidSize, Qty askSize) {
}
