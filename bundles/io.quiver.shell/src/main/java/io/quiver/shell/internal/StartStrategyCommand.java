package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code strategy:start}: starts a stopped or quarantined instance. */
@Service
@Command(scope = "strategy", name = "start", description = "Starts a stopped or quarantined strategy instance")
public class StartStrategyCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Argument(index = 0, name = "id", required = true, description = "Instance id")
    @Completion(InstanceIdCompleter.class)
    String id;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        runtime.start(id);
        out.println(id + ": " + runtime.instance(id).map(i -> i.state().name()).orElse("gone"));
        return null;
    }
}
