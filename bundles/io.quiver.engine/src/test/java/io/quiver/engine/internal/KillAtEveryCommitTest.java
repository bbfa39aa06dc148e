package io.quiver.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.oms.Discrepancy;
import io.quiver.oms.InMemoryJournal;
import io.quiver.oms.OrderFilter;
import io.quiver.oms.OrderJournal;
import io.quiver.oms.OrderManager;
import io.quiver.oms.ReconciliationPolicy;
import io.quiver.oms.ReconciliationReport;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.venue.sim.BarFillSimulator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The same seeded trading script, killed at its first commit, then at its second, and so on through
 * every commit of either journal: at that point the process dies (nothing more is written, what was not
 * committed is lost), the order manager and the venue come back from their journals and reconcile. Each
 * time: nothing halts, no order or fill is lost or doubled, and the books equal the venue's.
 */
class KillAtEveryCommitTest {
    private static final Instrument X = Instrument.of("X", 2, "USD");
    private static final Instant T0 = Instant.parse("2024-05-06T13:30:00Z");

    /** The moment of death: thrown from a commit, unwinding everything like a kill -9 would. */
    private static final class Killed extends RuntimeException {
        Killed() {
            super("killed", null, false, false);
        }
    }

    /** Journals that share one countdown of commits; the commit that reaches zero never happens. */
    private static final class Mortal implements OrderJournal {
        final InMemoryJournal inner = new InMemoryJournal();
        final int[] commitsLeft;

        Mortal(int[] commitsLeft) {
            this.commitsLeft = commitsLeft;
        }

        @Override
        public void append(String record) {
            if (commitsLeft[0] <= 0) {
                throw new Killed();
            }
            inner.append(record);
        }

        @Override
        public void commit() {
            if (--commitsLeft[0] <= 0) {
                throw new Killed();
            }
            inner.commit();
        }

        @Override
        public void replay(Consumer<String> reader) {
            inner.replay(reader);
        }
    }

    private static final class Paper {
        final BarFillSimulator venue;
        final OrderManager oms;
        final Instant[] now;

        Paper(OrderJournal omsJournal, OrderJournal venueJournal, Instant[] now) {
            this.now = now;
            venue = new BarFillSimulator("sim", new BigDecimal("0.5"), venueJournal);
            venue.addInstrument(X);
            oms = new OrderManager(omsJournal, id -> venue, () -> now[0]);
            oms.registerInstrument(X);
            venue.open(e -> oms.onVenueEvent("sim", e));
            oms.openAccount("s", "sim", Money.of(100_000));
        }

        void bar(long cents) {
            now[0] = now[0].plusSeconds(60);
            Price o = Price.ofUnits(cents, 2);
            Bar bar = new Bar(X.id(), now[0], o, Price.ofUnits(cents + 25, 2), Price.ofUnits(cents - 25, 2), o, Qty.of(1000));
            oms.inBatch(() -> {
                venue.onBar(bar);
                oms.onBar(bar);
            });
        }
    }

    /** Trades a fixed script: batches of entries and cancels, one-by-one entries, modifications, bars. */
    private static int script(Paper p) {
        Random random = new Random(7);
        long price = 10_000;
        int n = 0;
        for (int round = 0; round < 12; round++) {
            int first = n;
            p.oms.inBatch(() -> {
                for (int k = 0; k < 4; k++) {
                    p.oms.submit("s", ClientOrderId.of("b" + first + "-" + k), limit(random, 10_000));
                }
            });
            n++;
            p.oms.submit("s", ClientOrderId.of("o" + round), limit(random, price));
            p.oms.submit("s", ClientOrderId.of("m" + round), OrderRequest.market(X.id(), random.nextBoolean() ? Side.BUY : Side.SELL,
                    Qty.of(1 + random.nextInt(3))));
            List<Order> open = p.oms.openOrders("s");
            if (!open.isEmpty()) {
                Order o = open.get(random.nextInt(open.size()));
                if (random.nextBoolean()) {
                    p.oms.cancel(o.id(), "script");
                } else if (o.request().limitPrice() != null) {
                    p.oms.modify(o.id(), null, Price.ofUnits(o.request().limitPrice().unitsAt(2) + (random.nextBoolean() ? 5 : -5), 2), null);
                }
            }
            price += random.nextInt(41) - 20;
            p.bar(price);
        }
        return n;
    }

