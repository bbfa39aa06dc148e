package io.quiver.oms;

import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderStatus;
import java.time.Instant;

/** Which orders to list; a null field matches everything. {@code openOnly} keeps orders not yet terminal. */
public record OrderFilter(String strategyId, InstrumentId instrument, OrderStatus status, boolean openOnly, Instant since,
        Instant until) {

    public static final OrderFilter ALL = new OrderFilter(null, null, null, false, null, null);

    public static OrderFilter ofStrategy(String strategyId) {
        return new OrderFilter(strategyId, null, null, false, null, null);
    }

    public boolean matches(Order o) {
        return (strategyId == null || strategyId.equals(o.strategyId()))
                && (instrument == null || instrument.equals(o.instrument()))
                && (status == null || status == o.status())
                && (!openOnly || o.status().isOpen())
                && (since == null || !o.createdAt().isBefore(since))
                && (until == null || o.createdAt().isBefore(until));
    }
}
