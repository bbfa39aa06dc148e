package io.quiver.sdk.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds coarser bars from finer ones as they arrive (five one-minute bars into a five-minute bar, an
 * hour's into an hourly bar, a day's into a daily bar), by the instrument's sessions: intraday buckets
 * start at the open of the session a bar falls in and never run past its close (an hourly bar of a
 * 09:30-16:00 session is 09:30-10:30, ..., 15:30-16:00), a daily bar is one trading day's sessions. Bars
 * outside every session (pre- and after-market) are left out, as regular-session bars are made. Each coarse bar is stamped at the end of
 * its bucket, like every bar, and is given as soon as it is complete: when a bar closing at the bucket's
 * end arrives, or else when the first bar of a later bucket does. Open is the first open, high and low
 * the extremes, close the last close, volume the sum; all exact.
 */
public final class BarAggregator {
    private static final Duration DAY = Duration.ofDays(1);

    private final Duration step;
    private final TradingHours hours;
    private Instant start;
    private Instant end;
    private Bar building;

    /** @param step the coarse bar's length: a whole number of seconds, up to one day (a trading day) */
    public BarAggregator(Duration step, TradingHours hours) {
        Objects.requireNonNull(step, "step");
        if (step.isNegative() || step.isZero() || step.compareTo(DAY) > 0 || step.getNano() != 0) {
            throw new IllegalArgumentException("a coarser bar is whole seconds up to one day (P1D, a trading day), was " + step);
        }
        this.step = step;
        this.hours = Objects.requireNonNull(hours, "hours");
    }

    /**
     * Adds the next finer bar (times must increase) and returns the coarse bars it completed, oldest first:
     * none, one, or two (the one it ended by starting a new bucket, and its own if it closes that one too).
     */
    public List<Bar> update(Bar bar) {
        List<Bar> done = new ArrayList<>(1);
        Instant[] bucket = bucketOf(bar.time());
        if (bucket == null) {
            return done;
        }
        if (building != null && !bucket[0].equals(start)) {
            done.add(finish());
        }
        if (building == null) {
            start = bucket[0];
            end = bucket[1];
            building = new Bar(bar.instrument(), end, bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
        } else {
            building = new Bar(bar.instrument(), end, building.open(), max(building.high(), bar.high()), min(building.low(), bar.low()),
                    bar.close(), building.volume().plus(bar.volume()));
        }
        if (!bar.time().isBefore(end)) {
            done.add(finish());
        }
        return done;
    }

    /** The bar being built, stamped at its bucket's end, for a run that ends before the bucket does; null if none. */
    public Bar pending() {
        return building;
    }

    private Bar finish() {
        Bar b = building;
        building = null;
        return b;
    }

    /** {start, end} of the bucket of the bar stamped {@code time} (it covers the instant before its stamp); null outside the sessions. */
    Instant[] bucketOf(Instant time) {
        ZonedDateTime inside = time.minusNanos(1).atZone(hours.zone());
        LocalDate day = inside.toLocalDate();
        LocalTime local = inside.toLocalTime();
        TradingHours.Session session = null;
        boolean weekend = day.getDayOfWeek() == java.time.DayOfWeek.SATURDAY || day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY;
        for (TradingHours.Session s : hours.weekdaysOnly() && weekend ? List.<TradingHours.Session>of() : hours.sessions()) {
            if (!local.isBefore(s.open()) && (s.close().equals(LocalTime.MIDNIGHT) || local.isBefore(s.close()))) {
                session = s;
            }
        }
        if (session == null) {
            return null;
        }
        if (step.equals(DAY)) {
            TradingHours.Session first = hours.sessions().get(0);
            TradingHours.Session last = hours.sessions().get(hours.sessions().size() - 1);
            return new Instant[] {at(day, first.open()), close(day, last)};
        }
        Instant open = at(day, session.open());
        Instant limit = close(day, session);
        long k = Duration.between(open, inside.toInstant()).toNanos() / step.toNanos();
        Instant from = open.plus(step.multipliedBy(k));
        Instant to = from.plus(step);
        return new Instant[] {from, to.isAfter(limit) ? limit : to};
    }

    private Instant at(LocalDate day, LocalTime t) {
        return day.atTime(t).atZone(hours.zone()).toInstant();
    }

    private Instant close(LocalDate day, TradingHours.Session s) {
        return s.close().equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay(hours.zone()).toInstant() : at(day, s.close());
    }

    private static Price max(Price a, Price b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Price min(Price a, Price b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Every coarse bar of {@code series}, the last one included even if its bucket ran past the data. */
    public static BarSeries resample(BarSeries series, Duration step, TradingHours hours) {
        BarAggregator a = new BarAggregator(step, hours);
        BarSeries.Builder out = BarSeries.builder(series.instrument(), series.volumeScale());
        int scale = series.priceScale();
        java.util.function.Consumer<Bar> add = b -> out.add(BarSeries.nanosOf(b.time()), b.open().unitsAt(scale), b.high().unitsAt(scale),
                b.low().unitsAt(scale), b.close().unitsAt(scale), b.volume().toBigDecimal().movePointRight(series.volumeScale()).longValueExact());
        for (int i = 0; i < series.size(); i++) {
            a.update(series.bar(i)).forEach(add);
        }
        if (a.pending() != null) {
            add.accept(a.pending());
        }
        return out.build();
    }

    /**
     * Bars of {@code step} made of the trade prints of {@code ticks} (quotes are left out), by the sessions:
     * a print belongs to the bucket its time falls in; each print adds its size (none: nothing) to the volume,
     * kept at the ticks' size scale.
     */
    public static BarSeries ofTrades(TickSeries ticks, Duration step, TradingHours hours) {
        BarAggregator a = new BarAggregator(step, hours);
        Instrument instrument = ticks.instrument();
        int scale = ticks.priceScale();
        int volumeScale = ticks.sizeScale();
        BarSeries.Builder out = BarSeries.builder(instrument, volumeScale);
        java.util.function.Consumer<Bar> add = b -> out.add(BarSeries.nanosOf(b.time()), b.open().unitsAt(scale), b.high().unitsAt(scale),
                b.low().unitsAt(scale), b.close().unitsAt(scale), b.volume().toBigDecimal().movePointRight(volumeScale).longValueExact());
        Qty none = Qty.ofUnits(0, volumeScale);
        for (int i = 0; i < ticks.size(); i++) {
            if (ticks.isQuote(i)) {
                continue;
            }
            Price p = Price.ofUnits(ticks.priceUnits(i), scale);
            long size = ticks.sizeUnits(i);
            // a bar is stamped at its end and covers the instant before it: a print at t is a "bar" stamped t + 1 ns
            Instant stamp = BarSeries.instantOfNanos(ticks.timeNanos(i) + 1);
            a.update(new Bar(instrument.id(), stamp, p, p, p, p, size == TickSeries.MISSING ? none : Qty.ofUnits(size, volumeScale))).forEach(add);
        }
        if (a.pending() != null) {
            add.accept(a.pending());
        }
        return out.build();
    }
}
