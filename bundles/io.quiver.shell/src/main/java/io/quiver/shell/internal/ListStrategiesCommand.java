package io.quiver.shell.internal;

import io.quiver.engine.InstanceInfo;
import io.quiver.engine.StrategyRuntime;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code strategy:list}: every strategy instance with its state at a glance. */
@Service
@Command(scope = "strategy", name = "list", description = "Lists the strategy instances: state, feed, venue, equity, orders")
public class ListStrategiesCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        Tables table = Tables.withColumns("Id", "Type", "State", "Feed", "Venue", "Instruments", "Equity", "Open orders", "Orders", "Faults", "Note");
        for (InstanceInfo i : runtime.instances()) {
            String note = !i.reason().isEmpty() ? i.reason() : i.waitingFor().isEmpty() ? "" : "waiting for " + i.waitingFor();
            table.addRow().addContent(i.id(), i.type(), i.state(), i.feed(), i.venue(), String.join(",", i.instruments()),
                    i.equity(), i.openOrders(), i.orders(), i.faults(), note);
        }
        table.print(out, !noFormat);
        return null;
    }
}
