package io.quiver.catalog.internal;

import io.quiver.catalog.DataCatalog.Quality;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.TickSeries;
import io.quiver.sdk.model.TradingHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds a data set's gaps, outliers and duplicates; see {@link Quality} for what each means. */
final class QualityCheck {
    private static final int EXAMPLES = 5;
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    /** Ten scaled MADs: far beyond what a normal day gives, near what a split or a wrong decimal gives. */
    private static final double OUTLIER_MADS = 10.0;

    private QualityCheck() {
    }

    /** The smallest spacing between two bars (zero with fewer than two). */
    static Duration interval(BarSeries s) {
        long best = Long.MAX_VALUE;
        for (int i = 1; i < s.size(); i++) {
            best = Math.min(best, s.timeNanos(i) - s.timeNanos(i - 1));
        }
        return best == Long.MAX_VALUE ? Duration.ZERO : Duration.ofNanos(best);
    }

    static Quality of(BarSeries s, TradingHours hours) {
        List<String> examples = new ArrayList<>();
        long duplicates = 0;
        for (int i = 1; i < s.size(); i++) {
            if (s.openUnits(i) == s.openUnits(i - 1) && s.highUnits(i) == s.highUnits(i - 1) && s.lowUnits(i) == s.lowUnits(i - 1)
                    && s.closeUnits(i) == s.closeUnits(i - 1) && s.volumeUnits(i) == s.volumeUnits(i - 1)) {
                duplicates++;
                example(examples, "duplicate at " + s.time(i));
            }
        }
        long outliers = outliers(s, examples);
        long gaps = gaps(s, hours, examples);
        return new Quality(gaps, outliers, duplicates, List.copyOf(examples));
    }

    /** The smallest spacing between two ticks (zero with fewer than two, or when two share a time). */
    static Duration interval(TickSeries s) {
        long best = Long.MAX_VALUE;
        for (int i = 1; i < s.size(); i++) {
            best = Math.min(best, s.timeNanos(i) - s.timeNanos(i - 1));
        }
        return best == Long.MAX_VALUE ? Duration.ZERO : Duration.ofNanos(best);
    }

