package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import io.quiver.oms.ReconciliationReport;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code order:reconciliation}: the last reconciliation report of each venue (or of one). */
@Service
@Command(scope = "order", name = "reconciliation", description = "Shows the last reconciliation report of every venue, or of one")
public class ShowReconciliationCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Argument(index = 0, name = "venue", description = "Only this venue's report")
    @Completion(VenueIdCompleter.class)
    String venue;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        List<ReconciliationReport> reports = runtime.orderManager().lastReconciliations().stream()
                .filter(r -> venue == null || r.venueId().equals(venue)).toList();
        if (reports.isEmpty()) {
            out.println(venue == null ? "no venue has been reconciled since start" : "venue " + venue + " has not been reconciled since start");
        }
        reports.forEach(r -> ReconciliationTables.print(r, out, !noFormat));
        return null;
    }
}
