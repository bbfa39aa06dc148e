package io.quiver.shell.internal;

import io.quiver.risk.RiskService;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code risk:reset}: lifts the kill switch, or with {@code -s} one instance's tripped breaker (an administrator's command). */
@Service
@Command(scope = "risk", name = "reset", description = "Lifts the kill switch, or with -s a strategy instance's tripped breaker")
public class ResetKillCommand implements Action {
    @Reference
    RiskService risk;

    @Option(name = "-s", aliases = "--strategy", description = "Reset this instance's tripped breaker instead of the kill switch")
    @Completion(InstanceIdCompleter.class)
    String strategy;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        if (strategy != null) {
            out.println(risk.resetBreaker(strategy, ShellUser.name()) ? "breaker of " + strategy + " reset: its orders pass the checks again"
                    : "no breaker of " + strategy + " is tripped; nothing to reset");
            return null;
        }
        if (!risk.status().killSwitch().killed()) {
            out.println("the kill switch is not thrown; nothing to reset");
            return null;
        }
        risk.reset(ShellUser.name());
        out.println("kill switch reset: new orders pass the risk checks again");
        return null;
    }
}
