package io.quiver.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.oms.PreTradeGate;
import io.quiver.sdk.BaseStrategy;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Orders that take simulated time to reach the venue meet later bars, never a price from before they got there. */
class LatencyBacktestTest {
    private static final Instrument X = Instrument.of("X", 2, "USD");
    private static final Instant T0 = Instant.parse("2024-01-02T00:00:00Z");

    /** Buys once, on the first bar. */
    private static final class BuyOnce extends BaseStrategy {
        private boolean done;

        @Override
        public void onBar(Bar bar) {
            if (!done) {
                done = true;
                buyMarket(bar.instrument(), Qty.of(1));
            }
        }
    }

    /** One-minute bars whose open is 100 plus the bar's number. */
    private static BarSeries bars() {
        BarSeries.Builder b = BarSeries.builder(X, 0);
        for (int i = 0; i < 6; i++) {
            long open = 10_000 + 100L * i;
            b.add(BarSeries.nanosOf(T0.plusSeconds(60L * i)), open, open + 50, open - 50, open, 1000);
        }
        return b.build();
    }

    private static Price fillAfter(Duration latency) {
        BacktestSettings s = new BacktestSettings("lat", "test", Map.of(), Money.of(10_000), BigDecimal.ZERO, 3, "bars", "n/a", "sim", Map.of(),
                latency);
        BacktestResult r = Backtester.run(new BuyOnce(), bars(), s, PreTradeGate.NONE, BacktestProgress.NONE);
        assertEquals(1, r.fills().size(), r.fills().toString());
        if (!latency.isZero()) {
            assertTrue(r.json().contains("latency " + latency), "the costs name the latency");
        }
        return r.fills().get(0).price();
    }

    @Test
    void anOrderFirstMeetsTheBarAfterTheOneDuringWhichItArrives() {
        // decided at the close of bar 0 (00:00)
        assertEquals(Price.of("101.00"), fillAfter(Duration.ZERO));           // at once: bar 1's open
        assertEquals(Price.of("102.00"), fillAfter(Duration.ofMillis(50)));  // arrives during bar 1: bar 2's open
        assertEquals(Price.of("102.00"), fillAfter(Duration.ofMinutes(1)));  // arrives at bar 1's close: bar 2
        assertEquals(Price.of("103.00"), fillAfter(Duration.ofSeconds(90))); // arrives during bar 2: bar 3
    }

    @Test
    void aNegativeOrUnreadableLatencyIsRefusedByName() {
        assertEquals("--latency '-PT1S' is not an ISO-8601 duration of zero or more, such as PT0.05S or PT2S",
                assertThrows(IllegalArgumentException.class, () -> BacktestSettings.parseLatency("-PT1S")).getMessage());
        assertEquals("--latency '50ms' is not an ISO-8601 duration of zero or more, such as PT0.05S or PT2S",
                assertThrows(IllegalArgumentException.class, () -> BacktestSettings.parseLatency("50ms")).getMessage());
        assertEquals(Duration.ZERO, BacktestSettings.parseLatency(null));
    }
}
