package io.quiver.backtest;

import io.quiver.oms.host.InstanceState;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Qty;
import java.util.List;

/**
 * What a backtest produced. {@link #json()} is the machine-readable result: the same data and settings
 * give the same bytes (timings are kept out of it; they are in {@code elapsedNanos}).
 */
public record BacktestResult(BacktestSettings settings, String instrument, long bars, int orders, List<Fill> fills,
        Money finalEquity, Money cash, Qty finalPosition, Money realisedPnl, Money fees, PerformanceMetrics metrics,
        List<RoundTrip> trades, InstanceState finalState, String quarantineReason, String json, long elapsedNanos,
        List<DailyEquity> equityCurve, java.time.Instant firstBar, java.time.Instant lastBar) {

    /** The exact equity at the end of one trading day (UTC): a point of the equity curve. */
    public record DailyEquity(java.time.LocalDate day, Money equity) {
    }

    /** Bars replayed per second of wall time. */
    public double barsPerSecond() {
        return elapsedNanos == 0 ? 0 : bars * 1e9 / elapsedNanos;
    }

    /** A short human summary, one figure per line. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("strategy       %s (%s)%n", settings.strategyId(), settings.strategyType()));
        b.append(String.format("data           %s, %s, %d bars%n", settings.dataName(), instrument, bars));
        b.append(String.format("fills          %d (orders %d)%n", fills.size(), orders));
        b.append(String.format("final equity   %s (start %s)%n", finalEquity, settings.startingCash()));
        b.append(String.format("total return   %s (annual %s)%n", percent(metrics.totalReturn()), percent(metrics.annualReturn())));
        b.append(String.format("max drawdown   %s over %d days%n", percent(metrics.maxDrawdown()), metrics.drawdownPeriods()));
        b.append(String.format("sharpe         %s, sortino %s, calmar %s%n", ratio(metrics.sharpe()), ratio(metrics.sortino()), ratio(metrics.calmar())));
        PerformanceMetrics.Trades t = metrics.trades();
        b.append(String.format("round trips    %d, win rate %s, profit factor %s, expectancy %s%n", t.count(), percent(t.winRate()),
                ratio(t.profitFactor()), t.expectancy().rounded(4)));
        if (finalState == InstanceState.QUARANTINED) {
            b.append(String.format("QUARANTINED    %s%n", quarantineReason));
        }
        b.append(String.format("elapsed        %.3f s, %,.0f bars/s%n", elapsedNanos / 1e9, barsPerSecond()));
        return b.toString();
    }

    private static String percent(java.math.BigDecimal ratio) {
        return ratio.movePointRight(2).setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString() + " %";
    }

    private static String percent(double ratio) {
        return Double.isFinite(ratio) ? String.format("%.4f %%", ratio * 100) : "n/a";
    }

    private static String ratio(double r) {
        return Double.isFinite(r) ? String.format("%.4f", r) : "n/a";
    }
}
