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
@Command(scope = "feed", name = "list", description = "Lists the market-data feeds: running, instruments, bars received; for live feeds connection, lag, last message age, reconnections, events left out")
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
        Tables table = Tables.withColumns("Feed", "Running", "Instruments", "Bars", "Connected", "Lag", "Last message", "Reconnects", "Left out");
        java.time.Instant now = java.time.Instant.now();
        runtime.feeds().forEach(f -> {
            io.quiver.sdk.spi.FeedHealth h = f.health();
            table.addRow().addContent(f.id(), f.running(), String.join(",", f.instruments()), f.bars(), h == null ? "" : h.connected(),
                    h == null ? "" : millis(h.lag()), h == null ? "" : h.lastMessage() == null ? "never" : millis(h.lastMessageAge(now)) + " ago",
                    h == null ? "" : h.reconnects(), h == null ? "" : h.dropped());
        });
        table.print(out, !noFormat);
        return null;
    }

    private static String millis(java.time.Duration d) {
        return d == null ? "" : d.toMillis() + " ms";
    }
}
