package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import io.quiver.oms.OrderService;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Order;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code order:oco}: two orders where the first fill of either cancels the other; ids {@code <group>.1} and {@code <group>.2}. */
@Service
@Command(scope = "order", name = "oco", description = "Enters two orders that cancel each other (one-cancels-other), "
        + "each quoted as in order:submit")
public class SubmitOcoCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Option(name = "-s", aliases = "--strategy", required = true, description = "The instance whose account the orders are for")
    @Completion(InstanceIdCompleter.class)
    String strategy;

    @Option(name = "--id", description = "Group id (default: the next free oco-<n>); the orders get <id>.1 and <id>.2")
    String id;

    @Argument(index = 0, name = "first", required = true, description = "The first order, quoted, e.g. \"SELL 10 SYN1 limit 110\"")
    String first;

    @Argument(index = 1, name = "second", required = true, description = "The second order, quoted, e.g. \"SELL 10 SYN1 stop 95\"")
    String second;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        OperatorOrders.requireInstance(runtime, strategy);
        OrderService oms = runtime.orderManager();
        ClientOrderId group = id != null ? ClientOrderId.of(id) : OperatorOrders.nextId(oms, "oco-");
        List<Order> orders = oms.submitOco(strategy, group, OrderSpec.parse(first), OrderSpec.parse(second));
        orders.forEach(o -> out.println(OrderTables.outcome(oms, oms.order(o.id()).orElse(o))));
        return null;
    }
}
