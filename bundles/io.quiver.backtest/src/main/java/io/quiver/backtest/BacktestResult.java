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
        Money finalEquity, Money cash, Qty finalPosition, Money realisedPnl, Money fees, String totalReturn,
        double maxDrawdown, double sharpe, InstanceState finalState, String quarantineReason, String json,
        long elapsedNanos) {

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
        b.append(String.format("total return   %s%n", percent(totalReturn)));
        b.append(String.format("max drawdown   %.4f %%%n", maxDrawdown * 100));
        b.append(String.format("sharpe         %.4f%n", sharpe));
        if (finalState == InstanceState.QUARANTINED) {
            b.append(String.format("QUARANTINED    %s%n", quarantineReason));
        }
        b.append(String.format("elapsed        %.3f s, %,.0f bars/s%n", elapsedNanos / 1e9, barsPerSecond()));
        return b.toString();
    }

    private static String percent(String ratio) {
        return new java.math.BigDecimal(ratio).movePointRight(2).setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString() + " %";
    }
}
