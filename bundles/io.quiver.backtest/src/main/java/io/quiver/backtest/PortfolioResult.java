package io.quiver.backtest;

import io.quiver.sdk.model.Money;
import java.util.List;

/**
 * What a portfolio backtest produced: the portfolio's figures and each instance's own result. The
 * portfolio's equity is its unallocated cash plus every instance's equity; its metrics are those of that
 * curve, its round-trip statistics those of all instances' trades. {@link #json()} holds everything, the
 * instances' results included; the same plan and data give the same bytes.
 *
 * @param unallocated cash no instance holds (what the allocator left out, and rounding)
 * @param breaker     why the portfolio's drawdown limit stopped new positions, or null
 */
public record PortfolioResult(PortfolioPlan plan, long bars, Money finalEquity, Money unallocated, Money fees, int rebalances,
        PerformanceMetrics metrics, List<BacktestResult> instances, String breaker, String json, long elapsedNanos,
        List<BacktestResult.DailyEquity> equityCurve) {

    public double barsPerSecond() {
        return elapsedNanos == 0 ? 0 : bars * 1e9 / elapsedNanos;
    }

    /** A short human summary: the portfolio's figures, then one line per instance. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("portfolio      %s: %d instances, %d data sets, %d bars%n", plan.name(), instances.size(), plan.data().size(), bars));
        b.append(String.format("allocator      %s, rebalanced %s (%d times)%n", plan.allocator(), plan.rebalance().name().toLowerCase(java.util.Locale.ROOT),
                rebalances));
        b.append(String.format("final equity   %s (start %s, unallocated %s)%n", finalEquity, plan.cash(), unallocated));
        b.append(String.format("total return   %s (annual %s)%n", percent(metrics.totalReturn().doubleValue()), percent(metrics.annualReturn())));
        b.append(String.format("max drawdown   %s over %d days%n", percent(metrics.maxDrawdown()), metrics.drawdownPeriods()));
        b.append(String.format("sharpe         %s, sortino %s, calmar %s%n", ratio(metrics.sharpe()), ratio(metrics.sortino()), ratio(metrics.calmar())));
        b.append(String.format("round trips    %d, win rate %s, fees %s%n", metrics.trades().count(), percent(metrics.trades().winRate()), fees));
        if (breaker != null) {
            b.append(String.format("BREAKER        %s%n", breaker));
        }
        b.append(String.format("%-14s %-22s %16s %10s %8s %7s  %s%n", "instance", "type", "final equity", "return", "sharpe", "trades", "state"));
        for (BacktestResult r : instances) {
            BacktestSettings s = r.settings();
            b.append(String.format("%-14s %-22s %16s %10s %8s %7d  %s%n", s.strategyId(), s.strategyType().replace("io.quiver.strategy.", ""),
                    r.finalEquity().rounded(2), percent(r.metrics().totalReturn().doubleValue()), ratio(r.metrics().sharpe()), r.metrics().trades().count(),
                    r.finalState() == io.quiver.oms.host.InstanceState.QUARANTINED ? "QUARANTINED: " + r.quarantineReason() : r.finalState().name()));
        }
        b.append(String.format("elapsed        %.3f s, %,.0f bars/s%n", elapsedNanos / 1e9, barsPerSecond()));
        return b.toString();
    }

    private static String percent(double ratio) {
        return Double.isFinite(ratio) ? String.format("%.4f %%", ratio * 100) : "n/a";
    }

    private static String ratio(double r) {
        return Double.isFinite(r) ? String.format("%.4f", r) : "n/a";
    }
}
