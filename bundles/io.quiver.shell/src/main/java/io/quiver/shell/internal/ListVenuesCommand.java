package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code venue:list}: the venues installed and what each does itself. */
@Service
@Command(scope = "venue", name = "list", description = "Lists the venues: simulated or not, instances trading on them, the order types "
        + "each executes natively (the order manager emulates the others), modify, batching and reconciliation")
public class ListVenuesCommand implements Action {
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
        Tables table = Tables.withColumns("Venue", "Simulated", "Instances", "Native order types", "Modify", "Batches", "Reconcilable", "Costs");
        runtime.venues().forEach(v -> table.addRow().addContent(v.id(), v.simulated(), v.instances(),
                v.nativeTypes().stream().map(Enum::name).collect(java.util.stream.Collectors.joining(",")), v.modify(), v.batches(), v.reconcilable(),
                v.costs()));
        table.print(out, !noFormat);
        return null;
    }
}
