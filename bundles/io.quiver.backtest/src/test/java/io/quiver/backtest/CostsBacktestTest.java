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

/** A backtest on the bar venue with costs: the figures by hand, and the models named in the result. */
class CostsBacktestTest {
    private static final Instrument X = Instrument.of("X", 2, "USD");
    private static final Instant T0 = Instant.parse("2024-01-02T00:00:00Z");

    /** Buys 300 on the first bar, sells them on the fifth. */
    private static final class RoundTrip extends BaseStrategy {
        private int bars;

        @Override
        public void onBar(Bar bar) {
            bars++;
            if (bars == 1) {
                buyMarket(bar.instrument(), Qty.of(300));
            } else if (bars == 5) {
                sellMarket(bar.instrument(), Qty.of(300));
            }
        }
    }

    @Test
    void partialFillsSlippageAndCommissionAddUpInTheResult() {
        // daily bars at 100.00 with a volume of 2,000: a 10 % share fills 200 a bar
        BarSeries.Builder b = BarSeries.builder(X, 0);
        for (int i = 0; i < 10; i++) {
            b.add(BarSeries.nanosOf(T0.plusSeconds(86_400L * i)), 10_000, 10_100, 9_900, 10_000, 2_000);
        }
        BacktestSettings settings = new BacktestSettings("costs", "test", Map.of(), Money.of(100_000), BigDecimal.ZERO, 3, "bars", "n/a",
                "sim", Map.of("commission", "PER_SHARE", "commission.per.share", "0.01", "commission.order.min", "5",
                        "slippage", "FIXED_BPS", "slippage.bps", "10", "volume.share.max", "0.1"));
        BacktestResult r = Backtester.run(new RoundTrip(), b.build(), settings, PreTradeGate.NONE, BacktestProgress.NONE);
        // buy 200 then 100 at 100.10 (10 bps above 100.00): 30,030; sell 200 then 100 at 99.90: 29,970
        // commission: 3.00 due on each order, 5.00 charged on each (the minimum): 10.00
        assertEquals(4, r.fills().size(), r.fills().toString());
        assertEquals(0, new BigDecimal("10.00").compareTo(r.fees().toBigDecimal()));
        assertEquals(0, new BigDecimal("99930.00").compareTo(r.finalEquity().toBigDecimal())); // 100,000 - 60 - 10
        assertEquals(1, r.metrics().trades().count());
        assertEquals(0, new BigDecimal("-70").compareTo(r.metrics().trades().expectancy().toBigDecimal()));
        assertTrue(r.json().contains("\"costs\": \"commission: per share 0.01, at least 5 per order; slippage: 10 bps; "
                + "fills: up to 10 % of a bar's volume\""), r.json());
        assertTrue(r.json().contains("\"slippage.bps\": \"10\""), r.json());
    }
}
