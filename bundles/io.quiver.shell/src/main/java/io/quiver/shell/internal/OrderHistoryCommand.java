package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import io.quiver.oms.OrderHistoryEntry;
import io.quiver.oms.OrderService;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Order;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code order:history}: every event of one order, oldest first, with the state after each. */
@Service
@Command(scope = "order", name = "history", description = "Shows the full event history of one order")
public class OrderHistoryCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Argument(index = 0, name = "id", required = true, description = "Client order id")
    String id;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        OrderService oms = runtime.orderManager();
        Order order = oms.order(ClientOrderId.of(id)).orElseThrow(() -> new IllegalArgumentException("no order '" + id + "'"));
        out.println(order.id() + "  " + order.strategyId() + "  " + order.request() + "  " + order.status() + ", filled "
                + order.filledQuantity());
        Tables table = Tables.withColumns("Time", "Event", "Status after", "Detail");
        for (OrderHistoryEntry e : oms.history(order.id())) {
            table.addRow().addContent(e.time(), e.what(), e.statusAfter(), e.detail());
        }
        table.print(out, !noFormat);
        return null;
    }
}
