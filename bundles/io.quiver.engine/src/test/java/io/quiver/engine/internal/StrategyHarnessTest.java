package io.quiver.engine.internal;

import io.quiver.oms.host.StrategyHarness;
import io.quiver.oms.host.InMemoryStateStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.oms.host.InstanceState;
import io.quiver.oms.OrderFilter;
import io.quiver.oms.OrderJournal;
import io.quiver.oms.OrderManager;
import io.quiver.sdk.BaseStrategy;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.venue.sim.BarFillSimulator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyHarnessTest {
    private static final Instrument X = Instrument.of("X", 2, "USD");
    private static final Instant T = Instant.parse("2020-01-01T00:00:00Z");

    private static Bar bar(int i) {
        return new Bar(X.id(), T.plusSeconds(60L * i), Price.of("10"), Price.of("11"), Price.of("9"), Price.of("10"), Qty.of(1));
    }

    /** Rests a far-away limit order, then throws on every bar. */
    private static final class Faulty extends BaseStrategy {
        int barsSeen;

        @Override
        protected void start() {
            context().submit(OrderRequest.limit(X.id(), Side.BUY, Qty.of(1), Price.of("1.00"), TimeInForce.GTC));
        }

        @Override
        public void onBar(Bar bar) {
            barsSeen++;
            throw new IllegalStateException("boom " + barsSeen);
        }
    }

    /** Counts bars and order events, and checks it is never called re-entrantly. */
    private static final class Healthy extends BaseStrategy {
        int bars;
        boolean inCallback;
        final List<OrderEvent> events = new ArrayList<>();

        @Override
        public void onBar(Bar bar) {
            inCallback = true;
            bars++;
            if (bars == 1) {
                buyMarket(X.id(), Qty.of(1)); // Accepted is raised by the venue inside this call
            }
            inCallback = false;
        }

        @Override
        public void onOrderEvent(OrderEvent e) {
            if (inCallback) {
                throw new AssertionError("re-entrant callback");
            }
            events.add(e);
        }
    }

    private static StrategyHarness harness(String id, BaseStrategy s, OrderManager oms) {
        oms.openAccount(id, "sim", Money.of(100));
        StrategyHarness h = new StrategyHarness(new StrategyHarness.Setup(id, s, oms, () -> T, List.of(X), new InMemoryStateStore(),
                id + "-", 3, e -> { }));
        oms.attach(id, h::onOrderEvent);
        return h;
    }

    @Test
    void repeatedFaultsQuarantineOneInstanceAndTheOtherKeepsRunning() {
        BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO);
        venue.addInstrument(X);
        Faulty faulty = new Faulty();
        Healthy healthy = new Healthy();
        OrderManager oms = new OrderManager(OrderJournal.none(), id -> venue, () -> T);
        StrategyHarness bad = harness("bad", faulty, oms);
        StrategyHarness good = harness("good", healthy, oms);
        venue.open(e -> oms.onVenueEvent("sim", e));
        bad.start();
        good.start();
        for (int i = 0; i < 5; i++) {
            venue.onBar(bar(i));
            oms.onBar(bar(i));
            bad.onBar(bar(i));
            good.onBar(bar(i));
        }
        assertEquals(InstanceState.QUARANTINED, bad.instanceState());
        assertEquals(3, faulty.barsSeen);
        assertTrue(bad.reason().startsWith("onBar threw java.lang.IllegalStateException: boom 3"), bad.reason());
        assertEquals(OrderStatus.CANCELLED, oms.orders(OrderFilter.ofStrategy("bad")).get(0).status());
        assertEquals(InstanceState.RUNNING, good.instanceState());
        assertEquals(5, healthy.bars);
        assertEquals(List.of(OrderEvent.Accepted.class, OrderEvent.Filled.class),
                healthy.events.stream().map(Object::getClass).toList());
        assertEquals(Qty.of(1), good.position(X.id()).quantity());
    }

    /** It used to stay RUNNING and submit rejected orders on every bar. */
    @Test
    void aStrategyWhoseOnStartThrowsHasFailedAndWhatItEnteredIsCancelled() {
        BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO);
        venue.addInstrument(X);
        OrderManager oms = new OrderManager(OrderJournal.none(), id -> venue, () -> T);
        venue.open(e -> oms.onVenueEvent("sim", e));
        int[] bars = {0};
        StrategyHarness h = harness("broken", new BaseStrategy() {
            @Override
            protected void start() {
                context().submit(OrderRequest.limit(X.id(), Side.BUY, Qty.of(1), Price.of("1.00"), TimeInForce.GTC));
                throw new IllegalStateException("no such parameter set");
            }

            @Override
            public void onBar(Bar bar) {
                bars[0]++;
            }
        }, oms);
        h.start();
        assertEquals(InstanceState.FAILED, h.instanceState());
        assertEquals("onStart threw java.lang.IllegalStateException: no such parameter set", h.reason());
        h.onBar(bar(1));
        assertEquals(0, bars[0], "a failed instance gets no events");
        assertEquals(OrderStatus.CANCELLED, oms.orders(OrderFilter.ofStrategy("broken")).get(0).status());
    }

    /** A strategy that loops on a bad order is quarantined instead of flooding the journal for ever. */
    @Test
    void ordersRejectedAgainAndAgainCountAsFaultsUntilQuarantine() {
        BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO);
        venue.addInstrument(X);
        OrderManager oms = new OrderManager(OrderJournal.none(), id -> venue, () -> T);
        venue.open(e -> oms.onVenueEvent("sim", e));
        StrategyHarness h = harness("looping", new BaseStrategy() {
            @Override
            public void onBar(Bar bar) {
                for (int i = 0; i < 10; i++) {
                    context().submit(OrderRequest.limit(X.id(), Side.BUY, Qty.of(-1), Price.of("1.00"), TimeInForce.GTC));
                }
            }
        }, oms);
        h.start();
        int bars = 0;
        while (h.instanceState() == InstanceState.RUNNING && bars < 100) {
            h.onBar(bar(++bars));
        }
        assertEquals(InstanceState.QUARANTINED, h.instanceState());
        assertEquals(15, bars, "three faults of 50 rejections in a row, 10 a bar");
        assertTrue(h.reason().startsWith("150 orders in a row were rejected, the last with INVALID_QUANTITY"), h.reason());
    }

    /** A ladder of 300,000 levels once wrote its whole ladder into the shared journal in one callback. */
    @Test
    void oneCallbackEntersNoMoreThanItsBoundAndGoingOverIsAFault() {
        BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO);
        venue.addInstrument(X);
        OrderManager oms = new OrderManager(OrderJournal.none(), id -> venue, () -> T);
        venue.open(e -> oms.onVenueEvent("sim", e));
        StrategyHarness h = harness("flood", new BaseStrategy() {
            @Override
            public void onBar(Bar bar) {
                for (int i = 0; i < 15; i++) {
                    context().submit(OrderRequest.limit(X.id(), Side.BUY, Qty.of(1), Price.of("0.01"), TimeInForce.GTC));
                }
            }
        }, oms);
        h.maxOrdersPerCallback(10);
        h.start();
        h.onBar(bar(1));
        assertEquals(10, oms.orderCount("flood"));
        assertEquals(1, h.faults());
        h.onBar(bar(2));
        h.onBar(bar(3));
        assertEquals(InstanceState.QUARANTINED, h.instanceState());
        assertTrue(h.reason().contains("entered more than 10 orders in one callback (orders.per.callback.max)"), h.reason());
        assertEquals(List.of(), oms.openOrders("flood"), "a quarantined instance's orders are cancelled");
    }
}
