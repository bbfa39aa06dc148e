package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import io.quiver.oms.ReconciliationPolicy;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code order:reconcile}: reconciles with a venue now; with SYNC it also lifts a HALT. */
@Service
@Command(scope = "order", name = "reconcile", description = "Reconciles the books with a venue now and prints the report; "
        + "-p SYNC takes the venue's side and lifts a HALT")
public class ReconcileCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Option(name = "-p", aliases = "--policy", description = "SYNC (take the venue's side) or HALT (change nothing, halt on a difference)")
    String policy = "SYNC";

    @Argument(index = 0, name = "venue", required = true, description = "Venue id, e.g. sim")
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
        ReconciliationPolicy p;
        try {
            p = ReconciliationPolicy.valueOf(policy.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--policy '" + policy + "' is not one of " + Arrays.toString(ReconciliationPolicy.values()));
        }
        ReconciliationTables.print(runtime.reconcile(venue, p), out, !noFormat);
        return null;
    }
}
