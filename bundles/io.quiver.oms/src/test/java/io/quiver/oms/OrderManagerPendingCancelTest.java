package io.quiver.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A venue fills an order that is being cancelled, as real venues do: the order is PENDING_CANCEL while
 * the cancel is on its way, every fill that arrives meanwhile is booked (cash and position exactly), and
 * the order ends FILLED, or CANCELLED with what filled. A fill reported after the cancel was confirmed is
 * booked too. All of it survives a restart.
 */
class OrderManagerPendingCancelTest {
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

    private ClientOrderId buy(String id, int qty) {
        oms.submit("s", ClientOrderId.of(id), OrderRequest.limit(X, Side.BUY, Qty.of(qty), Price.of("10.00"), TimeInForce.GTC));
        return ClientOrderId.of(id);
    }

    private void fill(ClientOrderId id, int qty, String price) {
        Order o = oms.order(id).orElseThrow();
        Fill f = new Fill(id, "e" + ++executions, "s", X, Side.BUY, Qty.of(qty), Price.of(price), Money.of("0.25"), now);
        oms.onVenueEvent("v", new OrderEvent.Filled(id, now, f, o.filledQuantity().plus(Qty.of(qty)).compareTo(o.request().quantity()) == 0
                ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED));
    }

    private Order order(ClientOrderId id) {
        return oms.order(id).orElseThrow();
    }

    @Test
    void fillsWhileACancelIsPendingAreBookedAndTheOrderEndsCancelledWithThem() {
        ClientOrderId id = buy("a", 10);
        oms.onVenueEvent("v", new OrderEvent.Accepted(id, now));
        oms.cancel(id, "test");
        assertEquals(OrderStatus.PENDING_CANCEL, order(id).status());
        assertEquals(List.of("submit a LIMIT", "cancel a"), venue.calls);
        fill(id, 4, "10.00");
        assertEquals(OrderStatus.PENDING_CANCEL, order(id).status(), "a part filled on the way stays pending");
        assertEquals(Qty.of(4), order(id).filledQuantity());
        oms.modify(id, Qty.of(8), null, null);
        assertEquals(List.of("submit a LIMIT", "cancel a"), venue.calls, "no change goes out while the cancel is pending");
        oms.onVenueEvent("v", new OrderEvent.Cancelled(id, now, "cancelled on request"));
        assertEquals(OrderStatus.CANCELLED, order(id).status());
        assertEquals(Qty.of(4), order(id).filledQuantity());
        // 10,000 - 4 x 10.00 - 0.25
        assertEquals(Money.of("9959.75"), oms.account("s").cash());
        assertEquals(Qty.of(4), oms.position("s", X).quantity());
        oms = start();
        assertEquals(OrderStatus.CANCELLED, order(id).status());
        assertEquals(Money.of("9959.75"), oms.account("s").cash(), "the same after a restart");
        assertEquals(List.of("NEW", "ACCEPTED", "CANCEL_REQUESTED", "FILLED", "MODIFY_REJECTED", "CANCELLED"),
                oms.history(id).stream().map(OrderHistoryEntry::what).toList());
        assertEquals(ReasonCode.CANCEL_PENDING.code(), oms.history(id).get(4).detail().split(":")[0].trim());
    }

    @Test
    void aFillOfTheWholeRestBeforeTheCancelTakesEffectEndsTheOrderFilled() {
        ClientOrderId id = buy("b", 5);
        oms.onVenueEvent("v", new OrderEvent.Accepted(id, now));
        fill(id, 2, "10.00");
        oms.cancel(id, "test");
        assertEquals(OrderStatus.PENDING_CANCEL, order(id).status(), "from a partly filled order too");
        fill(id, 3, "9.99");
        assertEquals(OrderStatus.FILLED, order(id).status());
        // 10,000 - 2 x 10.00 - 3 x 9.99 - 2 x 0.25
        assertEquals(Money.of("9949.53"), oms.account("s").cash());
    }

    @Test
    void aCancelSentBeforeTheAcknowledgementIsPendingOnceTheVenueAcknowledges() {
        ClientOrderId id = buy("c", 5);
        oms.cancel(id, "test");
        assertEquals(OrderStatus.NEW, order(id).status(), "the cancel waits for the acknowledgement");
        oms.onVenueEvent("v", new OrderEvent.Accepted(id, now));
        assertEquals(OrderStatus.PENDING_CANCEL, order(id).status());
        assertEquals(List.of("submit c LIMIT", "cancel c"), venue.calls);
    }

    @Test
    void aFillReportedAfterTheCancelWasConfirmedIsBookedAndTheOrderStaysCancelled() {
        ClientOrderId id = buy("d", 5);
        oms.onVenueEvent("v", new OrderEvent.Accepted(id, now));
        oms.cancel(id, "test");
        oms.onVenueEvent("v", new OrderEvent.Cancelled(id, now, "cancelled on request"));
        fill(id, 5, "10.00");
        assertEquals(OrderStatus.CANCELLED, order(id).status());
        assertEquals(Qty.of(5), order(id).filledQuantity());
        assertEquals(Money.of("9949.75"), oms.account("s").cash());
        assertEquals(Qty.of(5), oms.position("s", X).quantity());
        fill(id, 1, "10.00");
        assertEquals(Qty.of(5), order(id).filledQuantity(), "a fill beyond the order's quantity is still refused");
    }
}
