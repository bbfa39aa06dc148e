package io.quiver.sdk;

import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.TradingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * When a repeating timer fires ({@link StrategyContext#schedule}): by a cron expression in a time zone,
 * or at an offset from the open or close of an instrument's trading sessions. Times are those of the
 * strategy's clock, simulated in backtests.
 */
@FunctionalInterface
public interface Schedule {
    /** The first time strictly after {@code after} at which the timer fires, or null if it never does again. */
    Instant next(Instant after);

    /**
     * A cron expression of five fields, minute hour day-of-month month day-of-week, in {@code zone}:
     * each field {@code *}, a number, a range {@code a-b}, a step {@code *}{@code /n} or {@code a-b/n}, or a
     * comma-separated list of these; months and days may be named ({@code JAN}, {@code MON}); day of week 0
     * or 7 is Sunday. When both day fields are restricted, a day matching either fires (as cron does).
     * E.g. {@code 55 15 * * MON-FRI}: 15:55 on weekdays.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    static Schedule cron(String expression, ZoneId zone) {
        return new CronSchedule(expression, zone);
    }

    /** {@code offset} after each session opens (negative: before), on the instrument's trading days. */
    static Schedule atOpen(Instrument instrument, Duration offset) {
        return atOpen(instrument.hours(), offset);
    }

    /** {@code offset} after each session closes (negative: before, e.g. five minutes before the close). */
    static Schedule atClose(Instrument instrument, Duration offset) {
        return atClose(instrument.hours(), offset);
    }

    static Schedule atOpen(TradingHours hours, Duration offset) {
        return after -> hours.nextOpen(after.minus(offset)).plus(offset);
    }

    static Schedule atClose(TradingHours hours, Duration offset) {
        return after -> hours.nextClose(after.minus(offset)).plus(offset);
    }
}
