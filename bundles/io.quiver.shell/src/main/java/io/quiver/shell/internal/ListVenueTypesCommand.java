package io.quiver.shell.internal;

import io.quiver.backtest.BacktestService;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code venue:types}: the venue types installed, which {@code backtest:run --venue} can name. */
@Service
@Command(scope = "venue", name = "types", description = "Lists the venue types installed (each bundle's VenueFactory), which backtest:run --venue names")
public class ListVenueTypesCommand implements Action {
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
        Tables table = Tables.withColumns("Type", "What it does");
        backtests.venueTypes().forEach((type, description) -> table.addRow().addContent(type, description));
        table.print(out, !noFormat);
        return null;
    }
}
