package io.quiver.feed.csv.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Turns the date/time fields of a row into epoch nanoseconds (UTC). Remembers the last date text so that
 * intraday files, where the date repeats on every row, parse it once per day.
 */
public final class TimestampParser {
    private final String epochUnit;
    private final DateTimeFormatter datetimeFormat;
    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter timeFormat;
    private final ZoneId zone;
    private String lastDateText;
    private LocalDate lastDate;

    /**
     * @param datetimeFormat a pattern, an {@code epoch-*} unit, or null for ISO local date-time
     */
    public TimestampParser(String datetimeFormat, String dateFormat, String timeFormat, ZoneId zone, boolean epoch) {
        this.epochUnit = epoch ? datetimeFormat : null;
        this.datetimeFormat = epoch || datetimeFormat == null ? null : DateTimeFormatter.ofPattern(datetimeFormat, Locale.ROOT);
        this.dateFormat = DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT);
        this.timeFormat = DateTimeFormatter.ofPattern(timeFormat, Locale.ROOT);
        this.zone = zone;
    }

    /** Parses a single datetime field. */
    public long parseDateTime(String text) {
        if (epochUnit != null) {
            return parseEpoch(text);
        }
        LocalDateTime t;
        if (datetimeFormat != null) {
            t = LocalDateTime.parse(text, datetimeFormat);
        } else {
            t = LocalDateTime.parse(text.indexOf(' ') > 0 ? text.replace(' ', 'T') : text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        return toNanos(t);
    }

    /** Parses a date field. */
    public LocalDate parseDate(String text) {
        if (!text.equals(lastDateText)) {
            lastDate = LocalDate.parse(text, dateFormat);
            lastDateText = text;
        }
        return lastDate;
    }

    /** Parses a time-of-day field. */
    public LocalTime parseTime(String text) {
        return LocalTime.parse(text, timeFormat);
    }

    /** The instant of a local date and time in the parser's zone, in epoch nanoseconds. */
    public long toNanos(LocalDate date, LocalTime time) {
        return toNanos(LocalDateTime.of(date, time));
    }

    private long toNanos(LocalDateTime t) {
        var instant = t.atZone(zone).toInstant();
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private long parseEpoch(String text) {
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new DateTimeParseException("'" + text + "' is not a whole number of " + epochUnit.substring(6), text, 0);
        }
        return switch (epochUnit) {
            case "epoch-seconds" -> Math.multiplyExact(v, 1_000_000_000L);
            case "epoch-millis" -> Math.multiplyExact(v, 1_000_000L);
            case "epoch-micros" -> Math.multiplyExact(v, 1_000L);
            default -> v;
        };
    }
}
