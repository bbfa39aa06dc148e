package io.quiver.backtest.internal;

import io.quiver.oms.host.StrategyHarness;
import io.quiver.backtest.BacktestResult;
import io.quiver.backtest.BacktestSettings;
import io.quiver.oms.host.InstanceState;
import io.quiver.oms.Account;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.Qty;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects what a backtest produces and turns it into a {@link BacktestResult} and its JSON. */
public final class BacktestReport {
    private final BacktestSettings settings;
    private final BarSeries series;
    private final EquityStatistics statistics;
    private final List<Fill> fills = new ArrayList<>();
    /** Exact equity at the last bar of each UTC day: the equity curve of the result. */
    private final List<String[]> dailyEquity = new ArrayList<>();
    private final double pow10;
    private double cash;
    private double position;
    private long bars;

    public BacktestReport(BacktestSettings settings, BarSeries series) {
        this.settings = settings;
        this.series = series;
        this.cash = settings.startingCash().toBigDecimal().doubleValue();
        this.statistics = new EquityStatistics(cash);
        this.pow10 = Math.pow(10, series.priceScale());
    }

    public void onOrderEvent(OrderEvent e) {
        if (e instanceof OrderEvent.Filled f) {
            Fill fill = f.fill();
            fills.add(fill);
            double notional = fill.price().times(fill.quantity()).toBigDecimal().doubleValue();
            cash -= fill.side().sign() * notional + fill.fee().toBigDecimal().doubleValue();
            position += fill.side().sign() * fill.quantity().toBigDecimal().doubleValue();
        }
    }

    /** Samples equity at bar {@code i}'s close; at a day's last bar also records the exact equity. */
    public void onBarClosed(BarSeries s, int i, Account account) {
        bars++;
        statistics.sample(s.timeNanos(i), cash + position * (s.closeUnits(i) / pow10));
        // a bar is stamped at its close: a daily bar closing at midnight belongs to the day before
        long day = Math.floorDiv(s.timeNanos(i) - 1, NANOS_PER_DAY);
        if (i + 1 == s.size() || Math.floorDiv(s.timeNanos(i + 1) - 1, NANOS_PER_DAY) != day) {
            dailyEquity.add(new String[] {java.time.LocalDate.ofEpochDay(day).toString(), plain(account.equity())});
        }
    }

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    public BacktestResult finish(StrategyHarness harness, long elapsedNanos) {
        statistics.finish();
        Account account = harness.account();
        InstrumentId instrument = series.instrument().id();
        Money equity = account.equity();
        Money start = settings.startingCash();
        String totalReturn = equity.minus(start).toBigDecimal().divide(start.toBigDecimal(), MathContext.DECIMAL64)
                .stripTrailingZeros().toPlainString();
        Qty position = account.quantity(instrument);
        String json = json(harness, equity, totalReturn, position);
        return new BacktestResult(settings, instrument.symbol(), bars, harness.orderCount(), List.copyOf(fills), equity,
                account.cash(), position, account.realisedPnl(), account.fees(), totalReturn, statistics.maxDrawdown(),
                statistics.sharpe(), harness.instanceState(), harness.reason(), json, elapsedNanos);
    }

    private String json(StrategyHarness harness, Money equity, String totalReturn, Qty position) {
        Account account = harness.account();
        JsonWriter w = new JsonWriter().beginObject();
        w.name("strategyId").value(settings.strategyId());
        w.name("strategyType").value(settings.strategyType());
        w.name("parameters").beginObject();
        for (Map.Entry<String, String> p : new java.util.TreeMap<>(settings.parameters()).entrySet()) {
            w.name(p.getKey()).value(p.getValue());
        }
        w.endObject();
        w.name("data").beginObject()
                .name("name").value(settings.dataName())
                .name("sha256").value(settings.dataSha256())
                .name("instrument").value(series.instrument().id().symbol())
                .name("bars").number(bars)
                .name("first").value(series.time(0).toString())
                .name("last").value(series.time(series.size() - 1).toString())
                .endObject();
        w.name("venue").value(settings.venue());
        w.name("startingCash").number(plain(settings.startingCash()));
        w.name("feeBps").number(settings.feeBps().toPlainString());
        w.name("finalEquity").number(plain(equity));
        w.name("cash").number(plain(account.cash()));
        w.name("position").number(position.toBigDecimal().stripTrailingZeros().toPlainString());
        w.name("realisedPnl").number(plain(account.realisedPnl()));
        w.name("fees").number(plain(account.fees()));
        w.name("totalReturn").number(totalReturn);
        w.name("maxDrawdown").number(statistics.maxDrawdown());
        w.name("sharpe").number(statistics.sharpe());
        w.name("orders").number(harness.orderCount());
        w.name("fillCount").number(fills.size());
        w.name("state").value(harness.instanceState().name());
        w.name("quarantineReason").value(harness.instanceState() == InstanceState.QUARANTINED ? harness.reason() : null);
        w.name("equityCurve").beginArray();
        for (String[] point : dailyEquity) {
            w.beginObject().name("date").value(point[0]).name("equity").number(point[1]).endObject();
        }
        w.endArray();
        w.name("fills").beginArray();
        for (Fill f : fills) {
            w.beginObject()
                    .name("time").value(f.time().toString())
                    .name("orderId").value(f.orderId().value())
                    .name("executionId").value(f.executionId())
                    .name("side").value(f.side().name())
                    .name("quantity").number(f.quantity().toBigDecimal().toPlainString())
                    .name("price").number(f.price().toString())
                    .name("fee").number(plain(f.fee()))
                    .endObject();
        }
        w.endArray();
        return w.endObject().toString();
    }

    private static String plain(Money m) {
        BigDecimal v = m.toBigDecimal();
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
