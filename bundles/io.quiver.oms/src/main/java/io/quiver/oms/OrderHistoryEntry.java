package io.quiver.oms;

import io.quiver.sdk.model.OrderStatus;
import java.time.Instant;

/** One line of an order's history: what happened, the state after it, and details. */
public record OrderHistoryEntry(Instant time, String what, OrderStatus statusAfter, String detail) {
}
