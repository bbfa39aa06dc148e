package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes venue ids. */
@Service
public class VenueIdCompleter implements Completer {
    @Reference
    StrategyRuntime runtime;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        runtime.venues().forEach(v -> ids.getStrings().add(v.id()));
        return ids.complete(session, commandLine, candidates);
    }
}
