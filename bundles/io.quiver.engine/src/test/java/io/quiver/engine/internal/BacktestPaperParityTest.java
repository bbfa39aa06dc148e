package io.quiver.engine.internal;

import io.quiver.oms.host.InMemoryStateStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.backtest.BacktestProgress;
import io.quiver.backtest.BacktestResult;
import io.quiver.backtest.BacktestSettings;
import io.quiver.backtest.Backtester;
import io.quiver.oms.host.InstanceState;
import io.quiver.feed.csv.CsvDataReader;
import io.quiver.oms.InMemoryJournal;
import io.quiver.sdk.BaseStrategy;
import io.quiver.sdk.indicators.Sma;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.venue.sim.BarFillSimulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The same strategy, data and venue in a backtest and in the paper runtime (its own strategy thread, the
 * venue and the order manager wired as the distribution wires them, the bars replayed by a feed) give the
 * same orders and the same fills. The strategy trades brackets (a limit entry, a native stop and a limit
 * exit that cancel each other) and leaves at the market, so that limit entries, contingencies, native
 * stops, cancels and market orders all take part.
 */
class BacktestPaperParityTest {
    /**
     * Enters a bracket (a limit entry at the close, a stop 3 % below, a target 4 % above) when flat and the close is above its
     * 10-bar average; when the close falls below it, cancels the exits and sells at the market.
     */
    public static final class BracketCrossing extends BaseStrategy {
        final AtomicInteger barsSeen = new AtomicInteger();
        /** Every order entered and every fill seen, as the strategy sees them, in order. */
        final List<String> orders = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Fill> fills = new java.util.concurrent.CopyOnWriteArrayList<>();
        /** The orders that go to the venue at once (entries and market orders; bracket children wait for their entry). */
        final List<io.quiver.sdk.model.ClientOrderId> direct = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Sma average = new Sma(10);

        @Override
        public void onFill(Fill fill) {
            fills.add(fill);
        }

        @Override
        public void onBar(Bar bar) {
            average.update(bar.close());
            InstrumentId x = bar.instrument();
            Qty held = context().position(x).quantity();
            if (average.isReady()) {
                boolean above = bar.close().toBigDecimal().compareTo(average.exactValue()) > 0;
                if (above && held.isZero() && context().openOrders().isEmpty()) {
                    int scale = context().instrument(x).priceScale();
                    BigDecimal close = bar.close().toBigDecimal();
                    Price stop = Price.of(close.multiply(new BigDecimal("0.97")).setScale(scale, RoundingMode.DOWN));
                    Price target = Price.of(close.multiply(new BigDecimal("1.04")).setScale(scale, RoundingMode.UP));
                    OrderRequest entry = OrderRequest.limit(x, Side.BUY, Qty.of(100), bar.close(), TimeInForce.GTC);
                    OrderRequest stopLoss = OrderRequest.stop(x, Side.SELL, Qty.of(100), stop, TimeInForce.GTC);
                    OrderRequest takeProfit = OrderRequest.limit(x, Side.SELL, Qty.of(100), target, TimeInForce.GTC);
                    List.of(entry, stopLoss, takeProfit).forEach(r -> orders.add(bar.time() + " " + r));
                    direct.add(context().submitBracket(context().newOrderId(), entry, stopLoss, takeProfit).get(0));
                } else if (!above && held.isPositive()) {
                    // Out at the market in the same callback as the exits' cancels: they no longer count as offered.
                    context().openOrders().forEach(o -> context().cancel(o.id()));
                    orders.add(bar.time() + " sell " + held + " at the market");
                    direct.add(sellMarket(x, held));
                }
            }
            barsSeen.incrementAndGet();
        }
    }

    /** What both modes must agree on: every fill's side, quantity, price and time, in order. */
    private static List<String> describe(List<Fill> fills) {
        return fills.stream().map(f -> f.time() + " " + f.side() + " " + f.quantity() + " @ " + f.price() + " fee " + f.fee()).toList();
    }

