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

/** {@code order:cancel}: cancels orders by id, or every open order of an instance (or of all) with {@code --all}. */
@Service
@Command(scope = "order", name = "cancel", description = "Cancels open orders by id, or all of them with --all")
public class CancelOrderCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Option(name = "--all", description = "Cancel every open order (of the instance given with -s, else of every instance)")
    boolean all;

    @Option(name = "-s", aliases = "--strategy", description = "With --all: only this instance's orders")
    @Completion(InstanceIdCompleter.class)
    String strategy;

    @Argument(index = 0, name = "ids", multiValued = true, description = "Client order ids")
    @Completion(OpenOrderIdCompleter.class)
    List<String> ids;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        OrderService oms = runtime.orderManager();
        if (all == (ids != null && !ids.isEmpty())) {
            throw new IllegalArgumentException("give either order ids or --all");
        }
        if (all) {
            int asked = oms.cancelAll(strategy, "cancelled by operator");
            out.println(asked + " open order(s) asked to cancel");
            return null;
        }
        for (String id : ids) {
            Order before = oms.order(ClientOrderId.of(id)).orElseThrow(() -> new IllegalArgumentException("no order '" + id + "'"));
            if (before.status().isTerminal()) {
                out.println(id + " is " + before.status() + "; nothing to cancel");
                continue;
            }
            oms.cancel(before.id(), "cancelled by operator");
            out.println(OrderTables.outcome(oms, oms.order(before.id()).orElseThrow()));
        }
        return null;
    }
}
