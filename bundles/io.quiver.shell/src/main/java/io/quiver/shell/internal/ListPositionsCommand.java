package io.quiver.shell.internal;

import io.quiver.engine.InstanceInfo;
import io.quiver.engine.StrategyRuntime;
import io.quiver.sdk.model.Position;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code position:list}: positions per instance, exact. */
@Service
@Command(scope = "position", name = "list", description = "Lists positions with average price and P&L")
public class ListPositionsCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Option(name = "-s", aliases = "--strategy", description = "Only this instance's positions")
    @Completion(InstanceIdCompleter.class)
    String strategy;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        ShellTable table = Tables.withColumns("Strategy", "Instrument", "Quantity", "Avg price", "Mark", "Realised P&L", "Unrealised P&L");
        List<String> ids = strategy != null ? List.of(strategy) : runtime.instances().stream().map(InstanceInfo::id).toList();
        for (String id : ids) {
            for (Position p : runtime.positions(id)) {
                table.addRow().addContent(id, p.instrument(), p.quantity(), p.averagePrice().toPlainString(),
                        p.markPrice() == null ? "" : p.markPrice(), p.realisedPnl(), p.unrealisedPnl());
            }
        }
        table.print(out, !noFormat);
        return null;
    }
}
