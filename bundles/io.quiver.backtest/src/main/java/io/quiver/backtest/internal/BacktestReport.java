package io.quiver.backtest.internal;

import io.quiver.backtest.BacktestResult;
import io.quiver.backtest.BacktestSettings;
import io.quiver.backtest.PerformanceMetrics;
import io.quiver.backtest.RoundTrip;
import io.quiver.oms.Account;
import io.quiver.oms.host.InstanceState;
import io.quiver.oms.host.StrategyHarness;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.Qty;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects what a backtest produces and turns it into a {@link BacktestResult} and its JSON. */
public final class BacktestReport {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private final BacktestSettings settings;
    private final io.quiver.sdk.model.Instrument instrument;
    /** The times of the first and last bar (or quote or trade) the instance saw; bars counts them. */
    private long firstNanos;
    private long lastNanos;
    private final List<Fill> fills = new ArrayList<>();
    private final RoundTripLog trips = new RoundTripLog();
    /** Exact equity at the last bar of each UTC day: the equity curve of the result and of the metrics. */
    private final List<LocalDate> days = new ArrayList<>();
    private final List<BigDecimal> dailyEquity = new ArrayList<>();
    /** Capital moved in at the start of each day (a portfolio's rebalancing); null while none was. */
    private List<BigDecimal> dailyFlows;
    private BigDecimal pendingFlow = BigDecimal.ZERO;
    private boolean weekendTraded;
    private long barsInMarket;
    private long bars;

    private final String costs;
    private Money borrow = Money.ZERO;
    private Money interest = Money.ZERO;

    /** {@code costs}: what fills cost on the venue, in its own words ({@link io.quiver.sdk.spi.Venue#costs()}). */
    public BacktestReport(BacktestSettings settings, BarSeries series, String costs) {
        this(settings, series.instrument(), costs);
    }

    /** A report whose main instrument is {@code instrument} (the one the result names). */
    public BacktestReport(BacktestSettings settings, io.quiver.sdk.model.Instrument instrument, String costs) {
        this.settings = settings;
        this.instrument = instrument;
        this.costs = costs;
    }

    /** A charge for holding positions overnight ({@code borrow} or {@code interest}). */
    public void onOvernightCharge(String kind, Money amount) {
        if (kind.equals("borrow")) {
            borrow = borrow.plus(amount);
        } else {
            interest = interest.plus(amount);
        }
    }

    public void onOrderEvent(OrderEvent e) {
        if (e instanceof OrderEvent.Filled f) {
            fills.add(f.fill());
            trips.onFill(f.fill().instrument(), f.fill());
        }
    }

    /** After bar {@code i}'s close: its extremes against the open trade; at a day's last bar also records the exact equity. */
    public void onBarClosed(BarSeries s, int i, Account account) {
        onBar(s, i);
        long day = tradingDay(s.timeNanos(i));
        if (i + 1 == s.size() || tradingDay(s.timeNanos(i + 1)) != day) {
            onDayEnd(LocalDate.ofEpochDay(day), account);
        }
    }

    /** The UTC day a bar stamped at {@code timeNanos} belongs to: a bar is stamped at its close, so one closing at midnight belongs to the day before. */
    public static long tradingDay(long timeNanos) {
        return Math.floorDiv(timeNanos - 1, NANOS_PER_DAY);
    }

    /** After the close of a bar the instance sees: its extremes against the open trade. */
    public void onBar(BarSeries s, int i) {
        seen(s.timeNanos(i));
        if (trips.hasPosition()) {
            barsInMarket++;
            trips.onBar(s.instrument().id(), s.lowUnits(i), s.highUnits(i), s.priceScale());
        }
    }

    /** After a quote or trade the instance sees: its prices against the open trade. */
    public void onTick(io.quiver.sdk.model.TickSeries t, int i) {
        seen(t.timeNanos(i));
        if (trips.hasPosition()) {
            barsInMarket++;
            trips.onBar(t.instrument().id(), t.lowUnits(i), t.highUnits(i), t.priceScale());
        }
    }

    private void seen(long timeNanos) {
        if (bars++ == 0) {
            firstNanos = timeNanos;
        }
        lastNanos = timeNanos;
    }

    private java.time.Instant first() {
        return bars == 0 ? null : BarSeries.instantOfNanos(firstNanos);
    }

    private java.time.Instant last() {
        return bars == 0 ? null : BarSeries.instantOfNanos(lastNanos);
    }

    /** At the end of a day: records the account's exact equity, a point of the equity curve. */
    public void onDayEnd(LocalDate date, Account account) {
        weekendTraded |= date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        days.add(date);
        dailyEquity.add(account.equity().toBigDecimal());
        if (dailyFlows != null || pendingFlow.signum() != 0) {
            if (dailyFlows == null) {
                dailyFlows = new ArrayList<>(java.util.Collections.nCopies(days.size() - 1, BigDecimal.ZERO));
            }
            dailyFlows.add(pendingFlow);
            pendingFlow = BigDecimal.ZERO;
        }
    }

    /** Whether the instance holds a position now (at the last bar's close). */
    public boolean inMarket() {
        return trips.hasPosition();
    }

    /** The notional the instance has traded so far. */
    public BigDecimal traded() {
        return trips.traded();
    }

