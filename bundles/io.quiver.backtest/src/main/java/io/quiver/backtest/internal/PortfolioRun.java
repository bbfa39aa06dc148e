package io.quiver.backtest.internal;

import io.quiver.backtest.Allocator;
import io.quiver.backtest.BacktestProgress;
import io.quiver.backtest.BacktestResult;
import io.quiver.backtest.BacktestSettings;
import io.quiver.backtest.PortfolioPlan;
import io.quiver.backtest.PortfolioResult;
import io.quiver.oms.OrderJournal;
import io.quiver.oms.OrderManager;
import io.quiver.oms.PreTradeGate;
import io.quiver.oms.host.InMemoryStateStore;
import io.quiver.oms.host.InstanceState;
import io.quiver.oms.host.StrategyHarness;
import io.quiver.sdk.Strategy;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.spi.BarSourceFactory;
import io.quiver.sdk.spi.MarketDataListener;
import io.quiver.sdk.spi.Venue;
import io.quiver.sdk.spi.VenueFactory;
import io.quiver.sdk.spi.VenueSetup;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a portfolio: every data set's bars merged by time (a tie goes to the data set named first), every
 * instance with its own account on one venue and one order manager, capital split by an allocator at the
 * start and moved between the accounts at each rebalance. Everything happens on one thread in a fixed
 * order, so a plan run twice gives the same bytes.
 */
public final class PortfolioRun {
    /** Capital is split to the cent, rounded down: what rounding leaves stays unallocated. */
    private static final int CASH_SCALE = 2;

    /** One strategy instance of the plan and the strategy object that runs it. */
    public record Member(PortfolioPlan.Instance instance, String typeName, Strategy strategy) {
    }

    private static final class Sleeve {
        final PortfolioPlan.Instance plan;
        final BacktestReport report;
        final StrategyHarness harness;
        final OvernightCosts overnight;
        /** Daily time-weighted returns, the compounded index and its peak: what the allocator weighs. */
        final List<Double> returns = new ArrayList<>();
        double index = 1;
        double peak = 1;
        BigDecimal lastClose;
        BigDecimal flowToday = BigDecimal.ZERO;
        /** The time of the last bar of its data: after it, the instance is done and gives its capital back. */
        long lastBarNanos = Long.MIN_VALUE;

        Sleeve(PortfolioPlan.Instance plan, BacktestReport report, StrategyHarness harness, OvernightCosts overnight, Money capital) {
            this.plan = plan;
            this.report = report;
            this.harness = harness;
            this.overnight = overnight;
            this.lastClose = capital.toBigDecimal();
        }

        void onDayClose(BigDecimal equity) {
            BigDecimal base = lastClose.add(flowToday);
            double r = base.signum() > 0 ? equity.doubleValue() / base.doubleValue() - 1.0 : 0.0;
            returns.add(r);
            index *= 1 + r;
            peak = Math.max(peak, index);
            lastClose = equity;
            flowToday = BigDecimal.ZERO;
        }

        double[] lastReturns(int n) {
            int from = Math.max(0, returns.size() - n);
            double[] r = new double[returns.size() - from];
            for (int i = 0; i < r.length; i++) {
                r[i] = returns.get(from + i);
            }
            return r;
        }
    }

    private PortfolioRun() {
    }

