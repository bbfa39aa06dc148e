package io.quiver.engine.internal;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Qty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The orders of one strategy instance and their states, in submission order. */
public final class OrderTracker {
    private final String strategyId;
    private final Map<ClientOrderId, Order> orders = new LinkedHashMap<>();
    private final Map<ClientOrderId, Order> open = new LinkedHashMap<>();

    public OrderTracker(String strategyId) {
        this.strategyId = strategyId;
    }

    public Order add(ClientOrderId id, OrderRequest request, Instant time) {
        Order o = new Order(id, strategyId, request, OrderStatus.NEW, Qty.ZERO, time, time);
        orders.put(id, o);
        open.put(id, o);
        return o;
    }

    /** Applies a venue event; returns the order after it, or empty if the id is not one of ours. */
    public Optional<Order> apply(OrderEvent event) {
        Order o = orders.get(event.orderId());
        if (o == null) {
            return Optional.empty();
        }
        OrderStatus next = OrderStateMachine.next(o.status(), event);
        Qty filled = event instanceof OrderEvent.Filled f ? o.filledQuantity().plus(f.fill().quantity()) : o.filledQuantity();
        if (filled.compareTo(o.request().quantity()) > 0) {
            throw new OrderStateMachine.IllegalOrderTransitionException(o.id() + ": fills of " + filled
                    + " exceed the order quantity " + o.request().quantity());
        }
        Order updated = new Order(o.id(), strategyId, o.request(), next, filled, o.createdAt(), event.time());
        orders.put(o.id(), updated);
        if (next.isTerminal()) {
            open.remove(o.id());
        } else {
            open.put(o.id(), updated);
        }
        return Optional.of(updated);
    }

    public Optional<Order> get(ClientOrderId id) {
        return Optional.ofNullable(orders.get(id));
    }

    public List<Order> open() {
        return List.copyOf(open.values());
    }

    public List<Order> all() {
        return new ArrayList<>(orders.values());
    }

    public int count() {
        return orders.size();
    }
}
