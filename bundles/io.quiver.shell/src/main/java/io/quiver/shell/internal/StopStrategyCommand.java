package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code strategy:stop}: stops an instance, cancelling its open orders and saving its state. */
@Service
@Command(scope = "strategy", name = "stop", description = "Stops a strategy instance: cancels its open orders and saves its state")
public class StopStrategyCommand implements Action {
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
        runtime.stop(id);
        out.println(id + ": " + runtime.instance(id).map(i -> i.state().name()).orElse("gone"));
        return null;
    }
}
