package io.quiver.shell.internal;

import io.quiver.oms.OrderHistoryEntry;
import io.quiver.oms.OrderService;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderRequest;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** How orders print in the shell: as table rows, and as the outcome of an operator's request. */
final class OrderTables {
    private OrderTables() {
    }

    static Tables orders(List<Order> orders) {
        Tables table = Tables.withColumns("Id", "Strategy", "Instrument", "Side", "Type", "Quantity", "Limit", "Stop", "Trail",
                "TIF", "Status", "Filled", "Group", "Created", "Updated");
        for (Order o : orders) {
            OrderRequest r = o.request();
            table.addRow().addContent(o.id(), o.strategyId(), r.instrument(), r.side(), r.type(), r.quantity(), blankIfNull(r.limitPrice()),
                    blankIfNull(o.workingStop() != null ? o.workingStop() : r.stopPrice()), blankIfNull(r.trailingOffset()),
                    r.timeInForce(), o.status(), o.filledQuantity(), blankIfNull(o.group()), o.createdAt().truncatedTo(ChronoUnit.MILLIS), o.updatedAt().truncatedTo(ChronoUnit.MILLIS));
        }
        return table;
    }

    /** One line per order: id, status, what it is, and the last thing that happened to it. */
    static String outcome(OrderService oms, Order o) {
        List<OrderHistoryEntry> history = oms.history(o.id());
        OrderHistoryEntry last = history.isEmpty() ? null : history.get(history.size() - 1);
        String latest = last == null ? "" : "  (" + last.what() + (last.detail().isEmpty() ? "" : ": " + last.detail()) + ")";
        return o.id() + "  " + o.status() + "  " + o.request() + latest;
    }

    static Object blankIfNull(Object value) {
        return value == null ? "" : value;
    }
}
