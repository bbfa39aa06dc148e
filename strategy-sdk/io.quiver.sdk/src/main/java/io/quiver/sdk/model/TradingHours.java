package io.quiver.sdk.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When an instrument trades: sessions in its time zone on weekdays (or every day), e.g.
 * {@code 09:30-16:00} in {@code America/New_York}. {@link #ALWAYS} trades around the clock in UTC.
 * Written as {@code [weekdays ]HH:mm-HH:mm[,HH:mm-HH:mm...]}, where {@code 24:00} ends a day.
 */
public record TradingHours(ZoneId zone, boolean weekdaysOnly, List<Session> sessions) {

    /** One session: from {@code open} up to (not including) {@code close}; a close of 00:00 means the end of the day. */
    public record Session(LocalTime open, LocalTime close) {
        public Session {
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(close, "close");
            if (!close.equals(LocalTime.MIDNIGHT) && !close.isAfter(open)) {
                throw new IllegalArgumentException("a session closes after it opens, was " + open + "-" + close);
            }
        }

        boolean contains(LocalTime t) {
            return !t.isBefore(open) && (close.equals(LocalTime.MIDNIGHT) || t.isBefore(close));
        }

        @Override
        public String toString() {
            return open + "-" + (close.equals(LocalTime.MIDNIGHT) ? "24:00" : close.toString());
        }
    }

    public static final TradingHours ALWAYS = new TradingHours(ZoneId.of("UTC"), false, List.of(new Session(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));

    public TradingHours {
        Objects.requireNonNull(zone, "zone");
        sessions = List.copyOf(sessions);
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("trading hours need at least one session");
        }
    }

    /** Whether the instrument trades at {@code time}. */
    public boolean isOpen(Instant time) {
        ZonedDateTime t = time.atZone(zone);
        if (weekdaysOnly && (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY)) {
            return false;
        }
        LocalTime local = t.toLocalTime();
        return sessions.stream().anyMatch(s -> s.contains(local));
    }

    /** The first time a session opens strictly after {@code after}. */
    public Instant nextOpen(Instant after) {
        return nextEdge(after, true);
    }

    /** The first time a session closes strictly after {@code after} (a close at 24:00 is the next midnight). */
    public Instant nextClose(Instant after) {
        return nextEdge(after, false);
    }

    private Instant nextEdge(Instant after, boolean open) {
        LocalDate day = after.atZone(zone).toLocalDate().minusDays(1); // a 24:00 close of the day before may still be ahead
        for (int i = 0; i < 10; i++, day = day.plusDays(1)) {
            if (weekdaysOnly && (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY)) {
                continue;
            }
            Instant best = null;
            for (Session s : sessions) {
                LocalTime t = open ? s.open() : s.close();
                boolean endOfDay = !open && t.equals(LocalTime.MIDNIGHT);
                Instant edge = (endOfDay ? day.plusDays(1).atStartOfDay(zone) : day.atTime(t).atZone(zone)).toInstant();
                if (edge.isAfter(after) && (best == null || edge.isBefore(best))) {
                    best = edge;
                }
            }
            if (best != null) {
                return best;
            }
        }
        throw new IllegalStateException("no session in ten days of " + this); // cannot happen: a week has weekdays
    }

    /** The trading day {@code time} falls on: its date in the instrument's zone. */
    public LocalDate tradingDay(Instant time) {
        return time.atZone(zone).toLocalDate();
    }

    /** Parses {@link #toString()}'s form, e.g. {@code weekdays 09:30-16:00}. */
    public static TradingHours parse(String text, ZoneId zone) {
        String t = text.trim();
        boolean weekdays = t.startsWith("weekdays");
        if (weekdays) {
            t = t.substring("weekdays".length()).trim();
        }
        List<Session> sessions = new ArrayList<>();
        for (String one : t.split(",")) {
            String[] f = one.trim().split("-");
            if (f.length != 2) {
                throw new IllegalArgumentException("'" + one.trim() + "' is not a session like 09:30-16:00");
            }
            try {
                LocalTime open = LocalTime.parse(f[0].trim());
                LocalTime close = f[1].trim().equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(f[1].trim());
                sessions.add(new Session(open, close));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("'" + one.trim() + "' is not a session like 09:30-16:00 (times as HH:mm)");
            }
        }
        return new TradingHours(zone, weekdays, sessions);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(weekdaysOnly ? "weekdays " : "");
        for (int i = 0; i < sessions.size(); i++) {
            b.append(i == 0 ? "" : ",").append(sessions.get(i));
        }
        return b.toString();
    }
}
