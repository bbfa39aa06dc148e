package io.quiver.shell.internal;

import io.quiver.engine.InstanceInfo;
import io.quiver.engine.StrategyRuntime;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Position;
import io.quiver.sdk.model.Qty;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code position:list}: positions per instance and, per instrument, in total across instances; exact. */
@Service
@Command(scope = "position", name = "list", description = "Lists positions with average price and P&L, per instance and in total")
public class ListPositionsCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Option(name = "-s", aliases = "--strategy", description = "Only this instance's positions")
    @Completion(InstanceIdCompleter.class)
    String strategy;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    PrintStream out = System.out;

    private record Total(Qty quantity, Money cost, Money realised, Money unrealised) {
        static final Total NONE = new Total(Qty.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

        Total plus(Position p) {
            return new Total(quantity.plus(p.quantity()), cost.plus(p.costBasis()), realised.plus(p.realisedPnl()), unrealised.plus(p.unrealisedPnl()));
        }
    }

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        Tables table = Tables.withColumns("Strategy", "Instrument", "Quantity", "Avg price", "Mark", "Realised P&L", "Unrealised P&L");
        List<String> ids = strategy != null ? List.of(strategy) : runtime.instances().stream().map(InstanceInfo::id).toList();
        Map<InstrumentId, Total> totals = new TreeMap<>();
        for (String id : ids) {
            for (Position p : runtime.positions(id)) {
                table.addRow().addContent(id, p.instrument(), p.quantity(), p.averagePrice().toPlainString(),
                        p.markPrice() == null ? "" : p.markPrice(), p.realisedPnl(), p.unrealisedPnl());
                totals.put(p.instrument(), totals.getOrDefault(p.instrument(), Total.NONE).plus(p));
            }
        }
        totals.forEach((instrument, t) -> table.addRow().addContent("TOTAL", instrument, t.quantity(),
                new Position(instrument, t.quantity(), t.cost(), t.realised(), t.unrealised(), null).averagePrice().toPlainString(), "",
                t.realised(), t.unrealised()));
        table.print(out, !noFormat);
        return null;
    }
}
