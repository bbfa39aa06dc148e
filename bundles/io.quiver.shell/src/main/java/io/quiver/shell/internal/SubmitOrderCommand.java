package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import io.quiver.oms.OrderService;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderRequest;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code order:submit}: enters one order on a strategy instance's account, idempotently on its id: the
 * same command given twice with {@code --id} enters one order.
 */
@Service
@Command(scope = "order", name = "submit", description = "Enters an order on a strategy instance's account: "
        + "BUY|SELL <quantity> <instrument> [limit <price>] [stop <price>] [trail <offset>] [DAY|GTC|IOC|FOK]")
public class SubmitOrderCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Option(name = "-s", aliases = "--strategy", required = true, description = "The instance whose account the order is for")
    @Completion(InstanceIdCompleter.class)
    String strategy;

    @Option(name = "--id", description = "Client order id (default: the next free op-<n>); the same id and order enter it once")
    String id;

    @Argument(index = 0, name = "order", required = true, multiValued = true,
            description = "e.g. BUY 10 SYN1 limit 99.5 DAY; SELL 10 SYN1 stop 95; SELL 10 SYN1 trail 2pct")
    List<String> words;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        OrderRequest request = OrderSpec.parse(words);
        OrderService oms = runtime.orderManager();
        OperatorOrders.requireInstance(runtime, strategy);
        ClientOrderId orderId = id != null ? ClientOrderId.of(id) : OperatorOrders.nextId(oms, "op-");
        boolean existed = oms.order(orderId).isPresent();
        Order order = oms.submit(strategy, orderId, request);
        if (existed) {
            out.println("order " + orderId + " exists with this request; nothing was sent again");
        }
        out.println(OrderTables.outcome(oms, oms.order(orderId).orElse(order)));
        return null;
    }
}
