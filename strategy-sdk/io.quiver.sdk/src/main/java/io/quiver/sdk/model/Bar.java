package io.quiver.sdk.model;

import java.time.Instant;

/**
 * An OHLCV bar. {@code time} is the bar's timestamp as the data source labels it; the engine delivers
 * the bar when its clock reaches that time, never earlier.
 */
public record Bar(InstrumentId instrument, Instant time, Price open, Price high, Price low, Price close, Qty volume) {
}
