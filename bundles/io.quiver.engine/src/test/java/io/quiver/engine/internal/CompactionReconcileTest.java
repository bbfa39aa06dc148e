package io.quiver.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.oms.InMemoryJournal;
import io.quiver.oms.OrderManager;
import io.quiver.oms.ReconciliationPolicy;
import io.quiver.oms.ReconciliationReport;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.venue.sim.BarFillSimulator;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * After a compaction the venue still remembers the fills of orders the books forgot. An order that has
 * rested since before them makes the reconciler look that far back: those fills were booked once and
 * must not be taken for unknown ones (which halts trading).
 */
class CompactionReconcileTest {
    private static final Instrument X = Instrument.of("X", 2, "USD");
    private static final Instant T0 = Instant.parse("2024-05-06T13:30:00Z");

    @Test
    void fillsOfForgottenOrdersAreNotUnknownToTheReconciler() {
        InMemoryJournal omsJournal = new InMemoryJournal();
        InMemoryJournal venueJournal = new InMemoryJournal();
        Instant[] now = {T0};
        BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO, venueJournal);
        venue.addInstrument(X);
        OrderManager oms = new OrderManager(omsJournal, id -> venue, () -> now[0]);
        oms.registerInstrument(X);
        venue.open(e -> oms.onVenueEvent("sim", e));
        oms.openAccount("s", "sim", Money.of(100_000));

        oms.submit("s", ClientOrderId.of("resting"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(1), Price.of("50.00"), TimeInForce.GTC));
        for (int i = 0; i < 10; i++) {
            now[0] = now[0].plusSeconds(60);
            oms.submit("s", ClientOrderId.of("m" + i), OrderRequest.market(X.id(), i % 2 == 0 ? Side.BUY : Side.SELL, Qty.of(2)));
            now[0] = now[0].plusSeconds(60);
            Price p = Price.of("100.00");
            venue.onBar(new Bar(X.id(), now[0], p, p, p, p, Qty.of(100)));
        }
        Qty position = oms.position("s", X.id()).quantity();
        Money cash = oms.cash("s");

        now[0] = now[0].plusSeconds(3600);
        assertEquals(10, oms.compact(now[0].minusSeconds(60)), "the ten filled market orders");
        OrderManager restarted = new OrderManager(omsJournal, id -> venue, () -> now[0]);
        venue.open(e -> restarted.onVenueEvent("sim", e));
        ReconciliationReport report = restarted.reconcile(venue, ReconciliationPolicy.SYNC);
        assertTrue(report.isClean(), report.toString());
        assertEquals(10, report.fillsChecked(), "the resting order's age makes it look at every fill");
        assertEquals(position, restarted.position("s", X.id()).quantity());
        assertEquals(cash, restarted.cash("s"));
        assertEquals(venue.account("s").cash(), restarted.cash("s"));
    }
}