    /** Ticks: repeats and jumps of the trade price or quote mid; no gaps (ticks come when they come). Crossed quotes never get here: reading refuses them. */
    static Quality of(TickSeries s) {
        List<String> examples = new ArrayList<>();
        long duplicates = 0;
        for (int i = 0; i < s.size(); i++) {
            if (i > 0 && sameTick(s, i - 1, i)) {
                duplicates++;
                example(examples, "repeated tick at " + s.time(i));
            }
        }
        // a tick's price: a print's, or a quote's mid (twice it, in units: the ratio is the same); one-sided quotes are left out
        double[] prices = new double[s.size()];
        long[] times = new long[s.size()];
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            long p = !s.isQuote(i) ? 2 * s.priceUnits(i)
                    : s.bidUnits(i) == TickSeries.MISSING || s.askUnits(i) == TickSeries.MISSING ? Long.MIN_VALUE : s.bidUnits(i) + s.askUnits(i);
            if (p != Long.MIN_VALUE) {
                prices[n] = p;
                times[n++] = s.timeNanos(i);
            }
        }
        long jumps = outliers(Arrays.copyOf(prices, n), Arrays.copyOf(times, n), examples);
        return new Quality(0, jumps, duplicates, List.copyOf(examples));
    }

    private static boolean sameTick(TickSeries s, int a, int b) {
        if (s.timeNanos(a) != s.timeNanos(b) || s.isQuote(a) != s.isQuote(b)) {
            return false;
        }
        return s.isQuote(a)
                ? s.bidUnits(a) == s.bidUnits(b) && s.askUnits(a) == s.askUnits(b) && s.bidSizeUnits(a) == s.bidSizeUnits(b)
                        && s.askSizeUnits(a) == s.askSizeUnits(b)
                : s.priceUnits(a) == s.priceUnits(b) && s.sizeUnits(a) == s.sizeUnits(b);
    }

    private static long outliers(BarSeries s, List<String> examples) {
        double[] closes = new double[s.size()];
        long[] times = new long[s.size()];
        for (int i = 0; i < s.size(); i++) {
            closes[i] = s.closeUnits(i);
            times[i] = s.timeNanos(i);
        }
        return outliers(closes, times, examples);
    }

    /** Changes from one price to the next more than ten scaled MADs from the median change. */
    private static long outliers(double[] prices, long[] times, List<String> examples) {
        int n = prices.length - 1;
        if (n < 3) {
            return 0;
        }
        double[] r = new double[n];
        for (int i = 1; i <= n; i++) {
            r[i - 1] = prices[i - 1] == 0 ? 0 : prices[i] / prices[i - 1] - 1.0;
        }
        double median = median(r.clone());
        double[] deviations = new double[n];
        for (int i = 0; i < n; i++) {
            deviations[i] = Math.abs(r[i] - median);
        }
        double mad = median(deviations) * 1.4826; // scaled to a standard deviation for normal data
        if (mad == 0) {
            return 0;
        }
        long count = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(r[i] - median) > OUTLIER_MADS * mad) {
                count++;
                example(examples, String.format("outlier at %s: price %+.2f %%", BarSeries.instantOfNanos(times[i + 1]), r[i] * 100));
            }
        }
        return count;
    }

    private static long gaps(BarSeries s, TradingHours hours, List<String> examples) {
        if (s.size() < 2) {
            return 0;
        }
        Duration step = interval(s);
        ZoneId zone = hours.zone();
        // bars are stamped at their close: a bar belongs to the day of the instant before its stamp
        boolean weekendsSeen = false;
        Map<LocalDate, Integer> barsPerDay = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            LocalDate d = BarSeries.instantOfNanos(s.timeNanos(i) - 1).atZone(zone).toLocalDate();
            barsPerDay.merge(d, 1, Integer::sum);
            weekendsSeen |= d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        }
        boolean weekdaysOnly = hours.weekdaysOnly() || !weekendsSeen;
        long gaps = 0;
        if (step.toNanos() >= NANOS_PER_DAY) {
            LocalDate first = BarSeries.instantOfNanos(s.timeNanos(0) - 1).atZone(zone).toLocalDate();
            LocalDate last = BarSeries.instantOfNanos(s.timeNanos(s.size() - 1) - 1).atZone(zone).toLocalDate();
            long stepDays = step.toDays();
            if (stepDays > 1) {
                return 0; // weekly and monthly bars: no session calendar to hold them against
            }
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                boolean tradingDay = !weekdaysOnly || (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY);
                if (tradingDay && !barsPerDay.containsKey(d)) {
                    gaps++;
                    example(examples, "no bar on " + d);
                }
            }
            return gaps;
        }
        // An instrument the master does not know trades "around the clock": hold each day against its own first and last bar.
        boolean ownSpan = hours.equals(TradingHours.ALWAYS);
        long perSession = sessionNanos(hours) / step.toNanos();
        Map<LocalDate, long[]> span = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            LocalDate d = BarSeries.instantOfNanos(s.timeNanos(i) - 1).atZone(zone).toLocalDate();
            long t = s.timeNanos(i);
            span.merge(d, new long[] {t, t}, (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        LocalDate[] days = barsPerDay.keySet().toArray(new LocalDate[0]);
        Arrays.sort(days);
        for (LocalDate d : days) {
            long expected = ownSpan ? (span.get(d)[1] - span.get(d)[0]) / step.toNanos() + 1 : perSession;
            long missing = expected - barsPerDay.get(d);
            if (missing > 0) {
                gaps += missing;
                example(examples, missing + " bars missing on " + d);
            }
        }
        return gaps;
    }

    /** The length of a trading day's sessions. */
    private static long sessionNanos(TradingHours hours) {
        long total = 0;
        for (TradingHours.Session session : hours.sessions()) {
            long close = session.close().equals(java.time.LocalTime.MIDNIGHT) ? NANOS_PER_DAY : session.close().toNanoOfDay();
            total += close - session.open().toNanoOfDay();
        }
        return total;
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < EXAMPLES * 3) {
            examples.add(text);
        }
    }
}
