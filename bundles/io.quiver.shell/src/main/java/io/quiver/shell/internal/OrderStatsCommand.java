package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import io.quiver.oms.OrderStats;
import java.io.PrintStream;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code order:stats}: what the order manager counted since start: refused venue events, rejections by reason code, halted venues. */
@Service
@Command(scope = "order", name = "stats", description = "Counts since start: venue events the state machine refused, rejections by "
        + "reason code, venues whose orders are halted")
public class OrderStatsCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        OrderStats stats = runtime.orderManager().stats();
        Tables table = Tables.withColumns("Count", "Value");
        table.addRow().addContent("refused venue events", stats.refusedVenueEvents());
        table.addRow().addContent("halted venues", stats.haltedVenues().isEmpty() ? "none" : String.join(",", new java.util.TreeSet<>(stats.haltedVenues())));
        for (Map.Entry<String, Long> e : new java.util.TreeMap<>(stats.rejectionsByCode()).entrySet()) {
            table.addRow().addContent("rejected " + e.getKey(), e.getValue());
        }
        table.print(out, !noFormat);
        return null;
    }
}