    /**
     * @param data the bars of each of the plan's data sets, by name
     */
    public static PortfolioResult run(PortfolioPlan plan, List<Member> members, Map<String, BarSourceFactory.BarData> data, PreTradeGate risk,
            BacktestProgress progress, VenueFactory venues, Allocator allocator) {
        long started = System.nanoTime();
        List<MarketSeries> series = new ArrayList<>();
        Map<String, Integer> seriesOf = new HashMap<>();
        Map<String, String> dataOfSymbol = new HashMap<>();
        List<Instrument> instruments = new ArrayList<>();
        for (PortfolioPlan.DataSet d : plan.data()) {
            MarketSeries s = MarketSeries.of(data.get(d.name()));
            if (s.size() == 0) {
                throw new IllegalArgumentException("data." + d.name() + ": " + d.data() + " has no bars");
            }
            String other = dataOfSymbol.putIfAbsent(s.instrument().id().symbol(), d.name());
            if (other != null) {
                throw new IllegalArgumentException("data." + d.name() + ": its bars are for " + s.instrument().id().symbol() + ", as those of data." + other
                        + " are; give one of them another symbol with data." + d.name() + ".symbol");
            }
            seriesOf.put(d.name(), series.size());
            series.add(s);
            instruments.add(s.instrument());
        }
        Instant first = series.stream().map(s -> s.time(0)).min(Instant::compareTo).orElseThrow();
        SimulatedClock clock = new SimulatedClock(first);
        Venue venue = venues.create(new VenueSetup("backtest", plan.venueSettings(), instruments, VenueSetup.noStore()));
        if (!(venue instanceof MarketDataListener marketData)) {
            throw new IllegalArgumentException("venue: " + venues.type() + " does not fill from market data, so it cannot run a backtest");
        }
        DelayedVenue delayed = plan.latency().isZero() ? null : new DelayedVenue(venue, plan.latency(), clock);
        Venue theVenue = delayed != null ? delayed : venue;
        List<String> ids = members.stream().map(m -> m.instance().id()).toList();
        PortfolioLimits limits = new PortfolioLimits(risk, ids, plan.portfolioRisk());
        OrderManager oms = new OrderManager(OrderJournal.none(), id -> theVenue, clock);
        oms.gate(limits);
        instruments.forEach(oms::registerInstrument);

        // the first split: no instance has a history yet
        List<Allocator.Sleeve> fresh = new ArrayList<>();
        for (Member m : members) {
            fresh.add(new Allocator.Sleeve(m.instance().id(), m.instance().weight(), Money.ZERO, new double[0], 0));
        }
        Map<String, BigDecimal> initial = checked(allocator.weights(fresh), ids, plan.allocator());
        Money reserve = plan.cash();
        List<Sleeve> sleeves = new ArrayList<>();
        int[] inMarket = {0}; // how many instances hold a position: the portfolio's exposure counts bars with one or more
        List<List<Sleeve>> bySeries = new ArrayList<>();
        series.forEach(s -> bySeries.add(new ArrayList<>()));
        for (Member m : members) {
            PortfolioPlan.Instance in = m.instance();
            Money capital = Money.of(initial.get(in.id()).multiply(plan.cash().toBigDecimal()).setScale(CASH_SCALE, RoundingMode.DOWN));
            if (capital.signum() <= 0) {
                throw new IllegalArgumentException("instance." + in.id() + ": the " + plan.allocator() + " allocator gives it no capital to start with (weight "
                        + initial.get(in.id()).toPlainString() + " of " + plan.cash() + ")");
            }
            reserve = reserve.minus(capital);
            PortfolioPlan.DataSet main = dataSet(plan, in.data().get(0));
            BarSourceFactory.BarData mainData = data.get(main.name());
            BacktestSettings settings = new BacktestSettings(in.id(), m.typeName(), in.parameters(), capital, BigDecimal.ZERO, 3, mainData.name(),
                    mainData.checksum(), plan.venue(), plan.venueSettings(), plan.latency(), plan.financing());
            BacktestReport report = new BacktestReport(settings, series.get(seriesOf.get(main.name())).instrument(), theVenue.costs());
            oms.openAccount(in.id(), venue.id(), capital);
            List<Instrument> own = in.data().stream().map(d -> series.get(seriesOf.get(d)).instrument()).toList();
            StrategyHarness harness = new StrategyHarness(new StrategyHarness.Setup(in.id(), m.strategy(), oms, clock, own, new InMemoryStateStore(),
                    in.id() + "-", settings.maxFaults(), e -> {
                        boolean before = report.inMarket();
                        report.onOrderEvent(e);
                        inMarket[0] += Boolean.compare(report.inMarket(), before);
                    }));
            oms.attach(in.id(), harness::onOrderEvent);
            OvernightCosts overnight = plan.financing().isFree() ? null : new OvernightCosts(plan.financing(), oms, in.id(), report);
            Sleeve sleeve = new Sleeve(in, report, harness, overnight, capital);
            for (String d : in.data()) {
                MarketSeries traded = series.get(seriesOf.get(d));
                sleeve.lastBarNanos = Math.max(sleeve.lastBarNanos, traded.timeNanos(traded.size() - 1));
            }
            sleeves.add(sleeve);
            in.data().forEach(d -> bySeries.get(seriesOf.get(d)).add(sleeve));
        }
        venue.open(e -> oms.onVenueEvent(theVenue.id(), e));
        sleeves.forEach(s -> s.harness.start());

        PortfolioReport report = new PortfolioReport(plan, data, series, plan.cash());
        report.onRebalance(first, initial, Map.of());
        long total = 0;
        for (MarketSeries s : series) {
            total += s.size();
        }
        long step = Math.max(1, total / 20);
        // the next bar of each series, smallest time first, then the data set named first
        BarMerge next = new BarMerge(series);
        long day = Long.MIN_VALUE;
        long done = 0;
        while (next.hasNext()) {
            int k = next.peek();
            MarketSeries s = series.get(k);
            int i = next.index(k);
            long barDay = BacktestReport.tradingDay(s.timeNanos(i));
            if (barDay != day) {
                if (day != Long.MIN_VALUE) {
                    closeDay(LocalDate.ofEpochDay(day), sleeves, oms, reserve, report, limits);
                    if (newPeriod(plan.rebalance(), LocalDate.ofEpochDay(day), LocalDate.ofEpochDay(barDay))) {
                        reserve = rebalance(s.time(i), sleeves, oms, reserve, allocator, ids, plan, report);
                    }
                }
                day = barDay;
            }
            Instant time = s.time(i);
            fireTimers(sleeves, time, clock);
            clock.set(time);
            for (Sleeve sl : bySeries.get(k)) {
                if (sl.overnight != null) {
                    sl.overnight.onBar(time);
                }
            }
            deliver(s, i, marketData, oms, bySeries.get(k));
            if (delayed != null) {
                delayed.release(time);
            }
            for (Sleeve sl : bySeries.get(k)) {
                if (s.isTicks()) {
                    sl.report.onTick(s.ticks(), i);
                } else {
                    sl.report.onBar(s.bars(), i);
                }
            }
            report.onBar(inMarket[0] > 0);
            next.advance(k);
            if (++done % step == 0) {
                progress.onProgress(done, total);
            }
        }
        closeDay(LocalDate.ofEpochDay(day), sleeves, oms, reserve, report, limits);
        long elapsed = System.nanoTime() - started;
        List<BacktestResult> results = new ArrayList<>();
        BigDecimal traded = BigDecimal.ZERO;
        for (Sleeve sl : sleeves) {
            sl.harness.stop(false);
            results.add(sl.report.finish(sl.harness, elapsed));
            traded = traded.add(sl.report.traded());
        }
        return report.finish(results, reserve, limits.tripped(), traded, elapsed);
    }

