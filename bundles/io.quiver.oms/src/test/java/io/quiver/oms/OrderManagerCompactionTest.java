package io.quiver.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.Bar;
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
import io.quiver.sdk.model.TrailingOffset;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Twins: the same orders, venue answers and bars go to two order managers; one compacts its journal
 * half-way. The compacted one must show the same accounts, open orders, kept orders and histories as the
 * other, come back the same from its rewritten journal, and go on trading to the same books.
 */
class OrderManagerCompactionTest {
    private static final InstrumentId X = InstrumentId.of("X");
    private static final Instant T0 = Instant.parse("2024-03-04T14:30:00Z");
    private Instant now = T0;
    private int executions;

    private final class Side2 {
        final InMemoryJournal journal = new InMemoryJournal();
        final ScriptedVenue venue = new ScriptedVenue(false);
        final OrderManager oms = start(journal, venue);
    }

    private OrderManager start(InMemoryJournal journal, ScriptedVenue venue) {
        OrderManager m = new OrderManager(journal, id -> venue, () -> now);
        m.registerInstrument(new Instrument(X, Price.of("0.01"), Qty.of(1), "USD"));
        m.openAccount("s", "v", Money.of(10_000));
        return m;
    }

    private final Side2 plain = new Side2();
    private final Side2 compacted = new Side2();

    private void both(Consumer<OrderManager> step) {
        step.accept(plain.oms);
        step.accept(compacted.oms);
    }

    private void at(int minute) {
        now = T0.plusSeconds(60L * minute);
    }

    private void ack(String id) {
        both(m -> m.onVenueEvent("v", new OrderEvent.Accepted(ClientOrderId.of(id), now)));
    }

    private void fill(String id, String qty, String price) {
        String exec = "e" + ++executions;
        both(m -> {
            Order o = m.order(ClientOrderId.of(id)).orElseThrow();
            Qty after = o.filledQuantity().plus(Qty.of(qty));
            Fill f = new Fill(o.id(), exec, "s", X, o.side(), Qty.of(qty), Price.of(price), Money.of("0.25"), now);
            m.onVenueEvent("v", new OrderEvent.Filled(o.id(), now, f,
                    after.compareTo(o.request().quantity()) == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED));
        });
    }

    private void bar(String o, String h, String l, String c) {
        both(m -> m.onBar(new Bar(X, now, Price.of(o), Price.of(h), Price.of(l), Price.of(c), Qty.of(100))));
    }

    private static OrderRequest limit(Side side, int qty, String price) {
        return OrderRequest.limit(X, side, Qty.of(qty), Price.of(price), TimeInForce.GTC);
    }

    private void assertSameBooks(OrderManager expected, OrderManager actual, String when) {
        assertEquals(expected.cash("s"), actual.cash("s"), when + ": cash");
        assertEquals(expected.positions("s"), actual.positions("s"), when + ": positions (quantity, cost, realised, unrealised, mark)");
        assertEquals(expected.equity("s"), actual.equity("s"), when + ": equity");
        assertEquals(expected.openOrders("s"), actual.openOrders("s"), when + ": open orders");
        assertEquals(expected.orderCount("s"), actual.orderCount("s"), when + ": orders entered");
        for (Order o : actual.orders(OrderFilter.ALL)) {
            assertEquals(expected.order(o.id()).orElseThrow(), o, when + ": " + o.id());
            assertEquals(expected.history(o.id()), actual.history(o.id()), when + ": history of " + o.id());
        }
    }

