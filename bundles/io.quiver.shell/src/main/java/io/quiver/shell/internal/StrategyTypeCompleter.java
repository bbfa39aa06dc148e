package io.quiver.shell.internal;

import io.quiver.backtest.BacktestService;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes installed strategy type names. */
@Service
public class StrategyTypeCompleter implements Completer {
    @Reference
    BacktestService backtests;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        backtests.strategyTypes().forEach(t -> names.getStrings().add(t.name()));
        return names.complete(session, commandLine, candidates);
    }
}
