package io.quiver.backtest;

import io.quiver.oms.host.InstanceState;
import io.quiver.backtest.internal.BacktestReport;
import io.quiver.backtest.internal.DelayedVenue;
import io.quiver.backtest.internal.OvernightCosts;
import io.quiver.backtest.internal.SimulatedClock;
import io.quiver.oms.host.InMemoryStateStore;
import io.quiver.oms.host.StrategyHarness;
import io.quiver.oms.OrderJournal;
import io.quiver.oms.OrderManager;
import io.quiver.oms.PreTradeGate;
import io.quiver.sdk.Strategy;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.spi.MarketDataListener;
import io.quiver.sdk.spi.Venue;
import io.quiver.sdk.spi.VenueFactory;
import io.quiver.sdk.spi.VenueSetup;
import java.util.Map;
import java.time.Instant;
import java.util.List;

/**
 * Replays a bar series through one strategy instance on a simulated clock, in-process and deterministic.
 * For each bar, in this order: timers due up to the bar's time fire; the venue sees the bar; the order
 * manager sees it (marks, emulated triggers); the strategy sees it. Orders pass through the same order
 * manager as in paper and live trading, with a journal that keeps nothing. On the {@code sim} venue an
 * order decided on a bar fills on a later bar by the bar fill rules; on the {@code exchange} venue it
 * meets the book at once (the quotes around that bar's close) and rests there among the simulated liquidity.
 */
public final class Backtester {
    private Backtester() {
    }

    /** Runs without pre-trade risk checks: only the order manager's own checks apply. */
    public static BacktestResult run(Strategy strategy, BarSeries series, BacktestSettings settings, BacktestProgress progress) {
        return run(strategy, series, settings, PreTradeGate.NONE, progress);
    }

    /** Runs with every new order passing {@code risk} first, on the venue type the settings name, found with {@link VenueFactories}. */
    public static BacktestResult run(Strategy strategy, BarSeries series, BacktestSettings settings, PreTradeGate risk,
            BacktestProgress progress) {
        return run(strategy, series, settings, risk, progress, VenueFactories.onClassPath().named(settings.venue()));
    }

    /** Runs with every new order passing {@code risk} first, on a venue of its own that {@code venues} builds. */
    public static BacktestResult run(Strategy strategy, BarSeries series, BacktestSettings settings, PreTradeGate risk,
            BacktestProgress progress, VenueFactory venues) {
        if (series.size() == 0) {
            throw new IllegalArgumentException("the data set " + settings.dataName() + " has no bars");
        }
        long started = System.nanoTime();
        SimulatedClock clock = new SimulatedClock(series.time(0));
        Map<String, String> venueSettings = new java.util.TreeMap<>(settings.venueSettings());
        if (settings.feeBps().signum() != 0) {
            venueSettings.putIfAbsent("fee.bps", settings.feeBps().toPlainString());
        }
        Venue venue = venues.create(new VenueSetup("backtest", venueSettings, List.of(series.instrument()), VenueSetup.noStore()));
        if (!(venue instanceof MarketDataListener marketData)) {
            throw new IllegalArgumentException("venue: " + venues.type() + " does not fill from market data, so it cannot run a backtest");
        }
        // with a latency, the order manager talks to the venue through the network's delay
        DelayedVenue delayed = settings.latency().isZero() ? null : new DelayedVenue(venue, settings.latency(), clock);
        Venue theVenue = delayed != null ? delayed : venue;
        BacktestReport report = new BacktestReport(settings, series, theVenue.costs());
        OrderManager oms = new OrderManager(OrderJournal.none(), id -> theVenue, clock);
        oms.gate(risk);
        oms.registerInstrument(series.instrument());
        oms.openAccount(settings.strategyId(), venue.id(), settings.startingCash());
        StrategyHarness harness = new StrategyHarness(new StrategyHarness.Setup(settings.strategyId(), strategy, oms, clock,
                List.of(series.instrument()), new InMemoryStateStore(), settings.strategyId() + "-", settings.maxFaults(),
                report::onOrderEvent));
        oms.attach(settings.strategyId(), harness::onOrderEvent);
        venue.open(e -> oms.onVenueEvent(theVenue.id(), e));
        harness.start();
        int n = series.size();
        long step = Math.max(1, n / 20);
        OvernightCosts overnight = settings.financing().isFree() ? null : new OvernightCosts(settings.financing(), oms, settings.strategyId(), report);
        for (int i = 0; i < n && harness.instanceState() == InstanceState.RUNNING; i++) {
            Bar bar = series.bar(i);
            Instant due = harness.nextTimerDue();
            while (due != null && !due.isAfter(bar.time())) {
                clock.set(due);
                harness.fireTimers(due);
                due = harness.nextTimerDue();
            }
            clock.set(bar.time());
            if (overnight != null) {
                overnight.onBar(bar.time()); // the days that ended before this bar are charged before it trades
            }
            marketData.onBar(bar);
            oms.onBar(bar);
            harness.onBar(bar);
            if (delayed != null) {
                delayed.release(bar.time());
            }
            report.onBarClosed(series, i, oms.account(settings.strategyId()));
            if ((i + 1) % step == 0) {
                progress.onProgress(i + 1, n);
            }
        }
        harness.stop(false);
        return report.finish(harness, System.nanoTime() - started);
    }
}
