package io.quiver.shell.internal;

import io.quiver.backtest.BacktestService;
import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code strategy:types}: the strategy types installed, with their parameters and defaults. */
@Service
@Command(scope = "strategy", name = "types", description = "Lists the strategy types installed, with their parameters")
public class ListStrategyTypesCommand implements Action {
    @Reference
    BacktestService backtests;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        Tables table = Tables.withColumns("Type", "Parameters (defaults)", "Bundle");
        for (BacktestService.StrategyType t : backtests.strategyTypes()) {
            table.addRow().addContent(t.name(), format(t.parameters()), t.bundle());
        }
        table.print(out, !noFormat);
        return null;
    }

    private static String format(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
