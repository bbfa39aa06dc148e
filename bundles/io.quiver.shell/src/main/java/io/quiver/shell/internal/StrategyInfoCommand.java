package io.quiver.shell.internal;

import io.quiver.engine.InstanceInfo;
import io.quiver.engine.StrategyRuntime;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code strategy:info}: everything about one instance, including why it is quarantined. */
@Service
@Command(scope = "strategy", name = "info", description = "Shows one strategy instance in detail, including why it is quarantined or failed")
public class StrategyInfoCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Argument(index = 0, name = "id", required = true, description = "Instance id")
    @Completion(InstanceIdCompleter.class)
    String id;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        InstanceInfo i = runtime.instance(id).orElseThrow(() -> new IllegalArgumentException("no strategy instance '" + id + "'"));
        out.printf("Id            %s%n", i.id());
        out.printf("Type          %s%n", i.type());
        out.printf("State         %s%n", i.state());
        if (!i.reason().isEmpty()) {
            out.printf("Reason        %s%n", i.reason());
        }
        if (!i.waitingFor().isEmpty()) {
            out.printf("Waiting for   %s%n", i.waitingFor());
        }
        out.printf("Feed          %s%n", i.feed());
        out.printf("Venue         %s%n", i.venue());
        out.printf("Instruments   %s%n", String.join(",", i.instruments()));
        out.printf("Capital       %s%n", i.capital());
        out.printf("Cash          %s%n", i.cash());
        out.printf("Equity        %s%n", i.equity());
        out.printf("Orders        %d (%d open)%n", i.orders(), i.openOrders());
        out.printf("Faults        %d%n", i.faults());
        return null;
    }
}
