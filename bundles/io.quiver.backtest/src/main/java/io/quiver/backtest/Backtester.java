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
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Quote;
import io.quiver.sdk.model.TickSeries;
import io.quiver.sdk.model.Trade;
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
        Session s = new Session(strategy, series.instrument(), series.time(0), settings, risk, venues);
        int n = series.size();
        long step = Math.max(1, n / 20);
        for (int i = 0; i < n && s.harness.instanceState() == InstanceState.RUNNING; i++) {
            Bar bar = series.bar(i);
            s.before(bar.time());
            s.marketData.onBar(bar);
            s.oms.onBar(bar);
            s.harness.onBar(bar);
            s.after(bar.time());
            s.report.onBarClosed(series, i, s.oms.account(settings.strategyId()));
            if ((i + 1) % step == 0) {
                progress.onProgress(i + 1, n);
            }
        }
        s.harness.stop(false);
        return s.report.finish(s.harness, System.nanoTime() - started);
    }

    /**
     * Replays quotes and trade prints through one strategy instance: {@code onQuote} and {@code onTrade}
     * instead of {@code onBar}, in the same order (timers, venue, order manager, strategy). The venue fills
     * from them: {@code venues}' {@link VenueFactory#tickSettings()} are added to the settings unless they
     * name those keys; a venue type that cannot fill from ticks is refused.
     */
    public static BacktestResult run(Strategy strategy, TickSeries ticks, BacktestSettings settings, PreTradeGate risk, BacktestProgress progress,
            VenueFactory venues) {
        if (ticks.size() == 0) {
            throw new IllegalArgumentException("the data set " + settings.dataName() + " has no quotes or trades");
        }
        long started = System.nanoTime();
        Session s = new Session(strategy, ticks.instrument(), ticks.time(0), settings, risk, venues);
        int n = ticks.size();
        long step = Math.max(1, n / 20);
        for (int i = 0; i < n && s.harness.instanceState() == InstanceState.RUNNING; i++) {
            java.time.Instant time = ticks.time(i);
            s.before(time);
            if (ticks.isQuote(i)) {
                Quote q = ticks.quote(i);
                s.marketData.onQuote(q);
                s.oms.onQuote(q);
                s.harness.onQuote(q);
            } else {
                Trade t = ticks.trade(i);
                s.marketData.onTrade(t);
                s.oms.onTrade(t);
                s.harness.onTrade(t);
            }
            s.after(time);
            s.report.onTick(ticks, i);
            long day = BacktestReport.tradingDay(ticks.timeNanos(i));
            if (i + 1 == n || BacktestReport.tradingDay(ticks.timeNanos(i + 1)) != day) {
                s.report.onDayEnd(java.time.LocalDate.ofEpochDay(day), s.oms.account(settings.strategyId()));
            }
            if ((i + 1) % step == 0) {
                progress.onProgress(i + 1, n);
            }
        }
        s.harness.stop(false);
        return s.report.finish(s.harness, System.nanoTime() - started);
    }

    /** The settings of a backtest over ticks: the venue's tick settings added unless given. */
    public static BacktestSettings overTicks(BacktestSettings settings, VenueFactory venues) {
        return new BacktestSettings(settings.strategyId(), settings.strategyType(), settings.parameters(), settings.startingCash(),
                settings.feeBps(), settings.maxFaults(), settings.dataName(), settings.dataSha256(), settings.venue(),
                tickVenueSettings(venues, settings.venueSettings()), settings.latency(), settings.financing());
    }

    /** {@code given} with the venue type's {@link VenueFactory#tickSettings()} under it; a type that cannot fill from ticks is refused. */
    public static Map<String, String> tickVenueSettings(VenueFactory venues, Map<String, String> given) {
        Map<String, String> tick = venues.tickSettings();
        if (tick == null) {
            throw new IllegalArgumentException("venue: " + venues.type() + " fills from bars only; quote and trade data need a venue that fills "
                    + "from them, such as sim");
        }
        Map<String, String> merged = new java.util.TreeMap<>(tick);
        merged.putAll(given);
        return merged;
    }

    /** One run's parts, wired as paper trading wires them, on a simulated clock. */
    private static final class Session {
        final SimulatedClock clock;
        final MarketDataListener marketData;
        final DelayedVenue delayed;
        final BacktestReport report;
        final OrderManager oms;
        final StrategyHarness harness;
        final OvernightCosts overnight;

        Session(Strategy strategy, Instrument instrument, java.time.Instant start, BacktestSettings settings, PreTradeGate risk, VenueFactory venues) {
            clock = new SimulatedClock(start);
            Map<String, String> venueSettings = new java.util.TreeMap<>(settings.venueSettings());
            if (settings.feeBps().signum() != 0) {
                venueSettings.putIfAbsent("fee.bps", settings.feeBps().toPlainString());
            }
            Venue venue = venues.create(new VenueSetup("backtest", venueSettings, List.of(instrument), VenueSetup.noStore()));
            if (!(venue instanceof MarketDataListener listener)) {
                throw new IllegalArgumentException("venue: " + venues.type() + " does not fill from market data, so it cannot run a backtest");
            }
            marketData = listener;
            // with a latency, the order manager talks to the venue through the network's delay
            delayed = settings.latency().isZero() ? null : new DelayedVenue(venue, settings.latency(), clock);
            Venue theVenue = delayed != null ? delayed : venue;
            report = new BacktestReport(settings, instrument, theVenue.costs());
            oms = new OrderManager(OrderJournal.none(), id -> theVenue, clock);
            oms.gate(risk);
            oms.registerInstrument(instrument);
            oms.openAccount(settings.strategyId(), venue.id(), settings.startingCash());
            harness = new StrategyHarness(new StrategyHarness.Setup(settings.strategyId(), strategy, oms, clock, List.of(instrument),
                    new InMemoryStateStore(), settings.strategyId() + "-", settings.maxFaults(), report::onOrderEvent));
            oms.attach(settings.strategyId(), harness::onOrderEvent);
            venue.open(e -> oms.onVenueEvent(theVenue.id(), e));
            harness.start();
            overnight = settings.financing().isFree() ? null : new OvernightCosts(settings.financing(), oms, settings.strategyId(), report);
        }

        /** Before market data at {@code time}: the timers due up to it, the clock, the overnight charges of the days that ended. */
        void before(java.time.Instant time) {
            java.time.Instant due = harness.nextTimerDue();
            while (due != null && !due.isAfter(time)) {
                clock.set(due);
                harness.fireTimers(due);
                due = harness.nextTimerDue();
            }
            clock.set(time);
            if (overnight != null) {
                overnight.onBar(time); // the days that ended before this bar are charged before it trades
            }
        }

        /** After the strategy saw it: what the network held back until then reaches the venue. */
        void after(java.time.Instant time) {
            if (delayed != null) {
                delayed.release(time);
            }
        }
    }
}
