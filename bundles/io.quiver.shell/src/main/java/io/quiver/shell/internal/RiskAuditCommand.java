package io.quiver.shell.internal;

import io.quiver.risk.RiskService;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code risk:audit}: the latest lines of the audit trail, one JSON object each. */
@Service
@Command(scope = "risk", name = "audit", description = "Shows the latest risk decisions and state changes from data/log/quiver-audit.json")
public class RiskAuditCommand implements Action {
    @Reference
    RiskService risk;

    @Option(name = "-n", aliases = "--last", description = "How many lines (default 20)")
    int last = 20;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        if (last < 1) {
            throw new IllegalArgumentException("-n: the number of lines must be 1 or more, was " + last);
        }
        risk.audit(last).forEach(out::println);
        return null;
    }
}
