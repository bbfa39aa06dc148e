package io.quiver.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Brackets on a venue that modifies orders: the exits protect the filled part of an entry at once. */
class OrderManagerBracketTest {
    private static final InstrumentId X = InstrumentId.of("X");
    private final InMemoryJournal journal = new InMemoryJournal();
    private final ScriptedVenue venue = new ScriptedVenue(true);
    private final Instant now = Instant.parse("2024-03-04T14:30:00Z");
    private OrderManager oms = start();
    private int executions;

    private OrderManager start() {
        OrderManager m = new OrderManager(journal, id -> venue, () -> now);
        m.registerInstrument(new Instrument(X, Price.of("0.01"), Qty.of(1), "USD"));
        m.openAccount("s", "v", Money.of(10_000));
        return m;
    }

    private void fill(String id, String qty, String price) {
        Order o = oms.order(ClientOrderId.of(id)).orElseThrow();
        Fill f = new Fill(o.id(), "e" + ++executions, "s", X, o.side(), Qty.of(qty), Price.of(price), Money.ZERO, now);
        Qty after = o.filledQuantity().plus(Qty.of(qty));
        oms.onVenueEvent("v", new OrderEvent.Filled(o.id(), now, f, after.compareTo(o.request().quantity()) == 0 ? OrderStatus.FILLED
                : OrderStatus.PARTIALLY_FILLED));
    }

    private void ack(String id) {
        oms.onVenueEvent("v", new OrderEvent.Accepted(ClientOrderId.of(id), now));
    }

    private Order order(String id) {
        return oms.order(ClientOrderId.of(id)).orElseThrow();
    }

    private void bracket() {
        oms.submitBracket("s", ClientOrderId.of("b"), OrderRequest.limit(X, Side.BUY, Qty.of(10), Price.of("10.00"), TimeInForce.GTC),
                OrderRequest.stop(X, Side.SELL, Qty.of(10), Price.of("9.50"), TimeInForce.GTC),
                OrderRequest.limit(X, Side.SELL, Qty.of(10), Price.of("11.00"), TimeInForce.GTC));
        ack("b");
    }

    @Test
    void theExitsWorkForWhatHasFilledAndGrowWithEachFill() {
        bracket();
        fill("b", "6", "10.00");
        assertEquals(OrderStatus.ACCEPTED, order("b.sl").status(), "the stop-loss is held here at once");
        assertEquals(Qty.of(6), order("b.sl").request().quantity());
        assertEquals(List.of("submit b LIMIT", "submit b.tp LIMIT"), venue.calls, "the take-profit goes out at once");
        assertEquals(Qty.of(6), venue.sent.get(1).quantity());
        ack("b.tp");
        fill("b", "4", "9.99");
        assertEquals(Qty.of(10), order("b.sl").request().quantity(), "the held stop-loss grows here");
        assertTrue(venue.calls.contains("modify b.tp 10"), "the take-profit grows at the venue: " + venue.calls);
        oms.onVenueEvent("v", new OrderEvent.Modified(ClientOrderId.of("b.tp"), now, Qty.of(10), Price.of("11.00"), null));
        assertEquals(Qty.of(10), order("b.tp").request().quantity());
        // A restart rebuilds the same: the growth is journaled.
        oms = start();
        assertEquals(Qty.of(10), order("b.sl").request().quantity());
        assertEquals(Qty.of(10), order("b.tp").request().quantity());
        assertEquals(OrderStatus.FILLED, order("b").status());
    }

    @Test
    void anExitThatFillsWhileTheEntryIsStillWorkingEndsTheEntryToo() {
        bracket();
        fill("b", "4", "10.00");
        ack("b.tp");
        fill("b.tp", "4", "11.00");
        assertTrue(venue.calls.contains("cancel b"), "the rest of the entry would be unprotected: " + venue.calls);
        assertEquals(OrderStatus.CANCELLED, order("b.sl").status(), "the other exit is cancelled (OCO)");
        assertEquals(Qty.ZERO, oms.position("s", X).quantity());
    }
}
