package io.quiver.engine.internal;

import io.quiver.oms.host.InMemoryStateStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.InstanceInfo;
import io.quiver.oms.host.InstanceState;
import io.quiver.engine.StrategyRuntime;
import io.quiver.sdk.BaseStrategy;
import io.quiver.sdk.StateStore;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.venue.sim.BarFillSimulator;
import io.quiver.oms.InMemoryJournal;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StrategyRuntimeComponentTest {
    private static final Instrument X = Instrument.of("X", 2, "USD");
    private final Map<String, InMemoryStateStore> stores = new HashMap<>();
    private final StrategyRuntimeComponent runtime = new StrategyRuntimeComponent(id -> stores.computeIfAbsent(id, k -> new InMemoryStateStore()),
            name -> new InMemoryJournal(), TestRisk.defaults(), new TestRuntimeConfig("SYNC", "P7D"));
    private final ManualFeed feed = new ManualFeed();

    @AfterEach
    void tearDown() {
        runtime.deactivate();
    }

    /** A feed the test drives by hand: each bar a second after the last. */
    private static final class ManualFeed extends HandFeed {
        int n;

        ManualFeed() {
            super("manual", X);
        }

        void bar() {
            n++;
            publish(new Bar(X.id(), Instant.parse("2020-01-01T00:00:00Z").plusSeconds(n), Price.of("10.00"), Price.of("10.50"),
                    Price.of("9.50"), Price.of("10.00"), Qty.of(100)));
        }
    }

    /** Buys 1 at market on the first bar, rests a far limit order, and counts what it saw. */
    private static final class Buyer extends BaseStrategy {
        volatile int bars;
        volatile int fills;

        @Override
        public void onBar(Bar bar) {
            if (bars++ == 0) {
                buyMarket(X.id(), Qty.of(1));
                context().submit(OrderRequest.limit(X.id(), Side.BUY, Qty.of(1), Price.of("1.00"), TimeInForce.GTC));
            }
        }

        @Override
        public void onOrderEvent(OrderEvent e) {
            if (e instanceof OrderEvent.Filled) {
                fills++;
            }
        }

        @Override
        public void onStop() {
            context().state().put("bars", Integer.toString(bars));
        }
    }

    private static final class Thrower extends BaseStrategy {
        @Override
        public void onBar(Bar bar) {
            throw new IllegalStateException("broken");
        }
    }

    /** Rests an order, then loops in onBar until its thread is interrupted. */
    private static final class Looper extends BaseStrategy {
        volatile boolean interrupted;

        @Override
        public void onBar(Bar bar) {
            context().submit(OrderRequest.limit(X.id(), Side.BUY, Qty.of(1), Price.of("1.00"), TimeInForce.GTC));
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            interrupted = true;
        }
    }

    private static Map<String, Object> props(String id) {
        return Map.of("strategy.id", id, "feed", "manual", "venue", "sim", "component.name", "test.strategy");
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

    private InstanceInfo info(String id) {
        return runtime.instance(id).orElseThrow();
    }

    @Test
    void instancesTradeAFaultyOneIsQuarantinedAndRemovalCancelsAndSaves() {
        Buyer buyer = new Buyer();
        runtime.addStrategy(buyer, props("buyer"));
        runtime.addStrategy(new Thrower(), props("thrower"));
        assertEquals("feed manual (installed feeds: [])", info("buyer").waitingFor());
        BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO);
        venue.addInstrument(X);
        runtime.addVenue(venue);
        runtime.addFeed(feed);
        await(() -> info("buyer").state() == InstanceState.RUNNING, "buyer running");

        // Like a live feed: the next bar comes after the instance has handled the previous one.
        for (int i = 1; i <= 4; i++) {
            feed.bar();
            int seen = i;
            await(() -> buyer.bars == seen, "bar " + seen + " handled");
        }
        await(() -> buyer.fills == 1, "the market order to fill on the second bar");
        await(() -> info("thrower").state() == InstanceState.QUARANTINED, "thrower quarantined");
        assertTrue(info("thrower").reason().contains("broken"), info("thrower").reason());
        assertEquals(InstanceState.RUNNING, info("buyer").state());
        assertEquals(Qty.of(1), runtime.positions("buyer").get(0).quantity());
        assertEquals(1, info("buyer").openOrders());

        runtime.removeStrategy(buyer, props("buyer"));
        assertEquals("4", stores.get("buyer").get("bars").orElseThrow());
        assertTrue(runtime.instance("buyer").isEmpty());
        assertTrue(venue.workingOrders().isEmpty(), "the resting limit order was cancelled at the venue");
    }

    @Test
    void aCallbackThatOverrunsItsBudgetIsQuarantinedAndTheOthersCarryOn() {
        Buyer buyer = new Buyer();
        Looper looper = new Looper();
        BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO);
        venue.addInstrument(X);
        runtime.addVenue(venue);
        runtime.addFeed(feed);
        runtime.addStrategy(buyer, props("buyer"));
        runtime.addStrategy(looper, props("looper"));
        await(() -> info("buyer").state() == InstanceState.RUNNING && info("looper").state() == InstanceState.RUNNING, "both running");
        feed.bar();
        await(() -> info("looper").state() == InstanceState.QUARANTINED, "looper quarantined by the watchdog");
        assertEquals("onBar ran longer than 1000 ms", info("looper").reason());
        await(() -> looper.interrupted, "the looping thread interrupted");
        await(() -> venue.workingOrders().stream().noneMatch(o -> o.value().startsWith("looper-")), "the looper's order cancelled");
        for (int i = 2; i <= 4; i++) {
            feed.bar();
            int seen = i;
            await(() -> buyer.bars == seen, "the buyer keeps getting bars");
        }
        assertEquals(InstanceState.RUNNING, info("buyer").state());
        // The operator starts it again: a fresh run on the same books (the order manager keeps them).
        runtime.start("looper");
        await(() -> info("looper").state() == InstanceState.RUNNING, "looper running again");
        assertEquals(1, info("looper").orders());
        assertEquals(0, info("looper").openOrders());
    }

    /** A strategy with one typed parameter. */
    public static final class Sized extends BaseStrategy {
        public @interface Config {
            int size() default 1;
        }

        public Sized(Config config) {
            // the value is what is checked
        }
    }

    @Test
    void aParameterValueOfTheWrongTypeFailsTheInstanceWithItsKey() {
        // SCR would hand the strategy a default for "ten"; the runtime refuses it as a backtest does.
        Map<String, Object> p = new HashMap<>(props("sized"));
        p.put("size", "ten");
        runtime.addStrategy(new Sized(null), p);
        InstanceInfo i = runtime.instances().get(0);
        assertEquals(InstanceState.FAILED, i.state());
        assertEquals("parameter 'size': 'ten' is not a whole number", i.reason());
    }

    @Test
    void badConfigurationIsShownWithItsKey() {
        Map<String, Object> p = new HashMap<>(props("bad"));
        p.put("capital", "lots");
        runtime.addStrategy(new Buyer(), p);
        InstanceInfo i = runtime.instances().get(0);
        assertEquals(InstanceState.FAILED, i.state());
        assertEquals("capital: 'lots' is not a decimal number", i.reason());
    }

    @Test
    void operatorStopCancelsOpenOrdersAndStartResumes() {
        Buyer buyer = new Buyer();
        BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO);
        venue.addInstrument(X);
        runtime.addVenue(venue);
        runtime.addFeed(feed);
        runtime.addStrategy(buyer, props("b"));
        feed.bar();
        await(() -> runtime.orders("b").size() == 2, "two orders");
        runtime.stop("b");
        assertEquals(InstanceState.STOPPED, info("b").state());
        assertTrue(runtime.orders("b").stream().noneMatch(o -> o.status() == OrderStatus.ACCEPTED));
        assertTrue(venue.workingOrders().isEmpty());
        runtime.start("b");
        await(() -> info("b").state() == InstanceState.RUNNING, "running again");
        StateStore saved = stores.get("b");
        assertEquals("1", saved.get("bars").orElseThrow());
    }

    @Test
    void aBadOrderManagementSettingNamesItsKey() {
        IllegalArgumentException policy = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new StrategyRuntimeComponent(id -> new InMemoryStateStore(), name -> new InMemoryJournal(), TestRisk.defaults(), new TestRuntimeConfig("SOMETIMES", "P7D")));
        assertEquals("reconciliation.policy: 'SOMETIMES' is not one of [SYNC, HALT]", policy.getMessage());
        IllegalArgumentException retention = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new StrategyRuntimeComponent(id -> new InMemoryStateStore(), name -> new InMemoryJournal(), TestRisk.defaults(), new TestRuntimeConfig("SYNC", "a week")));
        assertEquals("order.retention: 'a week' is not an ISO-8601 duration such as P7D", retention.getMessage());
    }

    @Test
    void anInstanceWaitingForItsFeedShowsItsBooksFromTheJournal() {
        Map<String, InMemoryJournal> journals = new HashMap<>();
        InMemoryJournal venueBooks = new InMemoryJournal();
        StrategyRuntimeComponent first = new StrategyRuntimeComponent(id -> new InMemoryStateStore(),
                name -> journals.computeIfAbsent(name, k -> new InMemoryJournal()), TestRisk.defaults(), new TestRuntimeConfig("SYNC", "P7D"));
        Buyer buyer = new Buyer();
        BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO, venueBooks);
        venue.addInstrument(X);
        first.addVenue(venue);
        first.addFeed(feed);
        first.addStrategy(buyer, props("buyer"));
        await(() -> first.instance("buyer").orElseThrow().state() == InstanceState.RUNNING, "buyer running");
        feed.bar();
        await(() -> venue.workingOrders().size() == 2, "the orders of the first bar at the venue");
        feed.bar();
        await(() -> buyer.fills == 1, "the market order filled");
        io.quiver.sdk.model.Money cash = first.instance("buyer").orElseThrow().cash();
        assertEquals(io.quiver.sdk.model.Money.of("99990.00"), cash, "100000 less 1 at 10.00");
        first.deactivate();

        StrategyRuntimeComponent second = new StrategyRuntimeComponent(id -> new InMemoryStateStore(),
                name -> journals.computeIfAbsent(name, k -> new InMemoryJournal()), TestRisk.defaults(), new TestRuntimeConfig("SYNC", "P7D"));
        try {
            second.addStrategy(new Buyer(), props("buyer")); // no feed, no venue yet
            InstanceInfo waiting = second.instance("buyer").orElseThrow();
            assertEquals(InstanceState.CREATED, waiting.state());
            assertEquals(cash, waiting.cash(), "the books from the journal, not the configured capital");
            assertEquals(0, waiting.openOrders(), "stopping the first runtime cancelled the resting order");
            assertEquals(2, waiting.orders(), "the market order and the cancelled limit order");
        } finally {
            second.deactivate();
        }
    }

    private static Map<String, Object> props(String id, String file, Object... more) {
        Map<String, Object> p = new HashMap<>(props(id));
        p.put("felix.fileinstall.filename", "file:/quiver/etc/" + file);
        for (int i = 0; i < more.length; i += 2) {
            p.put((String) more[i], more[i + 1]);
        }
        return p;
    }

    /** A misspelt key was ignored silently, and the instance ran on the default. */
    @Test
    void aKeyThatIsNoParameterFailsTheInstanceUnderItsIdWithTheKeyNamed() {
        runtime.addStrategy(new Buyer(), props("typo", "io.quiver.strategy.test-typo.cfg", "fsat", "3"));
        InstanceInfo i = info("typo");
        assertEquals(InstanceState.FAILED, i.state());
        assertTrue(i.reason().startsWith("fsat: not a parameter of test.strategy; it takes none; the platform's: autostart, capital, feed,"),
                i.reason());
    }

    /** Which of two configurations with one id won changed from boot to boot. */
    @Test
    void ofTwoConfigurationsWithOneIdTheFirstFileNameWinsWhateverTheOrderAndTheOtherTakesOverWhenItGoes() {
        BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO);
        venue.addInstrument(X);
        runtime.addVenue(venue);
        runtime.addFeed(feed);
        Buyer b = new Buyer();
        Buyer a = new Buyer();
        runtime.addStrategy(b, props("twin", "io.quiver.strategy.test-b.cfg"));
        runtime.addStrategy(a, props("twin", "io.quiver.strategy.test-a.cfg"));
        await(() -> info("twin").state() == InstanceState.RUNNING, "the winner running");
        feed.bar();
        await(() -> a.bars == 1, "the first file name's instance trades");
        assertEquals(0, b.bars);
        List<InstanceInfo> listed = runtime.instances().stream().filter(x -> x.id().equals("twin")).toList();
        assertEquals(2, listed.size(), "the loser is listed too");
        assertTrue(listed.stream().anyMatch(x -> x.waitingFor().contains("is also given by io.quiver.strategy.test-a.cfg")), listed.toString());
        runtime.removeStrategy(a, props("twin", "io.quiver.strategy.test-a.cfg"));
        await(() -> info("twin").state() == InstanceState.RUNNING && runtime.instances().stream().filter(x -> x.id().equals("twin")).count() == 1,
                "the other takes over");
        feed.bar();
        await(() -> b.bars == 1, "the second file's instance trades");
    }

    @Test
    void anInstanceOnAVenueThatDoesNotExistNamesTheInstalledOnes() {
        BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO);
        runtime.addVenue(venue);
        runtime.addFeed(feed);
        runtime.addStrategy(new Buyer(), props("nyse-one", "io.quiver.strategy.test-nyse.cfg", "venue", "nyse"));
        assertEquals("venue nyse (installed venues: [sim])", info("nyse-one").waitingFor());
    }

    /** After a restart a quarantined instance started again and wedged the runtime again. */
    @Test
    void aQuarantineHoldsAcrossARestartUntilStrategyStart() {
        Map<String, InMemoryJournal> journals = new HashMap<>();
        StrategyRuntimeComponent first = new StrategyRuntimeComponent(id -> new InMemoryStateStore(),
                name -> journals.computeIfAbsent(name, k -> new InMemoryJournal()), TestRisk.defaults(), new TestRuntimeConfig("SYNC", "P7D"));
        BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO);
        venue.addInstrument(X);
        first.addVenue(venue);
        first.addFeed(feed);
        first.addStrategy(new Thrower(), props("thrower"));
        await(() -> first.instance("thrower").orElseThrow().state() == InstanceState.RUNNING, "running");
        for (int i = 0; i < 3; i++) {
            feed.bar();
        }
        await(() -> first.instance("thrower").orElseThrow().state() == InstanceState.QUARANTINED, "quarantined");
        await(() -> {
            int[] records = {0};
            journals.get("instances").replay(line -> records[0]++);
            return records[0] == 1;
        }, "the quarantine journaled");
        first.deactivate();

        StrategyRuntimeComponent second = new StrategyRuntimeComponent(id -> new InMemoryStateStore(),
                name -> journals.computeIfAbsent(name, k -> new InMemoryJournal()), TestRisk.defaults(), new TestRuntimeConfig("SYNC", "P7D"));
        try {
            ManualFeed again = new ManualFeed();
            BarFillSimulator venue2 = new BarFillSimulator("sim", BigDecimal.ZERO);
            venue2.addInstrument(X);
            second.addVenue(venue2);
            second.addFeed(again);
            Buyer buyer = new Buyer();
            second.addStrategy(buyer, props("thrower"));
            InstanceInfo held = second.instance("thrower").orElseThrow();
            assertEquals(InstanceState.QUARANTINED, held.state());
            assertTrue(held.reason().startsWith("quarantined before the restart: onBar threw java.lang.IllegalStateException: broken"),
                    held.reason());
            again.bar();
            assertEquals(0, buyer.bars, "a held instance gets no bars");
            second.start("thrower");
            await(() -> second.instance("thrower").orElseThrow().state() == InstanceState.RUNNING, "started by the operator");
        } finally {
            second.deactivate();
        }
    }

    /** risk:kill --flatten: every new order refused, every open order cancelled, every position closed at market. */
    @Test
    void theKillSwitchWithFlattenCancelsEverythingAndClosesEveryPosition() {
        BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO);
        venue.addInstrument(X);
        runtime.addVenue(venue);
        runtime.addFeed(feed);
        Buyer buyer = new Buyer();
        runtime.addStrategy(buyer, props("buyer"));
        await(() -> info("buyer").state() == InstanceState.RUNNING, "buyer running");
        feed.bar();
        await(() -> venue.workingOrders().size() == 2, "the orders of the first bar at the venue");
        feed.bar();
        await(() -> buyer.fills == 1, "the market order filled, the far limit order resting");
        assertEquals(1, info("buyer").openOrders());

        StrategyRuntime.KillReport report = runtime.kill("ops", "test", true);
        assertEquals(1, report.cancelsRequested());
        assertEquals(1, report.flattening().size());
        assertEquals(Side.SELL, report.flattening().get(0).side());
        assertTrue(report.flattening().get(0).status() != OrderStatus.REJECTED, "the flattening order passes the kill switch");
        feed.bar();
        await(() -> runtime.positions("buyer").get(0).quantity().isZero(), "the position closed at the next bar");
        assertEquals(0, info("buyer").openOrders());
        io.quiver.sdk.model.Order refused = runtime.orderManager().submit("buyer", io.quiver.sdk.model.ClientOrderId.of("after"),
                OrderRequest.limit(X.id(), Side.BUY, Qty.of(1), Price.of("1.00"), TimeInForce.GTC));
        assertEquals(OrderStatus.REJECTED, refused.status(), "every other new order is refused");
    }
}
