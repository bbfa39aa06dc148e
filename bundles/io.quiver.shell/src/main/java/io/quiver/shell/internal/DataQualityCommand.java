package io.quiver.shell.internal;

import io.quiver.catalog.DataCatalog;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code data:quality}: what ingest found wrong or odd in a data set. */
@Service
@Command(scope = "data", name = "quality", description = "Shows a data set's gaps against its sessions, outliers and repeated bars, with examples")
public class DataQualityCommand implements Action {
    @Reference
    DataCatalog catalog;

    @Argument(index = 0, name = "name", required = true, description = "the data set")
    String name;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(() -> {
            DataCatalog.Entry e = DataSets.named(catalog, name);
            DataCatalog.Quality q = e.quality();
            boolean bars = e.kind() == DataCatalog.Kind.BARS;
            out.printf("gaps           %,d (%s)%n", q.gaps(), bars ? "bars missing against the sessions" : "not counted for ticks");
            out.printf("outliers       %,d (%s changes beyond ten median absolute deviations)%n", q.outliers(),
                    bars ? "close-to-close" : "price or mid");
            out.printf("repeats        %,d (%s equal to the one before)%n", q.duplicates(), bars ? "bars" : "ticks");
            q.examples().forEach(x -> out.println("  " + x));
            return null;
        });
    }
}
