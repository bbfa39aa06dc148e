package io.quiver.engine.internal;

import io.quiver.oms.host.InMemoryStateStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.backtest.BacktestProgress;
import io.quiver.backtest.BacktestSettings;
import io.quiver.backtest.Backtester;
import io.quiver.oms.host.InstanceState;
import io.quiver.feed.csv.CsvDataReader;
import io.quiver.oms.InMemoryJournal;
import io.quiver.sdk.BaseStrategy;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.TimerEvent;
import io.quiver.venue.sim.BarFillSimulator;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * No callback or timer sees data from after its clock, in a backtest and in the paper runtime: every
 * bar, fill and timer a strategy is given is stamped at or before {@code context().now()}; and a timer at
 * 15:55 on a trading day fires before the strategy has seen that day's bar, whose close comes later.
 * The day a bar belongs to is read from the data file's own rows, not from the product's stamps.
 */
class NoLookAheadTest {
    private static final Path ORCL = Path.of(System.getProperty("quiver.sample.data", "../../data")).resolve("orcl-1995-2014.txt");

    /** Checks what it is given against the clock; sets a timer for 15:55 UTC on the day after each bar's, and buys now and then. */
    public static final class Watcher extends BaseStrategy {
        final List<String> violations = new CopyOnWriteArrayList<>();
        final AtomicInteger barsSeen = new AtomicInteger();
        final AtomicInteger timersFired = new AtomicInteger();
        final AtomicInteger fills = new AtomicInteger();
        /** The date of each row of the data file, by bar index; null in the paper run (it checks the clock only). */
        private final List<LocalDate> rowDates;

        Watcher(List<LocalDate> rowDates) {
            this.rowDates = rowDates;
        }

        @Override
        public void onBar(Bar bar) {
            Instant now = context().now();
            if (bar.time().isAfter(now)) {
                violations.add("bar stamped " + bar.time() + " seen at " + now);
            }
            int seen = barsSeen.incrementAndGet();
            if (rowDates != null && seen < rowDates.size()) {
                LocalDate next = rowDates.get(seen); // the next row's trading day: its bar must not be seen at 15:55 that day
                context().scheduleAt("close-" + next, next.atTime(15, 55).toInstant(ZoneOffset.UTC));
            }
            if (seen % 25 == 0) {
                buyMarket(bar.instrument(), Qty.of(1));
            }
        }

        @Override
        public void onTimer(TimerEvent timer) {
            Instant now = context().now();
            if (timer.time().isAfter(now)) {
                violations.add("timer for " + timer.time() + " fired at " + now);
            }
            if (rowDates != null) {
                LocalDate day = LocalDate.parse(timer.name().substring("close-".length()));
                int seen = barsSeen.get();
                if (seen > 0 && !rowDates.get(seen - 1).isBefore(day)) {
                    violations.add("at 15:55 on " + day + " the strategy had seen the bar of " + rowDates.get(seen - 1));
                }
            }
            timersFired.incrementAndGet();
        }

        @Override
        public void onFill(Fill fill) {
            if (fill.time().isAfter(context().now())) {
                violations.add("fill stamped " + fill.time() + " seen at " + context().now());
            }
            fills.incrementAndGet();
        }
    }

    private static List<LocalDate> rowDates() throws Exception {
        return Files.readAllLines(ORCL).stream().skip(1).filter(l -> !l.isBlank()).map(l -> LocalDate.parse(l.substring(0, 10))).toList();
    }

    @Test
    void aBacktestNeverShowsACloseBeforeItHappened() throws Exception {
        BarSeries bars = CsvDataReader.readBars(ORCL, CsvDataReader.schemaFor(ORCL));
        List<LocalDate> dates = rowDates();
        assertEquals(dates.size(), bars.size());
        Watcher w = new Watcher(dates);
        Backtester.run(w, bars, new BacktestSettings("look", "test.watcher", Map.of(), Money.of(1_000_000), BigDecimal.ZERO, 3, "orcl", "n/a",
                "sim"), BacktestProgress.NONE);
        assertEquals(List.of(), w.violations);
        assertEquals(bars.size(), w.barsSeen.get());
        assertTrue(w.timersFired.get() > 5_000 - 10, "a 15:55 timer for every trading day: " + w.timersFired.get());
        assertTrue(w.fills.get() > 150, "fills were checked too: " + w.fills.get());
    }

    @Test
    void neitherDoesThePaperRuntime() throws Exception {
        Map<String, InMemoryJournal> journals = new ConcurrentHashMap<>();
        StrategyRuntimeComponent runtime = new StrategyRuntimeComponent(id -> new InMemoryStateStore(),
                name -> journals.computeIfAbsent(name, n -> new InMemoryJournal()), TestRisk.defaults(), TestRuntimeConfig.shipped());
        io.quiver.sdk.model.Instrument x = io.quiver.sdk.model.Instrument.of("X", 2, "USD");
        Watcher w = new Watcher(null);
        try {
            BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO, journals.computeIfAbsent("venue-sim", n -> new InMemoryJournal()));
            venue.addInstrument(x);
            runtime.addVenue(venue);
            HandFeed feed = new HandFeed("live", x);
            runtime.addFeed(feed);
            runtime.addStrategy(w, Map.of("strategy.id", "look", "feed", "live", "venue", "sim", "component.name", "test.watcher",
                    "capital", "1000000"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (runtime.instance("look").map(i -> i.state() != InstanceState.RUNNING).orElse(true)) {
                assertTrue(System.nanoTime() < deadline, "the instance runs");
                Thread.onSpinWait();
            }
            for (int i = 0; i < 100; i++) {
                // a live feed stamps a bar when it closes: now
                Price p = Price.of("100.00");
                feed.publish(new Bar(x.id(), Instant.now(), p, p, p, p, Qty.of(100)));
                int seen = i + 1;
                while (w.barsSeen.get() < seen) {
                    assertTrue(System.nanoTime() < deadline, "bar " + seen + " handled");
                    Thread.onSpinWait();
                }
            }
            while (w.barsSeen.get() < 100 || w.fills.get() < 3) {
                assertTrue(System.nanoTime() < deadline, "every bar and the fills handled: " + w.barsSeen + " bars, " + w.fills + " fills");
                Thread.onSpinWait();
            }
        } finally {
            runtime.deactivate();
        }
        assertEquals(List.of(), w.violations);
    }
}
