package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import io.quiver.oms.OrderFilter;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the ids of open orders. */
@Service
public class OpenOrderIdCompleter implements Completer {
    @Reference
    StrategyRuntime runtime;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        runtime.orderManager().orders(new OrderFilter(null, null, null, true, null, null)).forEach(o -> ids.getStrings().add(o.id().value()));
        return ids.complete(session, commandLine, candidates);
    }
}
