package io.quiver.shell.internal;

import io.quiver.engine.InstanceInfo;
import io.quiver.engine.StrategyRuntime;
import io.quiver.risk.LimitUsage;
import io.quiver.risk.RiskService;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code risk:limits}: every limit in force per instance, whose setting it is, and its usage now. */
@Service
@Command(scope = "risk", name = "limits", description = "Shows every risk limit in force for each strategy instance, with its scope and usage")
public class RiskLimitsCommand implements Action {
    @Reference
    RiskService risk;

    @Reference
    StrategyRuntime runtime;

    @Option(name = "-s", aliases = "--strategy", description = "Only this instance")
    @Completion(InstanceIdCompleter.class)
    String strategy;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        if (strategy != null) {
            OperatorOrders.requireInstance(runtime, strategy);
        }
        List<String> ids = strategy != null ? List.of(strategy) : runtime.instances().stream().map(InstanceInfo::id).toList();
        List<LimitUsage> rows = runtime.orderManager().readBooks(books -> risk.limits(books, ids));
        Tables table = Tables.withColumns("Instance", "Check", "Setting", "Scope", "Limit", "Usage");
        for (LimitUsage u : rows) {
            table.addRow().addContent(u.strategyId(), u.check(), u.key(), u.scope(), u.limit(), u.usage());
        }
        table.print(out, !noFormat);
        return null;
    }
}