    /** Capital moved into the account (negative: out of it) before the day's first bar. */
    public void onTransfer(Money amount) {
        pendingFlow = pendingFlow.add(amount.toBigDecimal());
    }

    /**
     * Trading days a year: 252 for an instrument that trades on weekdays (by its hours, or, for one the
     * instrument master does not know, because no bar fell on a weekend), 365 for one that trades every day.
     */
    private int periodsPerYear() {
        return instrument.hours().weekdaysOnly() || !weekendTraded ? 252 : 365;
    }

    public BacktestResult finish(StrategyHarness harness, long elapsedNanos) {
        Account account = harness.account();
        InstrumentId instrument = this.instrument.id();
        Money equity = account.equity();
        Qty position = account.quantity(instrument);
        List<RoundTrip> roundTrips = trips.trips(last());
        PerformanceMetrics metrics = metrics(roundTrips);
        String json = json(harness, equity, metrics, roundTrips, position);
        return new BacktestResult(settings, instrument.symbol(), bars, harness.orderCount(), List.copyOf(fills), equity,
                account.cash(), position, account.realisedPnl(), account.fees(), metrics, roundTrips, harness.instanceState(), harness.reason(),
                json, elapsedNanos, curve(), first(), last());
    }

    private List<BacktestResult.DailyEquity> curve() {
        List<BacktestResult.DailyEquity> curve = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            curve.add(new BacktestResult.DailyEquity(days.get(i), Money.of(dailyEquity.get(i))));
        }
        return List.copyOf(curve);
    }

    private PerformanceMetrics metrics(List<RoundTrip> roundTrips) {
        int ppy = periodsPerYear();
        ReturnStatistics r = new ReturnStatistics(settings.startingCash().toBigDecimal(), days, dailyEquity, dailyFlows, ppy);
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal e : dailyEquity) {
            sum = sum.add(e);
        }
        double turnover = dailyEquity.isEmpty() || sum.signum() == 0 ? Double.NaN
                : trips.traded().multiply(BigDecimal.valueOf(dailyEquity.size())).divide(sum, MathContext.DECIMAL64).doubleValue();
        double exposure = bars == 0 ? Double.NaN : barsInMarket / (double) bars;
        return new PerformanceMetrics(r.totalReturn, r.annualReturn, r.annualVolatility, r.sharpe, r.sortino, r.calmar, r.maxDrawdown,
                r.drawdownPeak, r.drawdownTrough, r.drawdownRecovery, r.drawdownPeriods, r.var95, r.var99, r.cvar95, r.cvar99, r.periods, ppy,
                exposure, turnover, TradeStatistics.of(roundTrips));
    }

    private String json(StrategyHarness harness, Money equity, PerformanceMetrics m, List<RoundTrip> roundTrips, Qty position) {
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
                .name("instrument").value(instrument.id().symbol())
                .name("bars").number(bars)
                .name("first").value(String.valueOf(first()))
                .name("last").value(String.valueOf(last()))
                .endObject();
        w.name("venue").value(settings.venue());
        w.name("venueSettings").beginObject();
        for (Map.Entry<String, String> v : new java.util.TreeMap<>(settings.venueSettings()).entrySet()) {
            w.name(v.getKey()).value(v.getValue());
        }
        w.endObject();
        w.name("costs").value(costs);
        w.name("latency").value(settings.latency().toString());
        w.name("financing").beginObject()
                .name("borrowRate").number(settings.financing().borrowRate().toPlainString())
                .name("financingRate").number(settings.financing().financingRate().toPlainString())
                .name("borrow").money(borrow)
                .name("interest").money(interest)
                .endObject();
        w.name("startingCash").money(settings.startingCash());
        w.name("feeBps").number(settings.feeBps().toPlainString());
        w.name("finalEquity").money(equity);
        w.name("cash").money(account.cash());
        w.name("position").number(position.toBigDecimal().stripTrailingZeros().toPlainString());
        w.name("realisedPnl").money(account.realisedPnl());
        w.name("fees").money(account.fees());
        w.name("totalReturn").number(m.totalReturn().toPlainString());
        w.name("orders").number(harness.orderCount());
        w.name("fillCount").number(fills.size());
        w.name("state").value(harness.instanceState().name());
        w.name("quarantineReason").value(harness.instanceState() == InstanceState.QUARANTINED ? harness.reason() : null);
        MetricsJson.write(w.name("metrics"), m);
        w.name("equityCurve").beginArray();
        for (int i = 0; i < days.size(); i++) {
            w.beginRow().name("date").value(days.get(i).toString()).name("equity").money(Money.of(dailyEquity.get(i))).endRow();
        }
        w.endArray();
        MetricsJson.write(w.name("trades"), roundTrips);
        w.name("fills").beginArray();
        for (Fill f : fills) {
            w.beginRow()
                    .name("time").value(f.time().toString())
                    .name("orderId").value(f.orderId().value())
                    .name("executionId").value(f.executionId())
                    .name("side").value(f.side().name())
                    .name("quantity").number(f.quantity().toBigDecimal().toPlainString())
                    .name("price").number(f.price().toString())
                    .name("fee").money(f.fee())
                    .endRow();
        }
        w.endArray();
        return w.endObject().toString();
    }
}