    /** A bar, quote or trade to the venue, the order manager and the running instances that trade its instrument, in that order. */
    private static void deliver(MarketSeries s, int i, MarketDataListener venue, OrderManager oms, List<Sleeve> sleeves) {
        if (!s.isTicks()) {
            Bar bar = s.bars().bar(i);
            venue.onBar(bar);
            oms.onBar(bar);
            for (Sleeve sl : sleeves) {
                if (sl.harness.instanceState() == InstanceState.RUNNING) {
                    sl.harness.onBar(bar);
                }
            }
        } else if (s.ticks().isQuote(i)) {
            io.quiver.sdk.model.Quote q = s.ticks().quote(i);
            venue.onQuote(q);
            oms.onQuote(q);
            for (Sleeve sl : sleeves) {
                if (sl.harness.instanceState() == InstanceState.RUNNING) {
                    sl.harness.onQuote(q);
                }
            }
        } else {
            io.quiver.sdk.model.Trade t = s.ticks().trade(i);
            venue.onTrade(t);
            oms.onTrade(t);
            for (Sleeve sl : sleeves) {
                if (sl.harness.instanceState() == InstanceState.RUNNING) {
                    sl.harness.onTrade(t);
                }
            }
        }
    }

    private static PortfolioPlan.DataSet dataSet(PortfolioPlan plan, String name) {
        return plan.data().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    /** Timers of every instance due up to {@code time}, earliest first (a tie: the instance named first). */
    private static void fireTimers(List<Sleeve> sleeves, Instant time, SimulatedClock clock) {
        while (true) {
            Sleeve due = null;
            Instant at = null;
            for (Sleeve sl : sleeves) {
                Instant t = sl.harness.instanceState() == InstanceState.RUNNING ? sl.harness.nextTimerDue() : null;
                if (t != null && !t.isAfter(time) && (at == null || t.isBefore(at))) {
                    due = sl;
                    at = t;
                }
            }
            if (due == null) {
                return;
            }
            clock.set(at);
            due.harness.fireTimers(at);
        }
    }

    private static void closeDay(LocalDate date, List<Sleeve> sleeves, OrderManager oms, Money reserve, PortfolioReport report, PortfolioLimits limits) {
        Money equity = reserve;
        for (Sleeve sl : sleeves) {
            io.quiver.oms.Account account = oms.account(sl.plan.id());
            sl.report.onDayEnd(date, account);
            Money e = account.equity();
            sl.onDayClose(e.toBigDecimal());
            equity = equity.plus(e);
        }
        report.onDayEnd(date, equity);
        limits.onDayClose(date, equity);
    }

    static boolean newPeriod(PortfolioPlan.Rebalance every, LocalDate before, LocalDate now) {
        return switch (every) {
            case NEVER -> false;
            case DAILY -> !now.equals(before);
            case WEEKLY -> now.get(IsoFields.WEEK_BASED_YEAR) != before.get(IsoFields.WEEK_BASED_YEAR)
                    || now.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != before.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case MONTHLY -> now.getYear() != before.getYear() || now.getMonthValue() != before.getMonthValue();
            case QUARTERLY -> now.getYear() != before.getYear() || now.get(IsoFields.QUARTER_OF_YEAR) != before.get(IsoFields.QUARTER_OF_YEAR);
        };
    }

    /**
     * Splits the portfolio's equity again by the allocator's weights, before the first bar of a new period.
     * Only instances still at work are weighed: one that is quarantined or stopped, or whose data has ended,
     * has a weight of 0. Capital is taken first, then given, in the instances' order. An instance gives up
     * at most its free cash (a rebalance never sells for it), and capital is given only while the
     * unallocated cash lasts.
     */
    private static Money rebalance(Instant time, List<Sleeve> sleeves, OrderManager oms, Money reserve, Allocator allocator, List<String> ids,
            PortfolioPlan plan, PortfolioReport report) {
        Money total = reserve;
        Map<String, Money> equity = new LinkedHashMap<>();
        List<Allocator.Sleeve> view = new ArrayList<>();
        int lookback = Math.max(0, allocator.lookback());
        long now = BarSeries.nanosOf(time);
        List<String> active = new ArrayList<>();
        for (Sleeve sl : sleeves) {
            Money e = oms.account(sl.plan.id()).equity();
            equity.put(sl.plan.id(), e);
            total = total.plus(e);
            if (sl.harness.instanceState() == InstanceState.RUNNING && now <= sl.lastBarNanos) {
                active.add(sl.plan.id());
                view.add(new Allocator.Sleeve(sl.plan.id(), sl.plan.weight(), e, sl.lastReturns(lookback), 1 - sl.index / sl.peak));
            }
        }
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        Map<String, BigDecimal> given = view.isEmpty() ? Map.of() : checked(allocator.weights(view), active, plan.allocator());
        for (String id : ids) {
            weights.put(id, given.getOrDefault(id, BigDecimal.ZERO));
        }
        Map<String, Money> moved = new TreeMap<>();
        Money pool = reserve;
        for (Sleeve sl : sleeves) {
            String id = sl.plan.id();
            Money target = Money.of(weights.get(id).multiply(total.toBigDecimal()).setScale(CASH_SCALE, RoundingMode.DOWN));
            Money excess = equity.get(id).minus(target);
            if (excess.signum() > 0) {
                Money free = oms.readBooks(b -> b.freeCash(id));
                Money take = Money.of(excess.toBigDecimal().min(free.toBigDecimal().max(BigDecimal.ZERO)).setScale(CASH_SCALE, RoundingMode.DOWN));
                if (take.signum() > 0) {
                    move(oms, sl, take.negate(), moved);
                    pool = pool.plus(take);
                }
            }
        }
        for (Sleeve sl : sleeves) {
            String id = sl.plan.id();
            Money target = Money.of(weights.get(id).multiply(total.toBigDecimal()).setScale(CASH_SCALE, RoundingMode.DOWN));
            Money shortfall = Money.of(target.minus(equity.get(id)).toBigDecimal().setScale(CASH_SCALE, RoundingMode.DOWN));
            if (shortfall.signum() > 0 && pool.signum() > 0) {
                Money give = shortfall.compareTo(pool) <= 0 ? shortfall : pool;
                move(oms, sl, give, moved);
                pool = pool.minus(give);
            }
        }
        report.onRebalance(time, weights, moved);
        return pool;
    }

    private static void move(OrderManager oms, Sleeve sl, Money amount, Map<String, Money> moved) {
        oms.transfer(sl.plan.id(), amount, "rebalance");
        sl.report.onTransfer(amount);
        sl.flowToday = sl.flowToday.add(amount.toBigDecimal());
        moved.put(sl.plan.id(), amount);
    }

    /** The allocator's answer, checked: a weight for every instance, each from 0 to 1, together at most 1. */
    private static Map<String, BigDecimal> checked(Map<String, BigDecimal> weights, List<String> ids, String allocator) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String id : ids) {
            BigDecimal w = weights.get(id);
            if (w == null || w.signum() < 0 || w.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalStateException("the " + allocator + " allocator gave instance " + id + " the weight " + w + "; a weight is from 0 to 1");
            }
            sum = sum.add(w);
        }
        if (sum.compareTo(BigDecimal.ONE) > 0 || weights.size() != ids.size()) {
            throw new IllegalStateException("the " + allocator + " allocator gave weights " + weights + " for " + ids + "; together they must be at most 1");
        }
        return weights;
    }
}
