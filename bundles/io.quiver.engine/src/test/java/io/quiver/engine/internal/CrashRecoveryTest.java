package io.quiver.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.oms.Discrepancy;
import io.quiver.oms.InMemoryJournal;
import io.quiver.oms.OrderFilter;
import io.quiver.oms.OrderManager;
import io.quiver.oms.ReconciliationPolicy;
import io.quiver.oms.ReconciliationReport;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.venue.sim.BarFillSimulator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The order manager and the simulated venue, each on its own journal, lose what they had not committed
 * (as in a kill -9), come back from their journals, and reconcile: nothing lost, nothing twice.
 */
class CrashRecoveryTest {
    private static final Instrument X = Instrument.of("X", 2, "USD");
    private static final Instant T0 = Instant.parse("2024-05-06T13:30:00Z");

    private static final class Runtime {
        final BarFillSimulator venue;
        final OrderManager oms;

        Runtime(InMemoryJournal omsJournal, InMemoryJournal venueJournal, Instant[] now) {
            venue = new BarFillSimulator("sim", new BigDecimal("1.5"), venueJournal);
            venue.addInstrument(X);
            oms = new OrderManager(omsJournal, id -> venue, () -> now[0]);
            oms.registerInstrument(X);
            oms.openAccount("s", "sim", Money.of(1_000_000));
            venue.open(e -> oms.onVenueEvent("sim", e));
        }
    }

    private static Bar bar(Instant t, long cents) {
        Price p = Price.ofUnits(cents, 2);
        return new Bar(X.id(), t, p, Price.ofUnits(cents + 30, 2), Price.ofUnits(cents - 30, 2), p, Qty.of(1000));
    }

    @Test
    void manyCrashesLoseNoOrderOrFillAndCountNoneTwice() {
        InMemoryJournal omsJournal = new InMemoryJournal();
        InMemoryJournal venueJournal = new InMemoryJournal();
        Instant[] now = {T0};
        Random random = new Random(42);
        Runtime rt = new Runtime(omsJournal, venueJournal, now);
        long price = 10_000;
        int submitted = 0;
        for (int crash = 0; crash < 25; crash++) {
            for (int i = 0; i < 40; i++) {
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                long offset = random.nextInt(200) - 50;
                Price limit = Price.ofUnits(side == Side.BUY ? price - offset : price + offset, 2);
                rt.oms.submit("s", ClientOrderId.of("c" + submitted++), OrderRequest.limit(X.id(), side, Qty.of(1 + random.nextInt(5)), limit,
                        TimeInForce.GTC));
                if (i % 10 == 0) {
                    now[0] = now[0].plusSeconds(60);
                    price += random.nextInt(41) - 20;
                    rt.venue.onBar(bar(now[0], price));
                    rt.oms.onBar(bar(now[0], price));
                }
            }
            // the venue trades on while the runtime is down
            now[0] = now[0].plusSeconds(60);
            price += random.nextInt(41) - 20;
            omsJournal.crash();
            rt.venue.close();
            rt.venue.onBar(bar(now[0], price));
            venueJournal.crash();
            rt = new Runtime(omsJournal, venueJournal, now);
            ReconciliationReport report = rt.oms.reconcile(rt.venue, ReconciliationPolicy.SYNC);
            assertTrue(report.discrepancies().stream().allMatch(d -> d.kind().equals(Discrepancy.MISSED_FILL)
                    || d.kind().equals(Discrepancy.CLOSED_AT_VENUE)), report.toString());
            assertTrue(!report.halted(), report.toString());
            assertBooksEqualVenue(rt);
        }
        List<Order> orders = rt.oms.orders(OrderFilter.ALL);
        assertEquals(submitted, orders.size(), "every order entered is still known");
        long filled = orders.stream().filter(o -> o.status() == OrderStatus.FILLED).count();
        assertTrue(filled > 100, "enough fills to mean something: " + filled);
        assertEquals(rt.venue.fillsSince("s", Instant.EPOCH).size(), filled, "one fill per filled order, none twice");
    }

    private static void assertBooksEqualVenue(Runtime rt) {
        var there = rt.venue.account("s");
        assertEquals(there.cash(), rt.oms.cash("s"));
        assertEquals(there.positions().getOrDefault(X.id(), Qty.ZERO), rt.oms.position("s", X.id()).quantity());
        List<ClientOrderId> openHere = rt.oms.openOrders("s").stream().map(Order::id).sorted(java.util.Comparator.comparing(ClientOrderId::value)).toList();
        List<ClientOrderId> openThere = rt.venue.openOrders("s").stream().map(o -> o.id()).sorted(java.util.Comparator.comparing(ClientOrderId::value)).toList();
        assertEquals(openThere, openHere);
    }
}
