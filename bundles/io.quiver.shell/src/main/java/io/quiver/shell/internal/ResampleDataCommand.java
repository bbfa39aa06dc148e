package io.quiver.shell.internal;

import io.quiver.catalog.DataCatalog;
import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code data:resample}: a data set made coarser by its instrument's sessions, stored as a new one. */
@Service
@Command(scope = "data", name = "resample", description = "Stores a data set resampled to coarser bars (e.g. PT5M, PT1H, P1D) by its instrument's sessions")
public class ResampleDataCommand implements Action {
    @Reference
    DataCatalog catalog;

    @Argument(index = 0, name = "name", required = true, description = "the data set")
    String name;

    @Argument(index = 1, name = "interval", required = true, description = "the coarser bar, ISO-8601: PT5M, PT1H, P1D (a trading day)")
    String interval;

    @Option(name = "--name", description = "the new data set's name (default: <name>-<interval>)")
    String newName;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(() -> {
            Duration step;
            try {
                step = Duration.parse(interval);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("interval '" + interval + "' is not an ISO-8601 duration such as PT5M, PT1H or P1D");
            }
            DataCatalog.Ingested r = catalog.resample(name, step, newName);
            out.printf("%s: %,d bars of %s, %s .. %s (%s)%n", r.entry().name(), r.entry().rows(), DataCatalog.intervalText(r.entry().interval()), r.entry().first(),
                    r.entry().last(), r.added() ? "stored" : "stored already");
            return null;
        });
    }
}
