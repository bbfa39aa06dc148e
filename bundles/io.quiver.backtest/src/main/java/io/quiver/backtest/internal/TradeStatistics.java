package io.quiver.backtest.internal;

import io.quiver.backtest.PerformanceMetrics;
import io.quiver.backtest.RoundTrip;
import io.quiver.sdk.model.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;

/** The statistics of the closed round trips; averages of money are rounded to 16 significant digits. */
final class TradeStatistics {
    private TradeStatistics() {
    }

    static PerformanceMetrics.Trades of(List<RoundTrip> trips) {
        int count = 0;
        int winners = 0;
        int losers = 0;
        BigDecimal profit = BigDecimal.ZERO;
        BigDecimal loss = BigDecimal.ZERO;
        Duration holding = Duration.ZERO;
        for (RoundTrip t : trips) {
            if (t.open()) {
                continue;
            }
            count++;
            holding = holding.plus(t.holding());
            BigDecimal pnl = t.pnl().toBigDecimal();
            if (pnl.signum() > 0) {
                winners++;
                profit = profit.add(pnl);
            } else if (pnl.signum() < 0) {
                losers++;
                loss = loss.add(pnl);
            }
        }
        double factor = loss.signum() == 0 ? Double.NaN : profit.divide(loss.negate(), MathContext.DECIMAL64).doubleValue();
        return new PerformanceMetrics.Trades(count, winners, losers, count == 0 ? Double.NaN : winners / (double) count, Money.of(profit),
                Money.of(loss), factor, average(profit, winners), average(loss, losers), average(profit.add(loss), count),
                count == 0 ? Duration.ZERO : holding.dividedBy(count));
    }

    private static Money average(BigDecimal sum, int n) {
        return n == 0 ? Money.ZERO : Money.of(sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64).stripTrailingZeros());
    }
}
