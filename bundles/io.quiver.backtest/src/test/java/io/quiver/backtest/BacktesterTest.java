package io.quiver.backtest;

import io.quiver.oms.host.InstanceState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.BaseStrategy;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.TimerEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktesterTest {
    private static final Instrument X = Instrument.of("X", 2, "USD");
    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

    private static BarSeries minuteBars(int n) {
        BarSeries.Builder b = BarSeries.builder(X, 0);
        for (int i = 0; i < n; i++) {
            b.add(BarSeries.nanosOf(T0.plusSeconds(60L * i)), 1000, 1010, 990, 1000, 1);
        }
        return b.build();
    }

    private static BacktestSettings settings() {
        return new BacktestSettings("t", "test", Map.of(), Money.of(1000), BigDecimal.ZERO, 3, "minute", "n/a");
    }

    /** Records what the strategy sees, to check the clock and timer order. */
    private static class Recorder extends BaseStrategy {
        final List<String> seen = new ArrayList<>();

        @Override
        protected void start() {
            context().scheduleEvery("tick", Duration.ofSeconds(90));
        }

        @Override
        public void onBar(Bar bar) {
            if (!context().now().equals(bar.time())) {
                throw new AssertionError("clock " + context().now() + " at bar " + bar.time());
            }
            seen.add("bar " + bar.time());
        }

        @Override
        public void onTimer(TimerEvent timer) {
            if (!context().now().equals(timer.time())) {
                throw new AssertionError("clock " + context().now() + " at timer " + timer.time());
            }
            seen.add("timer " + timer.time());
        }
    }

    @Test
    void progressIsReportedEveryTwentiethUpToTheEnd() {
        List<long[]> calls = new ArrayList<>();
        Backtester.run(new Recorder(), minuteBars(1000), settings(), (done, total) -> calls.add(new long[] {done, total}));
        assertEquals(20, calls.size());
        assertEquals(50, calls.get(0)[0]);
        assertEquals(1000, calls.get(19)[0]);
        assertTrue(calls.stream().allMatch(c -> c[1] == 1000));
    }

    @Test
    void timersFireInTimeOrderBetweenBarsOnTheSimulatedClock() {
        Recorder r = new Recorder();
        BacktestResult result = Backtester.run(r, minuteBars(4), settings(), BacktestProgress.NONE);
        // bars at 0, 60, 120, 180 s; the 90 s timer, started at 0, fires at 90 and 180 s (before the 180 s bar)
        assertEquals(List.of("bar 2020-01-01T00:00:00Z", "bar 2020-01-01T00:01:00Z", "timer 2020-01-01T00:01:30Z",
                "bar 2020-01-01T00:02:00Z", "timer 2020-01-01T00:03:00Z", "bar 2020-01-01T00:03:00Z"), r.seen);
        assertEquals(InstanceState.STOPPED, result.finalState());
    }

    @Test
    void aCronScheduleFiresOnTheSimulatedClockBeforeTheBarOfItsMinute() {
        Recorder r = new Recorder() {
            @Override
            protected void start() {
                context().schedule("even minutes", io.quiver.sdk.Schedule.cron("*/2 * * * *", java.time.ZoneOffset.UTC));
            }
        };
        Backtester.run(r, minuteBars(4), settings(), BacktestProgress.NONE);
        // started at 00:00: the first even minute after it is 00:02; 00:04 is past the data
        assertEquals(List.of("bar 2020-01-01T00:00:00Z", "bar 2020-01-01T00:01:00Z", "timer 2020-01-01T00:02:00Z",
                "bar 2020-01-01T00:02:00Z", "bar 2020-01-01T00:03:00Z"), r.seen);
    }

    @Test
    void aStrategyAsksForFiveMinuteBarsAndGetsEachInTheCallbackOfTheMinuteThatEndsIt() {
        List<String> seen = new ArrayList<>();
        BaseStrategy s = new BaseStrategy() {
            private io.quiver.sdk.BarHistory five;

            @Override
            protected void start() {
                five = context().history(X.id(), Duration.ofMinutes(5), 2);
            }

            @Override
            public void onBar(Bar bar) {
                if (five.size() > 0) {
                    seen.add(bar.time() + " " + five.get(0).time() + " " + five.get(0).volume());
                }
            }
        };
        Backtester.run(s, minuteBars(12), settings(), BacktestProgress.NONE);
        // minute bars stamped 00:00 to 00:11, asked for at 00:00; the 00:00 bar ends the bucket 23:55-00:00, which began before
        // the call and is left out; the first five-minute bar holds those stamped 00:01 to 00:05, there at the 00:05 bar's callback
        assertEquals("2020-01-01T00:05:00Z 2020-01-01T00:05:00Z 5", seen.get(0));
        assertEquals("2020-01-01T00:10:00Z 2020-01-01T00:10:00Z 5", seen.get(5));
        assertEquals(7, seen.size());
    }
}