    @Test
    void aCompactedJournalKeepsTheBooksAndForgetsOnlyOldClosedOrders() {
        // Old business, all closed before minute 10.
        both(m -> m.submit("s", ClientOrderId.of("a1"), limit(Side.BUY, 5, "9.00")));
        ack("a1");
        fill("a1", "5", "9.00");
        at(1);
        both(m -> m.submit("s", ClientOrderId.of("a2"), limit(Side.SELL, 2, "9.50")));
        ack("a2");
        fill("a2", "2", "9.50");
        both(m -> m.submit("s", ClientOrderId.of("c1"), limit(Side.BUY, 1, "8.00")));
        ack("c1");
        both(m -> m.cancel(ClientOrderId.of("c1"), "test"));
        both(m -> m.onVenueEvent("v", new OrderEvent.Cancelled(ClientOrderId.of("c1"), now, "cancelled on request")));
        both(m -> m.submitOco("s", ClientOrderId.of("g1"), limit(Side.SELL, 1, "9.80"), limit(Side.SELL, 1, "9.90")));
        ack("g1.1");
        ack("g1.2");
        fill("g1.1", "1", "9.80");
        both(m -> m.onVenueEvent("v", new OrderEvent.Cancelled(ClientOrderId.of("g1.2"), now, "cancelled on request")));

        // Still working at minute 20: a part-filled limit, a trailing stop held here, a bracket, a cancel on its way, an order not acknowledged.
        at(20);
        both(m -> m.onBar(new Bar(X, now, Price.of("9.40"), Price.of("9.60"), Price.of("9.30"), Price.of("9.50"), Qty.of(100))));
        both(m -> m.submit("s", ClientOrderId.of("o1"), limit(Side.BUY, 3, "8.50")));
        ack("o1");
        fill("o1", "1", "8.50");
        both(m -> m.submit("s", ClientOrderId.of("t1"), OrderRequest.trailingStop(X, Side.SELL, Qty.of(1), TrailingOffset.amount(Price.of("0.50")),
                TimeInForce.GTC)));
        bar("9.50", "9.90", "9.45", "9.80");
        both(m -> m.submitBracket("s", ClientOrderId.of("br"), OrderRequest.market(X, Side.BUY, Qty.of(2)),
                OrderRequest.stop(X, Side.SELL, Qty.of(2), Price.of("9.00"), TimeInForce.GTC), limit(Side.SELL, 2, "10.50")));
        ack("br");
        fill("br", "2", "9.70");
        ack("br.tp");
        both(m -> m.submit("s", ClientOrderId.of("p1"), limit(Side.BUY, 1, "7.00")));
        ack("p1");
        both(m -> m.cancel(ClientOrderId.of("p1"), "changed my mind"));
        both(m -> m.submit("s", ClientOrderId.of("n1"), limit(Side.BUY, 1, "7.50")));
        both(m -> m.cancel(ClientOrderId.of("n1"), "before the venue acknowledged it")); // goes out with the acknowledgement
        assertSameBooks(plain.oms, compacted.oms, "before compaction");

        at(30);
        int forgotten = compacted.oms.compact(T0.plusSeconds(600));
        assertEquals(5, forgotten, "a1, a2, c1 and the OCO pair g1");
        assertTrue(compacted.oms.order(ClientOrderId.of("a1")).isEmpty());
        assertEquals(List.of("br", "br.sl", "br.tp", "n1", "o1", "p1", "t1"),
                compacted.oms.orders(OrderFilter.ALL).stream().map(o -> o.id().value()).sorted().toList());
        assertSameBooks(plain.oms, compacted.oms, "after compaction");
        OrderManager restarted = new OrderManager(compacted.journal, id -> compacted.venue, () -> now);
        assertSameBooks(plain.oms, restarted, "replayed from the rewritten journal");

        // Both go on trading alike: the trailing stop and the bracket's stop trigger, the part-filled order fills, the late cancel lands.
        int sentBefore = compacted.venue.calls.size();
        at(31);
        bar("9.60", "9.65", "8.90", "9.00");
        fill("o1", "2", "8.50");
        both(m -> m.onVenueEvent("v", new OrderEvent.Cancelled(ClientOrderId.of("p1"), now, "cancelled on request")));
        ack("n1");
        ack("t1");
        fill("t1", "1", "9.30");
        ack("br.sl");
        fill("br.sl", "2", "8.95");
        assertSameBooks(plain.oms, compacted.oms, "trading on after compaction");
        assertEquals(plain.venue.calls.subList(plain.venue.calls.size() - (compacted.venue.calls.size() - sentBefore), plain.venue.calls.size()),
                compacted.venue.calls.subList(sentBefore, compacted.venue.calls.size()), "the same orders went to the venue, nothing again");
        assertTrue(compacted.venue.calls.contains("cancel br.tp"), "the stop-loss's fill cancels the take-profit: the bracket's pair survived");
        assertTrue(compacted.venue.calls.contains("cancel n1"), "the cancel asked before compaction went out with the acknowledgement");
    }

    @Test
    void nothingToForgetLeavesTheJournalAlone() {
        both(m -> m.submit("s", ClientOrderId.of("o1"), limit(Side.BUY, 3, "8.50")));
        List<String> before = new java.util.ArrayList<>();
        compacted.journal.replay(before::add);
        assertEquals(0, compacted.oms.compact(T0));
        List<String> after = new java.util.ArrayList<>();
        compacted.journal.replay(after::add);
        assertEquals(before, after);
    }
}
