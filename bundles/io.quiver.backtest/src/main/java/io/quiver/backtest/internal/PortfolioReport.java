package io.quiver.backtest.internal;

import io.quiver.backtest.BacktestResult;
import io.quiver.backtest.PerformanceMetrics;
import io.quiver.backtest.PortfolioPlan;
import io.quiver.backtest.PortfolioResult;
import io.quiver.backtest.RoundTrip;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.spi.BarSourceFactory;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Collects a portfolio's own figures as it runs and writes its result, the instances' results inside. */
final class PortfolioReport {
    private record Rebalance(Instant time, Map<String, BigDecimal> weights, Map<String, Money> moved) {
    }

    private final PortfolioPlan plan;
    private final Map<String, BarSourceFactory.BarData> data;
    private final List<MarketSeries> series;
    private final Money start;
    private final List<LocalDate> days = new ArrayList<>();
    private final List<BigDecimal> equity = new ArrayList<>();
    private final List<Rebalance> rebalances = new ArrayList<>();
    private long bars;
    private long barsInMarket;

    PortfolioReport(PortfolioPlan plan, Map<String, BarSourceFactory.BarData> data, List<MarketSeries> series, Money start) {
        this.plan = plan;
        this.data = data;
        this.series = series;
        this.start = start;
    }

    void onBar(boolean inMarket) {
        bars++;
        if (inMarket) {
            barsInMarket++;
        }
    }

    void onDayEnd(LocalDate day, Money portfolioEquity) {
        days.add(day);
        equity.add(portfolioEquity.toBigDecimal());
    }

    void onRebalance(Instant time, Map<String, BigDecimal> weights, Map<String, Money> moved) {
        rebalances.add(new Rebalance(time, Map.copyOf(weights), Map.copyOf(moved)));
    }

    PortfolioResult finish(List<BacktestResult> instances, Money unallocated, String breaker, BigDecimal traded, long elapsedNanos) {
        Money fees = Money.ZERO;
        Money realised = Money.ZERO;
        int orders = 0;
        int fills = 0;
        boolean everyDay = false;
        List<RoundTrip> trips = new ArrayList<>();
        for (BacktestResult r : instances) {
            fees = fees.plus(r.fees());
            realised = realised.plus(r.realisedPnl());
            orders += r.orders();
            fills += r.fills().size();
            everyDay |= r.metrics().periodsPerYear() == 365;
            trips.addAll(r.trades());
        }
        trips.sort(Comparator.comparing(RoundTrip::exit).thenComparing(RoundTrip::entry).thenComparing(t -> t.instrument().symbol()));
        int ppy = everyDay ? 365 : 252;
        ReturnStatistics r = new ReturnStatistics(start.toBigDecimal(), days, equity, ppy);
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal e : equity) {
            sum = sum.add(e);
        }
        double turnover = equity.isEmpty() || sum.signum() == 0 ? Double.NaN
                : traded.multiply(BigDecimal.valueOf(equity.size())).divide(sum, MathContext.DECIMAL64).doubleValue();
        PerformanceMetrics m = new PerformanceMetrics(r.totalReturn, r.annualReturn, r.annualVolatility, r.sharpe, r.sortino, r.calmar, r.maxDrawdown,
                r.drawdownPeak, r.drawdownTrough, r.drawdownRecovery, r.drawdownPeriods, r.var95, r.var99, r.cvar95, r.cvar99, r.periods, ppy,
                bars == 0 ? Double.NaN : barsInMarket / (double) bars, turnover, TradeStatistics.of(trips));
        Money finalEquity = equity.isEmpty() ? start : Money.of(equity.get(equity.size() - 1));
        String json = json(instances, m, finalEquity, unallocated, fees, realised, orders, fills, breaker);
        List<BacktestResult.DailyEquity> curve = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            curve.add(new BacktestResult.DailyEquity(days.get(i), Money.of(equity.get(i))));
        }
        return new PortfolioResult(plan, bars, finalEquity, unallocated, fees, rebalances.size() - 1, m, List.copyOf(instances), breaker, json,
                elapsedNanos, List.copyOf(curve));
    }

    private String json(List<BacktestResult> instances, PerformanceMetrics m, Money finalEquity, Money unallocated, Money fees, Money realised,
            int orders, int fills, String breaker) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("portfolio").value(plan.name());
        w.name("plan").beginObject()
                .name("cash").money(plan.cash())
                .name("venue").value(plan.venue());
        map(w.name("venueSettings"), plan.venueSettings());
        w.name("latency").value(plan.latency().toString())
                .name("borrowRate").number(plan.financing().borrowRate().toPlainString())
                .name("financingRate").number(plan.financing().financingRate().toPlainString())
                .name("allocator").value(plan.allocator());
        map(w.name("allocatorSettings"), plan.allocatorSettings());
        w.name("rebalance").value(plan.rebalance().name().toLowerCase(java.util.Locale.ROOT));
        w.name("from").value(plan.from() == null ? null : plan.from().toString());
        w.name("to").value(plan.to() == null ? null : plan.to().toString());
        map(w.name("risk"), plan.risk());
        map(w.name("portfolioRisk"), plan.portfolioRisk());
        w.endObject();
        w.name("data").beginArray();
        for (int k = 0; k < plan.data().size(); k++) {
            PortfolioPlan.DataSet d = plan.data().get(k);
            BarSourceFactory.BarData bd = data.get(d.name());
            MarketSeries s = series.get(k);
            w.beginRow().name("name").value(d.name()).name("source").value(bd.name()).name("sha256").value(bd.checksum())
                    .name("instrument").value(s.instrument().id().symbol()).name("bars").number(s.size())
                    .name("first").value(s.time(0).toString()).name("last").value(s.time(s.size() - 1).toString()).endRow();
        }
        w.endArray();
        w.name("startingCash").money(start);
        w.name("finalEquity").money(finalEquity);
        w.name("unallocated").money(unallocated);
        w.name("realisedPnl").money(realised);
        w.name("fees").money(fees);
        w.name("totalReturn").number(m.totalReturn().toPlainString());
        w.name("bars").number(bars);
        w.name("orders").number(orders);
        w.name("fillCount").number(fills);
        w.name("breaker").value(breaker);
        MetricsJson.write(w.name("metrics"), m);
        w.name("equityCurve").beginArray();
        for (int i = 0; i < days.size(); i++) {
            w.beginRow().name("date").value(days.get(i).toString()).name("equity").money(Money.of(equity.get(i))).endRow();
        }
        w.endArray();
        w.name("rebalances").beginArray();
        for (Rebalance r : rebalances) {
            w.beginRow().name("time").value(r.time().toString());
            w.name("weights").beginRow();
            for (BacktestResult in : instances) {
                String id = in.settings().strategyId();
                w.name(id).number(r.weights().get(id).toPlainString());
            }
            w.endRow();
            w.name("moved").beginRow();
            for (BacktestResult in : instances) {
                String id = in.settings().strategyId();
                if (r.moved().containsKey(id)) {
                    w.name(id).money(r.moved().get(id));
                }
            }
            w.endRow().endRow();
        }
        w.endArray();
        w.name("instances").beginArray();
        for (BacktestResult in : instances) {
            w.embed(in.json());
        }
        w.endArray();
        return w.endObject().toString();
    }

    private static void map(JsonWriter w, Map<String, String> m) {
        w.beginObject();
        new java.util.TreeMap<>(m).forEach((k, v) -> w.name(k).value(v));
        w.endObject();
    }
}
