package io.quiver.sdk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BarAggregatorTest {
    private static final InstrumentId X = InstrumentId.of("X");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final TradingHours NYSE = TradingHours.parse("weekdays 09:30-16:00", NEW_YORK);

    private static Bar minute(ZonedDateTime close, long open, long high, long low, long last, long volume) {
        return new Bar(X, close.toInstant(), Price.ofUnits(open, 2), Price.ofUnits(high, 2), Price.ofUnits(low, 2), Price.ofUnits(last, 2),
                Qty.of(volume));
    }

    /** Monday 4 March 2024, minute bars stamped 09:31 to 16:00 New York: the price is the minute of the session in cents. */
    private static List<Bar> sessionOfMinutes() {
        List<Bar> bars = new ArrayList<>();
        ZonedDateTime open = ZonedDateTime.of(2024, 3, 4, 9, 30, 0, 0, NEW_YORK);
        for (int m = 1; m <= 390; m++) {
            bars.add(minute(open.plusMinutes(m), 10_000 + m, 10_000 + m + 5, 10_000 + m - 5, 10_000 + m + 1, 1));
        }
        return bars;
    }

    @Test
    void hourlyBarsStartAtTheOpenAndTheLastIsCutAtTheClose() {
        BarAggregator hourly = new BarAggregator(Duration.ofHours(1), NYSE);
        List<Bar> out = new ArrayList<>();
        for (Bar b : sessionOfMinutes()) {
            List<Bar> done = hourly.update(b);
            // a bar that closes its bucket gives the coarse bar at once, stamped with the same time
            done.forEach(d -> assertEquals(b.time(), d.time()));
            out.addAll(done);
        }
        assertEquals(7, out.size()); // 09:30-10:30, ..., 14:30-15:30, 15:30-16:00
        assertEquals(ZonedDateTime.of(2024, 3, 4, 10, 30, 0, 0, NEW_YORK).toInstant(), out.get(0).time());
        assertEquals(ZonedDateTime.of(2024, 3, 4, 16, 0, 0, 0, NEW_YORK).toInstant(), out.get(6).time());
        Bar first = out.get(0); // minutes 1..60
        assertEquals(Price.ofUnits(10_001, 2), first.open());
        assertEquals(Price.ofUnits(10_065, 2), first.high());
        assertEquals(Price.ofUnits(9_996, 2), first.low());
        assertEquals(Price.ofUnits(10_061, 2), first.close());
        assertEquals(Qty.of(60), first.volume());
        assertEquals(Qty.of(30), out.get(6).volume());
    }

    @Test
    void aDailyBarIsTheSessionAndBarsOutsideItAreLeftOut() {
        BarAggregator daily = new BarAggregator(Duration.ofDays(1), NYSE);
        List<Bar> out = new ArrayList<>();
        out.addAll(daily.update(minute(ZonedDateTime.of(2024, 3, 4, 9, 0, 0, 0, NEW_YORK), 1, 99_999, 1, 1, 1000))); // pre-market
        sessionOfMinutes().forEach(b -> out.addAll(daily.update(b)));
        out.addAll(daily.update(minute(ZonedDateTime.of(2024, 3, 4, 17, 0, 0, 0, NEW_YORK), 1, 99_999, 1, 1, 1000))); // after hours
        out.addAll(daily.update(minute(ZonedDateTime.of(2024, 3, 9, 12, 0, 0, 0, NEW_YORK), 1, 99_999, 1, 1, 1000))); // Saturday
        assertEquals(1, out.size());
        Bar day = out.get(0);
        assertEquals(ZonedDateTime.of(2024, 3, 4, 16, 0, 0, 0, NEW_YORK).toInstant(), day.time());
        assertEquals(Price.ofUnits(10_001, 2), day.open());
        assertEquals(Price.ofUnits(10_395, 2), day.high());
        assertEquals(Price.ofUnits(9_996, 2), day.low());
        assertEquals(Price.ofUnits(10_391, 2), day.close());
        assertEquals(Qty.of(390), day.volume());
    }

    @Test
    void aBucketWithoutItsClosingBarEndsWhenTheNextOneStarts() {
        BarAggregator five = new BarAggregator(Duration.ofMinutes(5), TradingHours.ALWAYS);
        ZonedDateTime t0 = ZonedDateTime.of(2024, 3, 4, 0, 0, 0, 0, ZoneId.of("UTC"));
        assertTrue(five.update(minute(t0.plusMinutes(1), 1, 1, 1, 1, 1)).isEmpty());
        assertTrue(five.update(minute(t0.plusMinutes(3), 2, 2, 2, 2, 1)).isEmpty()); // 00:04 and 00:05 are missing
        List<Bar> done = five.update(minute(t0.plusMinutes(7), 3, 3, 3, 3, 1));
        assertEquals(1, done.size());
        assertEquals(t0.plusMinutes(5).toInstant(), done.get(0).time()); // stamped at its bucket's end, not at its last bar
        assertEquals(Price.ofUnits(2, 2), done.get(0).close());
        assertThrows(IllegalArgumentException.class, () -> new BarAggregator(Duration.ofDays(7), TradingHours.ALWAYS));
        assertThrows(IllegalArgumentException.class, () -> new BarAggregator(Duration.ofMillis(1500), TradingHours.ALWAYS));
    }

    /** The aggregator against a naive reference: group by bucket start, worked out directly, on random minute series. */
    @Property(tries = 200)
    void matchesANaiveGrouping(@ForAll @IntRange(min = 1, max = 400) int count, @ForAll @IntRange(min = 0, max = 4) int stepChoice,
            @ForAll long seed) {
        Duration step = List.of(Duration.ofMinutes(5), Duration.ofMinutes(7), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofDays(1))
                .get(stepChoice);
        Random r = new Random(seed);
        BarSeries.Builder b = BarSeries.builder(Instrument.of("X", 2, "USD"), 0);
        long t = Instant.parse("2024-03-01T23:00:00Z").getEpochSecond() * 1_000_000_000L;
        for (int i = 0; i < count; i++) {
            t += (1 + r.nextInt(r.nextInt(10) == 0 ? 300 : 3)) * 60_000_000_000L; // mostly consecutive minutes, now and then a gap
            long o = 1000 + r.nextInt(100);
            long c = 1000 + r.nextInt(100);
            b.add(t, o, Math.max(o, c) + r.nextInt(10), Math.min(o, c) - r.nextInt(10), c, r.nextInt(50));
        }
        BarSeries series = b.build();
        BarSeries fast = BarAggregator.resample(series, step, TradingHours.ALWAYS);
        BarSeries naive = naive(series, step);
        assertEquals(naive.size(), fast.size());
        for (int i = 0; i < naive.size(); i++) {
            assertEquals(naive.bar(i), fast.bar(i), "bar " + i);
        }
    }

    /** Buckets of a UTC day from midnight, the last one cut at the next midnight. */
    private static BarSeries naive(BarSeries s, Duration step) {
        long day = 86_400_000_000_000L;
        long st = step.toNanos();
        BarSeries.Builder out = BarSeries.builder(s.instrument(), 0);
        int i = 0;
        while (i < s.size()) {
            long inside = s.timeNanos(i) - 1;
            long dayStart = Math.floorDiv(inside, day) * day;
            long start = dayStart + (inside - dayStart) / st * st;
            long end = Math.min(start + st, dayStart + day);
            long o = s.openUnits(i);
            long h = Long.MIN_VALUE;
            long l = Long.MAX_VALUE;
            long c = 0;
            long v = 0;
            while (i < s.size() && s.timeNanos(i) - 1 >= start && s.timeNanos(i) - 1 < end) {
                h = Math.max(h, s.highUnits(i));
                l = Math.min(l, s.lowUnits(i));
                c = s.closeUnits(i);
                v += s.volumeUnits(i);
                i++;
            }
            out.add(end, o, h, l, c, v);
        }
        return out.build();
    }
}
