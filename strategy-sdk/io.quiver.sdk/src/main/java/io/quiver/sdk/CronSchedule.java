package io.quiver.sdk;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/** A parsed five-field cron expression; see {@link Schedule#cron}. */
final class CronSchedule implements Schedule {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** No expression fires less often than once in four years (29 February); look no further than that. */
    private static final int DAYS_TO_SEARCH = 366 * 4 + 1;

    private final String expression;
    private final ZoneId zone;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    CronSchedule(String expression, ZoneId zone) {
        this.expression = expression.trim();
        this.zone = zone;
        String[] f = this.expression.split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("cron '" + expression + "': five fields are needed (minute hour day-of-month month day-of-week), got "
                    + f.length);
        }
        minutes = field("minute", f[0], 0, 59, List.of(), 0);
        hours = field("hour", f[1], 0, 23, List.of(), 0);
        daysOfMonth = field("day of month", f[2], 1, 31, List.of(), 0);
        months = field("month", f[3], 1, 12, MONTHS, 1);
        BitSet dow = field("day of week", f[4], 0, 7, DAYS, 0);
        if (dow.get(7)) {
            dow.set(0);
        }
        daysOfWeek = dow;
        anyDayOfMonth = f[2].equals("*");
        anyDayOfWeek = f[4].equals("*");
    }

    @Override
    public Instant next(Instant after) {
        ZonedDateTime start = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate day = start.toLocalDate();
        for (int d = 0; d < DAYS_TO_SEARCH; d++, day = day.plusDays(1)) {
            if (!months.get(day.getMonthValue()) || !dayMatches(day)) {
                continue;
            }
            int fromHour = d == 0 ? start.getHour() : 0;
            for (int h = hours.nextSetBit(fromHour); h >= 0; h = hours.nextSetBit(h + 1)) {
                int fromMinute = d == 0 && h == start.getHour() ? start.getMinute() : 0;
                int m = minutes.nextSetBit(fromMinute);
                if (m >= 0) {
                    // a time a clock change skips is moved on by the gap, as ZonedDateTime does
                    Instant t = ZonedDateTime.of(day, LocalTime.of(h, m), zone).toInstant();
                    if (t.isAfter(after)) {
                        return t;
                    }
                }
            }
        }
        return null;
    }

    private boolean dayMatches(LocalDate day) {
        boolean dom = daysOfMonth.get(day.getDayOfMonth());
        boolean dow = daysOfWeek.get(day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : day.getDayOfWeek().getValue());
        if (anyDayOfMonth || anyDayOfWeek) {
            return dom && dow;
        }
        return dom || dow;
    }

    private BitSet field(String name, String text, int min, int max, List<String> names, int firstName) {
        BitSet set = new BitSet(max + 1);
        for (String part : text.split(",")) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(name, part.substring(slash + 1), 1, max - min + 1, List.of(), 0);
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ab = range.split("-", 2);
                from = number(name, ab[0], min, max, names, firstName);
                to = number(name, ab[1], min, max, names, firstName);
                if (to < from) {
                    throw error(name, part, "a range that runs backwards");
                }
            } else {
                from = number(name, range, min, max, names, firstName);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private int number(String name, String text, int min, int max, List<String> names, int firstName) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + firstName;
        }
        try {
            int v = Integer.parseInt(text);
            if (v < min || v > max) {
                throw error(name, text, "outside " + min + "-" + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw error(name, text, "not a number" + (names.isEmpty() ? "" : " or a name such as " + names.get(1)));
        }
    }

    private IllegalArgumentException error(String field, String text, String why) {
        return new IllegalArgumentException("cron '" + expression + "': " + field + " '" + text + "' is " + why);
    }

    @Override
    public String toString() {
        return "cron " + expression + " " + zone;
    }
}
