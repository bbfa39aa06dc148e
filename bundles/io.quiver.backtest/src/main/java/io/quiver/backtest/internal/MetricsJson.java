package io.quiver.backtest.internal;

import io.quiver.backtest.PerformanceMetrics;
import io.quiver.backtest.RoundTrip;
import java.time.LocalDate;
import java.util.List;

/** The metrics and the round-trip log in a result's JSON; names as in {@code docs/metrics.md}. */
final class MetricsJson {
    private MetricsJson() {
    }

    static void write(JsonWriter w, PerformanceMetrics m) {
        w.beginObject()
                .name("totalReturn").number(m.totalReturn().toPlainString())
                .name("annualReturn").number(m.annualReturn())
                .name("annualVolatility").number(m.annualVolatility())
                .name("sharpe").number(m.sharpe())
                .name("sortino").number(m.sortino())
                .name("calmar").number(m.calmar())
                .name("maxDrawdown").number(m.maxDrawdown())
                .name("drawdownPeak").value(date(m.drawdownPeak()))
                .name("drawdownTrough").value(date(m.drawdownTrough()))
                .name("drawdownRecovery").value(date(m.drawdownRecovery()))
                .name("drawdownPeriods").number(m.drawdownPeriods())
                .name("valueAtRisk95").number(m.valueAtRisk95())
                .name("valueAtRisk99").number(m.valueAtRisk99())
                .name("conditionalValueAtRisk95").number(m.conditionalValueAtRisk95())
                .name("conditionalValueAtRisk99").number(m.conditionalValueAtRisk99())
                .name("periods").number(m.periods())
                .name("periodsPerYear").number(m.periodsPerYear())
                .name("exposure").number(m.exposure())
                .name("turnover").number(m.turnover());
        PerformanceMetrics.Trades t = m.trades();
        w.name("roundTrips").beginObject()
                .name("count").number(t.count())
                .name("winners").number(t.winners())
                .name("losers").number(t.losers())
                .name("winRate").number(t.winRate())
                .name("grossProfit").money(t.grossProfit())
                .name("grossLoss").money(t.grossLoss())
                .name("profitFactor").number(t.profitFactor())
                .name("averageWin").money(t.averageWin())
                .name("averageLoss").money(t.averageLoss())
                .name("expectancy").money(t.expectancy())
                .name("averageHolding").value(t.averageHolding().toString())
                .endObject();
        w.endObject();
    }

    static void write(JsonWriter w, List<RoundTrip> trips) {
        w.beginArray();
        for (RoundTrip t : trips) {
            w.beginRow()
                    .name("instrument").value(t.instrument().symbol())
                    .name("side").value(t.isLong() ? "LONG" : "SHORT")
                    .name("entry").value(t.entry().toString())
                    .name("exit").value(t.exit().toString())
                    .name("holdingSeconds").number(t.holding().getSeconds())
                    .name("quantity").number(t.quantity().toBigDecimal().toPlainString())
                    // as the amounts carry their decimals: a row per round trip, so no stripping of zeros (a copy each)
                    .name("pnl").number(t.pnl().toBigDecimal().toPlainString())
                    .name("fees").number(t.fees().toBigDecimal().toPlainString())
                    .name("mae").number(t.mae().toBigDecimal().toPlainString())
                    .name("mfe").number(t.mfe().toBigDecimal().toPlainString())
                    .name("open").bool(t.open())
                    .endRow();
        }
        w.endArray();
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
