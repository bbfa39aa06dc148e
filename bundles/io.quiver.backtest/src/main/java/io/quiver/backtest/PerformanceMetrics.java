package io.quiver.backtest;

import io.quiver.sdk.model.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

/**
 * How a backtest performed, by the definitions of empyrical (see {@code docs/metrics.md}): returns are
 * the simple returns of the equity at the end of each trading day, annualised by {@code periodsPerYear}
 * (252 for an instrument that trades on weekdays, 365 for one that trades every day). Money figures are
 * exact; ratios are floating point, and NaN where they are undefined (e.g. a Sharpe ratio without variance).
 *
 * @param totalReturn        final equity over starting equity, less one; exact
 * @param maxDrawdown        the largest fall from a peak, as a negative fraction (empyrical's sign)
 * @param drawdownPeak       the day the largest drawdown started from (null without one)
 * @param drawdownTrough     its lowest day
 * @param drawdownRecovery   the first day equity was back at the peak; null if it never was
 * @param drawdownPeriods    trading days from the peak to the recovery, or to the last day if not recovered
 * @param valueAtRisk95      the daily return at the 5th percentile (historical, linear interpolation)
 * @param conditionalValueAtRisk95 the mean of the daily returns at or below it
 * @param exposure           the share of bars at whose close a position was open
 * @param turnover           traded notional over the average daily equity, for the whole run
 */
public record PerformanceMetrics(BigDecimal totalReturn, double annualReturn, double annualVolatility, double sharpe, double sortino,
        double calmar, double maxDrawdown, LocalDate drawdownPeak, LocalDate drawdownTrough, LocalDate drawdownRecovery, int drawdownPeriods,
        double valueAtRisk95, double valueAtRisk99, double conditionalValueAtRisk95, double conditionalValueAtRisk99, int periods,
        int periodsPerYear, double exposure, double turnover, Trades trades) {

    /**
     * The round trips' statistics: a round trip runs from flat to flat on one instrument; its P&L is what
     * its fills realised less their fees.
     *
     * @param winRate      winners over all round trips (one that made exactly nothing is neither)
     * @param profitFactor gross profit over the gross loss's magnitude; NaN without a loss
     * @param expectancy   the mean P&L of a round trip
     */
    public record Trades(int count, int winners, int losers, double winRate, Money grossProfit, Money grossLoss, double profitFactor,
            Money averageWin, Money averageLoss, Money expectancy, Duration averageHolding) {
    }
}
