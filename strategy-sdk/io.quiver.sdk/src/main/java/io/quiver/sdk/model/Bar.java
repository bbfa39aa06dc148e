package io.quiver.sdk.model;

import java.time.Instant;

/**
 * An OHLCV bar. {@code time} is the end of the bar's interval, when it closed: the engine delivers the
 * bar when its clock reaches that time, never earlier, so nothing sees a close before it happened (a
 * data file that labels bars with their start is read with its times moved on by the bar's length).
 */
public record Bar(InstrumentId instrument, Instant time, Price open, Price high, Price low, Price close, Qty volume) {
}