    private static BarSeries orcl() {
        Path file = Path.of(System.getProperty("quiver.sample.data", "../../data")).resolve("orcl-1995-2014.txt");
        return CsvDataReader.readBars(file, CsvDataReader.schemaFor(file));
    }

    @Test
    void aBacktestAndThePaperRuntimeGiveTheSameOrdersAndFills() throws Exception {
        BarSeries bars = orcl();
        BacktestSettings settings = new BacktestSettings("parity", "test.bracket", Map.of(), Money.of(1_000_000), new BigDecimal("1.5"), 3,
                "orcl", "n/a", "sim");
        BracketCrossing tested = new BracketCrossing();
        BacktestResult backtest = Backtester.run(tested, bars, settings, io.quiver.risk.RiskChains.backtest(Map.of()), BacktestProgress.NONE);
        assertTrue(tested.fills.size() > 40, "the strategy trades enough to compare: " + tested.fills.size() + " fills");
        assertEquals(describe(backtest.fills()), describe(tested.fills), "the result holds the fills the strategy saw");

        Map<String, InMemoryJournal> journals = new ConcurrentHashMap<>();
        StrategyRuntimeComponent runtime = new StrategyRuntimeComponent(id -> new InMemoryStateStore(),
                name -> journals.computeIfAbsent(name, n -> new InMemoryJournal()), TestRisk.defaults(), TestRuntimeConfig.shipped());
        BracketCrossing strategy = new BracketCrossing();
        try {
            BarFillSimulator venue = new BarFillSimulator("sim", new BigDecimal("1.5"), journals.computeIfAbsent("venue-sim", n -> new InMemoryJournal()));
            venue.addInstrument(bars.instrument());
            runtime.addVenue(venue);
            HandFeed feed = new HandFeed("replay", bars.instrument());
            runtime.addFeed(feed);
            runtime.addStrategy(strategy, Map.of("strategy.id", "parity", "feed", "replay", "venue", "sim", "component.name", "test.bracket",
                    "capital", "1000000"));
            await("the instance running", () -> runtime.instance("parity").map(i -> i.state() == InstanceState.RUNNING).orElse(false));
            for (int i = 0; i < bars.size(); i++) {
                feed.publish(bars.bar(i));
                int seen = i + 1;
                await("bar " + seen + " handled", () -> strategy.barsSeen.get() >= seen);
                // A callback's orders go out when it returns, as one batch: the next bar waits for the venue's answer,
                // as it would a bar's interval in paper trading.
                await("the orders of bar " + seen + " answered", () -> strategy.direct.stream().allMatch(id -> runtime.orderManager().order(id)
                        .map(o -> o.status() != io.quiver.sdk.model.OrderStatus.NEW).orElse(false)));
            }
            // The last bar's fills reach the strategy on its own thread: give them a moment (a shortfall shows in the comparison).
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (strategy.fills.size() < tested.fills.size() && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        } finally {
            runtime.deactivate();
        }
        assertSame("orders", tested.orders, strategy.orders);
        assertSame("fills", describe(tested.fills), describe(strategy.fills));
        System.out.println("backtest and paper runtime: the same " + tested.orders.size() + " orders and " + tested.fills.size() + " fills over "
                + bars.size() + " bars");
    }

    /** Equal lists, or the first place they part, a few entries either side. */
    private static void assertSame(String what, List<String> backtest, List<String> paper) {
        int i = 0;
        while (i < Math.min(backtest.size(), paper.size()) && backtest.get(i).equals(paper.get(i))) {
            i++;
        }
        if (i < backtest.size() || i < paper.size()) {
            int from = Math.max(0, i - 3);
            throw new AssertionError(what + " part at entry " + i + " of " + backtest.size() + " (backtest) and " + paper.size() + " (paper):\n backtest "
                    + backtest.subList(from, Math.min(backtest.size(), i + 4)) + "\n paper    " + paper.subList(from, Math.min(paper.size(), i + 4)));
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.onSpinWait();
        }
    }
}
