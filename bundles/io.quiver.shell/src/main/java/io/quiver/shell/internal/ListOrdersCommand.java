package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import io.quiver.sdk.model.Order;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code order:list}: the orders of one or every instance. */
@Service
@Command(scope = "order", name = "list", description = "Lists orders, oldest first")
public class ListOrdersCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Option(name = "-s", aliases = "--strategy", description = "Only this instance's orders")
    @Completion(InstanceIdCompleter.class)
    String strategy;

    @Option(name = "-o", aliases = "--open", description = "Only orders not in a terminal state")
    boolean openOnly;

    @Option(name = "-n", aliases = "--last", description = "Only the last N orders")
    int last = 50;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        List<Order> orders = runtime.orders(strategy).stream().filter(o -> !openOnly || o.status().isOpen()).toList();
        ShellTable table = Tables.withColumns("Id", "Strategy", "Instrument", "Side", "Type", "Quantity", "Limit", "Stop", "TIF", "Status", "Filled", "Updated");
        for (Order o : orders.subList(Math.max(0, orders.size() - last), orders.size())) {
            var r = o.request();
            table.addRow().addContent(o.id(), o.strategyId(), r.instrument(), r.side(), r.type(), r.quantity(),
                    r.limitPrice() == null ? "" : r.limitPrice(), r.stopPrice() == null ? "" : r.stopPrice(), r.timeInForce(),
                    o.status(), o.filledQuantity(), o.updatedAt());
        }
        table.print(out, !noFormat);
        return null;
    }
}
