package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import io.quiver.sdk.model.Order;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code risk:kill}: the kill switch. Every new order is refused until {@code risk:reset}; every open order is cancelled. */
@Service
@Command(scope = "risk", name = "kill", description = "Stops all trading: refuses every new order until risk:reset, cancels every "
        + "open order at every venue and, with --flatten, closes every position at market")
public class KillCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Option(name = "--flatten", description = "Also close every position with a market order")
    boolean flatten;

    @Option(name = "-r", aliases = "--reason", description = "Why, for the log and the audit trail")
    String reason = "";

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        String who = ShellUser.name();
        StrategyRuntime.KillReport report = runtime.kill(who, reason.isBlank() ? "no reason given" : reason, flatten);
        out.println("KILLED by " + who + ": every new order is refused until risk:reset");
        out.println("cancel requested for " + report.cancelsRequested() + " open order(s)");
        if (flatten) {
            out.println(report.flattening().size() + " flattening market order(s):");
            for (Order o : report.flattening()) {
                out.println("  " + o.id() + "  " + o.status() + "  " + o.request());
            }
        }
        return null;
    }
}
