package io.quiver.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.oms.OrderStateMachine.IllegalOrderTransitionException;
import io.quiver.oms.OrderStateMachine.Kind;
import io.quiver.sdk.model.OrderStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every state against every event kind, checked against a table written out here by hand from docs/orders.md. */
class OrderStateMachineTest {
    private static final Map<String, OrderStatus> EXPECTED = Map.ofEntries(
            Map.entry("NEW ACCEPTED", OrderStatus.ACCEPTED),
            Map.entry("NEW REJECTED", OrderStatus.REJECTED),
            Map.entry("NEW CANCELLED", OrderStatus.CANCELLED),
            Map.entry("ACCEPTED TRIGGERED", OrderStatus.TRIGGERED),
            Map.entry("ACCEPTED FILLED", OrderStatus.PARTIALLY_FILLED),
            Map.entry("ACCEPTED MODIFIED", OrderStatus.ACCEPTED),
            Map.entry("ACCEPTED MODIFY_REJECTED", OrderStatus.ACCEPTED),
            Map.entry("ACCEPTED CANCELLED", OrderStatus.CANCELLED),
            Map.entry("ACCEPTED EXPIRED", OrderStatus.EXPIRED),
            Map.entry("TRIGGERED ACCEPTED", OrderStatus.TRIGGERED),
            Map.entry("TRIGGERED REJECTED", OrderStatus.REJECTED),
            Map.entry("TRIGGERED FILLED", OrderStatus.PARTIALLY_FILLED),
            Map.entry("TRIGGERED MODIFIED", OrderStatus.TRIGGERED),
            Map.entry("TRIGGERED MODIFY_REJECTED", OrderStatus.TRIGGERED),
            Map.entry("TRIGGERED CANCELLED", OrderStatus.CANCELLED),
            Map.entry("TRIGGERED EXPIRED", OrderStatus.EXPIRED),
            Map.entry("PARTIALLY_FILLED FILLED", OrderStatus.PARTIALLY_FILLED),
            Map.entry("PARTIALLY_FILLED MODIFIED", OrderStatus.PARTIALLY_FILLED),
            Map.entry("PARTIALLY_FILLED MODIFY_REJECTED", OrderStatus.PARTIALLY_FILLED),
            Map.entry("PARTIALLY_FILLED CANCELLED", OrderStatus.CANCELLED),
            Map.entry("PARTIALLY_FILLED EXPIRED", OrderStatus.EXPIRED),
            Map.entry("PENDING_CANCEL ACCEPTED", OrderStatus.PENDING_CANCEL),
            Map.entry("PENDING_CANCEL REJECTED", OrderStatus.REJECTED),
            Map.entry("PENDING_CANCEL TRIGGERED", OrderStatus.PENDING_CANCEL),
            Map.entry("PENDING_CANCEL FILLED", OrderStatus.PENDING_CANCEL),
            Map.entry("PENDING_CANCEL MODIFIED", OrderStatus.PENDING_CANCEL),
            Map.entry("PENDING_CANCEL MODIFY_REJECTED", OrderStatus.PENDING_CANCEL),
            Map.entry("PENDING_CANCEL CANCELLED", OrderStatus.CANCELLED),
            Map.entry("PENDING_CANCEL EXPIRED", OrderStatus.EXPIRED),
            Map.entry("CANCELLED FILLED", OrderStatus.CANCELLED),
            Map.entry("EXPIRED FILLED", OrderStatus.EXPIRED));

    @Test
    void everyLegalTransitionLeadsWhereTheTableSaysAndEveryOtherIsRefused() {
        int legal = 0;
        int refused = 0;
        for (OrderStatus from : OrderStatus.values()) {
            for (Kind kind : Kind.values()) {
                OrderStatus expected = EXPECTED.get(from + " " + kind);
                if (expected != null) {
                    assertEquals(expected, OrderStateMachine.next(from, kind, false), from + " " + kind);
                    legal++;
                } else {
                    assertThrows(IllegalOrderTransitionException.class, () -> OrderStateMachine.next(from, kind, false), from + " " + kind);
                    refused++;
                }
            }
        }
        assertEquals(31, legal);
        assertEquals(9 * 8 - 31, refused);
    }

    @Test
    void aFillThatCompletesTheQuantityFillsTheOrder() {
        for (OrderStatus from : new OrderStatus[] {OrderStatus.ACCEPTED, OrderStatus.TRIGGERED, OrderStatus.PARTIALLY_FILLED,
                OrderStatus.PENDING_CANCEL}) {
            assertEquals(OrderStatus.FILLED, OrderStateMachine.next(from, Kind.FILLED, true));
        }
    }

    @Test
    void terminalStatesAcceptNothingButALateFillAndNeverChange() {
        for (OrderStatus from : OrderStatus.values()) {
            if (from.isTerminal()) {
                for (Kind kind : Kind.values()) {
                    boolean lateFill = kind == Kind.FILLED && (from == OrderStatus.CANCELLED || from == OrderStatus.EXPIRED);
                    assertEquals(lateFill, OrderStateMachine.isLegal(from, kind), from + " " + kind);
                    if (lateFill) {
                        assertEquals(from, OrderStateMachine.next(from, kind, true), "a late fill leaves " + from + " as it is");
                    }
                }
            }
        }
    }

    @Test
    void aCancelIsPendingOnlyForAnOrderTheVenueAcknowledged() {
        for (OrderStatus from : OrderStatus.values()) {
            boolean acknowledged = from == OrderStatus.ACCEPTED || from == OrderStatus.TRIGGERED || from == OrderStatus.PARTIALLY_FILLED;
            assertEquals(acknowledged ? OrderStatus.PENDING_CANCEL : from, OrderStateMachine.pendingCancel(from), from.name());
        }
    }
}