    private static OrderRequest limit(Random random, long around) {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long offset = random.nextInt(60) - 20;
        return OrderRequest.limit(X.id(), side, Qty.of(1 + random.nextInt(5)), Price.ofUnits(side == Side.BUY ? around - offset
                : around + offset, 2), TimeInForce.GTC);
    }

    @Test
    void killedAtAnyCommitItComesBackWithNothingLostOrDoubledAndEqualToTheVenue() {
        int total = countCommits();
        assertTrue(total > 100, "the script commits often enough to mean something: " + total);
        Set<String> kinds = new HashSet<>();
        for (int kill = 1; kill <= total; kill++) {
            int[] left = {kill};
            Mortal omsJournal = new Mortal(left);
            Mortal venueJournal = new Mortal(left);
            Instant[] now = {T0};
            try {
                script(new Paper(omsJournal, venueJournal, now));
            } catch (Killed expected) {
                // the process died here
            }
            left[0] = Integer.MAX_VALUE; // the restarted process lives on
            omsJournal.inner.crash();
            venueJournal.inner.crash();
            Paper back = new Paper(omsJournal, venueJournal, now);
            ReconciliationReport report = back.oms.reconcile(back.venue, ReconciliationPolicy.SYNC);
            String at = "killed at commit " + kill + " of " + total + ": ";
            assertFalse(report.halted(), at + report);
            report.discrepancies().forEach(d -> kinds.add(d.kind()));
            assertBooksEqualVenue(back, at);
            assertTrue(back.oms.reconcile(back.venue, ReconciliationPolicy.HALT).isClean(), at + "a second look finds nothing");
        }
        System.out.println("killed at each of " + total + " commits; differences reconciled: " + kinds);
        // the kill points cover every kind of gap a crash can leave
        assertTrue(kinds.containsAll(Set.of(Discrepancy.MISSED_FILL, Discrepancy.NEVER_SENT, Discrepancy.MISSED_ACK)), kinds.toString());
    }

    private static int countCommits() {
        int[] left = {Integer.MAX_VALUE};
        script(new Paper(new Mortal(left), new Mortal(left), new Instant[] {T0}));
        return Integer.MAX_VALUE - left[0];
    }

    private static void assertBooksEqualVenue(Paper p, String at) {
        var there = p.venue.account("s");
        assertEquals(there.cash(), p.oms.cash("s"), at + "cash");
        assertEquals(there.positions().getOrDefault(X.id(), Qty.ZERO), p.oms.position("s", X.id()).quantity(), at + "position");
        Set<ClientOrderId> openHere = new HashSet<>(p.oms.openOrders("s").stream().map(Order::id).toList());
        Set<ClientOrderId> openThere = new HashSet<>(p.venue.openOrders("s").stream().map(o -> o.id()).toList());
        assertEquals(openThere, openHere, at + "open orders");
        List<Fill> fills = p.venue.fillsSince("s", Instant.EPOCH);
        for (Fill f : fills) {
            Order o = p.oms.order(f.orderId()).orElseThrow(() -> new AssertionError(at + "fill of an unknown order " + f));
            assertTrue(o.filledQuantity().compareTo(Qty.ZERO) > 0, at + "fill not booked " + f);
        }
        Qty venueFilled = fills.stream().map(Fill::quantity).reduce(Qty.ZERO, Qty::plus);
        Qty booksFilled = p.oms.orders(OrderFilter.ofStrategy("s")).stream().map(Order::filledQuantity).reduce(Qty.ZERO, Qty::plus);
        assertEquals(venueFilled, booksFilled, at + "filled quantity, every fill once");
    }
}
