package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code feed:list}: the market-data feeds installed. */
@Service
@Command(scope = "feed", name = "list", description = "Lists the market-data feeds: running, instruments, bars received")
public class ListFeedsCommand implements Action {
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
        Tables table = Tables.withColumns("Feed", "Running", "Instruments", "Bars");
        runtime.feeds().forEach(f -> table.addRow().addContent(f.id(), f.running(), String.join(",", f.instruments()), f.bars()));
        table.print(out, !noFormat);
        return null;
    }
}
