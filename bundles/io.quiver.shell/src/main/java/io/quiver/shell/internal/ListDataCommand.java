package io.quiver.shell.internal;

import io.quiver.catalog.DataCatalog;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code data:list}: the data sets in the catalog. */
@Service
@Command(scope = "data", name = "list", description = "Lists the data sets in the catalog")
public class ListDataCommand implements Action {
    @Reference
    DataCatalog catalog;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        Tables table = Tables.withColumns("Name", "Symbol", "Rows", "Interval", "First", "Last", "Source");
        for (DataCatalog.Entry e : catalog.list()) {
            table.addRow().addContent(e.name(), e.symbol(), e.rows(), e.spacing(), e.first(), e.last(), e.source());
        }
        table.print(out, !noFormat);
        return null;
    }
}
