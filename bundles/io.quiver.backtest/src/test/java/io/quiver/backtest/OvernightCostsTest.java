package io.quiver.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.oms.PreTradeGate;
import io.quiver.sdk.BaseStrategy;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Qty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Borrow cost on shorts and interest on borrowed cash, accrued every calendar day, worked out by hand. */
class OvernightCostsTest {
    private static final Instrument X = Instrument.of("X", 2, "USD");

    /** Enters one market order on the first bar. */
    private static final class EnterOnce extends BaseStrategy {
        private final long quantity;
        private boolean done;

        EnterOnce(long quantity) {
            this.quantity = quantity;
        }

        @Override
        public void onBar(Bar bar) {
            if (!done) {
                done = true;
                if (quantity < 0) {
                    sellMarket(bar.instrument(), Qty.of(-quantity));
                } else {
                    buyMarket(bar.instrument(), Qty.of(quantity));
                }
            }
        }
    }

    /** Bars at 100.00 closing 21:00 UTC on Wednesday 3, Thursday 4, Friday 5, Monday 8 and Tuesday 9 January 2024. */
    private static BarSeries week() {
        BarSeries.Builder b = BarSeries.builder(X, 0);
        for (String day : new String[] {"03", "04", "05", "08", "09"}) {
            b.add(BarSeries.nanosOf(Instant.parse("2024-01-" + day + "T21:00:00Z")), 10_000, 10_000, 10_000, 10_000, 1000);
        }
        return b.build();
    }

    private static BacktestResult run(long quantity) {
        BacktestSettings s = new BacktestSettings("o", "test", Map.of(), Money.of(10_000), BigDecimal.ZERO, 3, "week", "n/a", "sim", Map.of(),
                java.time.Duration.ZERO, new BacktestSettings.Financing(new BigDecimal("0.0365"), new BigDecimal("0.0365")));
        return Backtester.run(new EnterOnce(quantity), week(), s, PreTradeGate.NONE, BacktestProgress.NONE);
    }

    @Test
    void aShortPaysItsBorrowForEveryCalendarDayWeekendIncluded() {
        // short 10 from Thursday's open: 1,000 of value at 3.65 % a year is 0.10 a day;
        // charged Friday (1 day), Monday (3: Friday to Monday) and Tuesday (1)
        BacktestResult r = run(-10);
        assertEquals(0, new BigDecimal("10999.50").compareTo(r.cash().toBigDecimal()), r.cash().toString());
        assertEquals(0, new BigDecimal("0.50").compareTo(r.fees().toBigDecimal()));
        assertTrue(r.json().contains("\"borrow\": 0.5,"), r.json());
        assertTrue(r.json().contains("\"interest\": 0\n"), r.json());
    }

    @Test
    void borrowedCashPaysInterest() {
        // 150 bought at 100 with 10,000: cash is -5,000 from Thursday, at 3.65 % a year 0.0001 a day of what is borrowed,
        // and what is charged is borrowed too: Friday 0.50; Monday 5,000.50 x 3 days = 1.500150; Tuesday 5,002.00015 = 0.500200
        BacktestResult r = run(150);
        assertEquals(0, new BigDecimal("-5002.500350").compareTo(r.cash().toBigDecimal()), r.cash().toString());
        assertTrue(r.json().contains("\"interest\": 2.50035\n"), r.json());
    }
}
