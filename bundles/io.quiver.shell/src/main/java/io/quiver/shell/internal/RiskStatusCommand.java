package io.quiver.shell.internal;

import io.quiver.engine.InstanceInfo;
import io.quiver.engine.StrategyRuntime;
import io.quiver.risk.KillSwitchState;
import io.quiver.risk.RiskService;
import io.quiver.risk.RiskStatus;
import io.quiver.risk.TradingState;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code risk:status}: the trading state of the runtime and of every instance, and why. */
@Service
@Command(scope = "risk", name = "status", description = "Shows the trading state of the runtime and of every strategy instance")
public class RiskStatusCommand implements Action {
    @Reference
    RiskService risk;

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
        RiskStatus s = risk.status();
        KillSwitchState k = s.killSwitch();
        String why = k.killed() ? "kill switch thrown by " + k.by() + " at " + k.since() + ": " + k.reason()
                : s.problems().containsKey("global") ? s.problems().get("global") : "";
        Tables table = Tables.withColumns("Scope", "State", "Instance", "Reason");
        table.addRow().addContent("runtime", s.state(), "", why);
        for (InstanceInfo i : runtime.instances()) {
            TradingState state = k.killed() ? TradingState.KILLED : s.problems().containsKey(i.id()) ? TradingState.HALTED
                    : s.state() == TradingState.HALTED ? TradingState.HALTED : s.instances().getOrDefault(i.id(), TradingState.ACTIVE);
            String reason = s.problems().containsKey(i.id()) ? s.problems().get(i.id())
                    : s.breakers().containsKey(i.id()) ? "breaker: " + s.breakers().get(i.id()) : "";
            table.addRow().addContent(i.id(), state, i.state(), reason.isEmpty() ? i.reason() : reason);
        }
        table.print(out, !noFormat);
        return null;
    }
}
