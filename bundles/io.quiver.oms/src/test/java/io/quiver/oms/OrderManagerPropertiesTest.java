package io.quiver.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Position;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random venue event sequences, valid or not, against the books' invariants. */
class OrderManagerPropertiesTest {
    private static final InstrumentId X = InstrumentId.of("X");
    private static final Instant T = Instant.parse("2024-01-02T10:00:00Z");
    private static final Money START = Money.of(1_000_000);

    @Property(tries = 300)
    void booksStayConsistentWhateverTheVenueSays(@ForAll @Size(min = 1, max = 120) List<@IntRange(min = 0, max = 9999) Integer> script) {
        InMemoryJournal journal = new InMemoryJournal();
        ScriptedVenue venue = new ScriptedVenue(false);
        OrderManager oms = new OrderManager(journal, id -> venue, () -> T);
        oms.openAccount("s", "v", START);
        Map<ClientOrderId, OrderStatus> terminal = new HashMap<>();
        Money fees = Money.ZERO;
        int orders = 0;
        int executions = 0;
        for (int step : script) {
            int action = step % 7;
            if (orders == 0 || action == 0) {
                Side side = step % 2 == 0 ? Side.BUY : Side.SELL;
                oms.submit("s", ClientOrderId.of("o" + orders++), OrderRequest.limit(X, side, Qty.of(1 + step % 9),
                        Price.of(90 + step % 20), TimeInForce.GTC));
                continue;
            }
            ClientOrderId id = ClientOrderId.of("o" + (step / 7) % orders);
            Order o = oms.order(id).orElseThrow();
            OrderEvent e = switch (action) {
                case 1 -> new OrderEvent.Accepted(id, T);
                case 2, 3 -> {
                    // sometimes more than the order has left, sometimes a repeated execution id
                    Qty q = Qty.of(1 + (step / 70) % 6);
                    String exec = (step / 420) % 5 == 0 && executions > 0 ? "x" + (executions - 1) : "x" + executions++;
                    Money fee = Money.of(java.math.BigDecimal.valueOf(step % 13, 2));
                    Fill f = new Fill(id, exec, "s", X, o.side(), q, Price.of(90 + step % 20), fee, T);
                    yield new OrderEvent.Filled(id, T, f, OrderStatus.PARTIALLY_FILLED);
                }
                case 4 -> new OrderEvent.Cancelled(id, T, "venue");
                case 5 -> new OrderEvent.Expired(id, T);
                default -> new OrderEvent.Rejected(id, T, "X", "venue");
            };
            Qty before = o.filledQuantity();
            try {
                oms.onVenueEvent("v", e);
            } catch (OrderStateMachine.IllegalOrderTransitionException overfill) {
                assertTrue(overfill.getMessage().contains("exceed the order quantity"), overfill.getMessage());
            }
            Order after = oms.order(id).orElseThrow();
            if (e instanceof OrderEvent.Filled f && after.filledQuantity().compareTo(before) > 0) {
                fees = fees.plus(f.fill().fee());
            }
            for (Order any : oms.orders(OrderFilter.ALL)) {
                OrderStatus was = terminal.get(any.id());
                if (was != null) {
                    assertEquals(was, any.status(), "nothing changes after a terminal state");
                    assertEquals(Qty.ZERO, any.leavesQuantity());
                } else if (any.status().isTerminal()) {
                    terminal.put(any.id(), any.status());
                } else {
                    assertEquals(any.request().quantity(), any.filledQuantity().plus(any.leavesQuantity()));
                }
                assertTrue(any.filledQuantity().compareTo(any.request().quantity()) <= 0);
            }
            Qty signedFills = Qty.ZERO;
            for (Order any : oms.orders(OrderFilter.ALL)) {
                signedFills = any.side() == Side.BUY ? signedFills.plus(any.filledQuantity()) : signedFills.minus(any.filledQuantity());
            }
            Position p = oms.position("s", X);
            assertEquals(signedFills, p.quantity(), "position = sum of signed fills");
            // cash + open positions at cost - realised = start - fees
            assertEquals(START.minus(fees), oms.cash("s").plus(p.costBasis()).minus(p.realisedPnl()));
        }
        OrderManager recovered = new OrderManager(journal, id -> venue, () -> T);
        assertEquals(oms.orders(OrderFilter.ALL), recovered.orders(OrderFilter.ALL));
        assertEquals(oms.cash("s"), recovered.cash("s"));
        assertEquals(oms.position("s", X), recovered.position("s", X));
    }
}
