package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code order:compact}: rewrites the order journal as a snapshot, forgetting orders closed before the retention. */
@Service
@Command(scope = "order", name = "compact", description = "Rewrites the order journal as a snapshot of the books, "
        + "forgetting orders closed longer ago than the retention")
public class CompactOrdersCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Option(name = "-k", aliases = "--keep", description = "Keep closed orders this recent (ISO-8601, default P7D)")
    String keep = "P7D";

    PrintStream out = System.out;
    Clock clock = Clock.systemUTC();

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        Duration retention;
        try {
            retention = Duration.parse(keep.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--keep '" + keep + "' is not an ISO-8601 duration such as P7D or PT12H");
        }
        Instant since = clock.instant().minus(retention);
        long started = System.nanoTime();
        long before = runtime.orderManager().journalSizeOnDisk();
        int forgotten = runtime.orderManager().compact(since);
        out.println(forgotten == 0 ? "nothing to forget: no order closed before " + since
                : "forgot " + forgotten + " order(s) closed before " + since + "; kept " + runtime.orderManager().orderCount(null) + " in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms; journal " + size(before) + " before, "
                        + size(runtime.orderManager().journalSizeOnDisk()) + " after");
        return null;
    }

    /** Bytes as an operator reads a file size: KiB and MiB with one decimal. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB"};
        double v = bytes / 1024.0;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
