package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import io.quiver.oms.OrderService;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
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
 * {@code order:bracket}: an entry with a stop-loss and a take-profit on the other side for the same
 * quantity (GTC); both wait for the entry's fill and then cancel each other.
 */
@Service
@Command(scope = "order", name = "bracket", description = "Enters a bracket: the entry (as in order:submit), then a stop-loss "
        + "and a take-profit activated by its fill")
public class SubmitBracketCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Option(name = "-s", aliases = "--strategy", required = true, description = "The instance whose account the orders are for")
    @Completion(InstanceIdCompleter.class)
    String strategy;

    @Option(name = "--id", description = "Entry id (default: the next free br-<n>); the children get <id>.sl and <id>.tp")
    String id;

    @Option(name = "--stop-loss", description = "Stop price of the stop-loss")
    String stopLoss;

    @Option(name = "--trailing-stop", description = "A trailing stop-loss instead: offset as an amount (1.5) or a percent (2pct)")
    String trailingStop;

    @Option(name = "--take-profit", required = true, description = "Limit price of the take-profit")
    String takeProfit;

    @Argument(index = 0, name = "entry", required = true, multiValued = true, description = "The entry, e.g. BUY 10 SYN1 limit 100")
    List<String> words;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        if ((stopLoss == null) == (trailingStop == null)) {
            throw new IllegalArgumentException("give the stop-loss as either --stop-loss <price> or --trailing-stop <offset>");
        }
        OrderRequest entry = OrderSpec.parse(words);
        Side exit = entry.side().opposite();
        OrderRequest sl = stopLoss != null
                ? OrderRequest.stop(entry.instrument(), exit, entry.quantity(), OrderSpec.positive(stopLoss, "--stop-loss", Price::of), TimeInForce.GTC)
                : OrderRequest.trailingStop(entry.instrument(), exit, entry.quantity(),
                        OrderSpec.offset(trailingStop), TimeInForce.GTC);
        OrderRequest tp = OrderRequest.limit(entry.instrument(), exit, entry.quantity(), OrderSpec.positive(takeProfit, "--take-profit", Price::of),
                TimeInForce.GTC);
        OperatorOrders.requireInstance(runtime, strategy);
        OrderService oms = runtime.orderManager();
        ClientOrderId entryId = id != null ? ClientOrderId.of(id) : OperatorOrders.nextId(oms, "br-");
        List<Order> orders = oms.submitBracket(strategy, entryId, entry, sl, tp);
        orders.forEach(o -> out.println(OrderTables.outcome(oms, oms.order(o.id()).orElse(o))));
        return null;
    }
}
