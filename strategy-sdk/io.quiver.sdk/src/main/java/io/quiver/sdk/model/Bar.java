package io.quiver.sdk.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * An OHLCV bar. {@code time} is the end of the bar's interval, when it closed: the engine delivers the
 * bar when its clock reaches that time, never earlier, so nothing sees a close before it happened (a
 * data file that labels bars with their start is read with its times moved on by the bar's length).
 */
public record Bar(InstrumentId instrument, Instant time, Price open, Price high, Price low, Price close, Qty volume) {

    /** The UTC date the bar belongs to: that of the last instant it covers (a daily bar closing at midnight is the day before's). */
    public LocalDate day() {
        return time.minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
