package io.quiver.shell.internal;

import io.quiver.catalog.DataCatalog;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code data:info}: where a data set comes from and what it holds. */
@Service
@Command(scope = "data", name = "info", description = "Shows a data set's source, checksum, schema, rows and time range")
public class DataInfoCommand implements Action {
    @Reference
    DataCatalog catalog;

    @Argument(index = 0, name = "name", required = true, description = "the data set")
    String name;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(() -> {
            DataCatalog.Entry e = DataSets.named(catalog, name);
            out.printf("name           %s%n", e.name());
            out.printf("source         %s (%,d bytes)%n", e.source(), e.sourceBytes());
            out.printf("sha256         %s%n", e.sha256());
            out.printf("schema         %s%n", e.schema());
            out.printf("ingested       %s%n", e.ingested());
            out.printf("symbol         %s%n", e.symbol());
            out.printf("kind           %s%n", e.kind().text());
            out.printf("rows           %,d%n", e.rows());
            out.printf("interval       %s%n", DataCatalog.intervalText(e.interval()));
            out.printf("first          %s%n", e.first());
            out.printf("last           %s%n", e.last());
            out.printf("backtest with  --data catalog:%s%n", e.name());
            return null;
        });
    }
}
