package io.quiver.shell.internal;

import io.quiver.risk.RiskService;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code risk:reset}: lifts the kill switch (an administrator's command). */
@Service
@Command(scope = "risk", name = "reset", description = "Lifts the kill switch: new orders pass the risk checks again")
public class ResetKillCommand implements Action {
    @Reference
    RiskService risk;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        if (!risk.status().killSwitch().killed()) {
            out.println("the kill switch is not thrown; nothing to reset");
            return null;
        }
        risk.reset(ShellUser.name());
        out.println("kill switch reset: new orders pass the risk checks again");
        return null;
    }
}
