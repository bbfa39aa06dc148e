package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import io.quiver.oms.OrderService;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code order:modify}: changes an open order's quantity, limit price or stop price, and prints the outcome. */
@Service
@Command(scope = "order", name = "modify", description = "Changes an open order's quantity, limit price or stop price")
public class ModifyOrderCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Option(name = "-q", aliases = "--quantity", description = "New total quantity (above what is filled)")
    String quantity;

    @Option(name = "-l", aliases = "--limit", description = "New limit price")
    String limit;

    @Option(name = "--stop", description = "New stop price (for a trailing stop: its current level)")
    String stop;

    @Argument(index = 0, name = "id", required = true, description = "Client order id")
    @Completion(OpenOrderIdCompleter.class)
    String id;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        if (quantity == null && limit == null && stop == null) {
            throw new IllegalArgumentException("say what to change: -q <quantity>, -l <limit price> or --stop <stop price>");
        }
        OrderService oms = runtime.orderManager();
        ClientOrderId orderId = ClientOrderId.of(id);
        OrderStatus status = oms.order(orderId).orElseThrow(() -> new IllegalArgumentException("no order '" + id + "'")).status();
        if (status.isTerminal()) {
            throw new IllegalArgumentException("order " + id + " is " + status + " and cannot be modified");
        }
        oms.modify(orderId, quantity == null ? null : OrderSpec.positive(quantity, "quantity", Qty::of),
                limit == null ? null : OrderSpec.positive(limit, "limit", Price::of), stop == null ? null : OrderSpec.positive(stop, "stop", Price::of));
        out.println(OrderTables.outcome(oms, oms.order(orderId).orElseThrow()));
        return null;
    }
}
