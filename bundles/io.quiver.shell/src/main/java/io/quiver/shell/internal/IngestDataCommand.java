package io.quiver.shell.internal;

import io.quiver.catalog.DataCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code data:ingest}: a file, or every data file of a folder, into the catalog; a file stored already is skipped. */
@Service
@Command(scope = "data", name = "ingest", description = "Parses a data file (or every file of a folder) once into the catalog, for backtests with --data catalog:<name>")
public class IngestDataCommand implements Action {
    @Reference
    DataCatalog catalog;

    @Argument(index = 0, name = "path", required = true, description = "a data file with its .schema beside it, or a folder of them; relative to the Quiver home")
    String path;

    @Option(name = "--name", description = "the data set's name (default: the file name without its extension); for one file only")
    String name;

    @Option(name = "--schema", description = "the layout of the file(s) (a .schema file, docs/data.md), relative to the Quiver home; "
            + "default: the <file>.schema beside each file, else the default layout")
    String schema;

    PrintStream out = System.out;
    Path home = Path.of(System.getProperty("karaf.home", "."));

    @Override
    public Object execute() throws IOException {
        return UserMistakes.oneLineReading(this::run);
    }

    private Object run() throws IOException {
        Path target = inside(home, path, ShellUser.hasRole("admin"));
        Path layout = schema == null ? null : inside(home, schema, ShellUser.hasRole("admin"));
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(target)) {
            if (name != null) {
                throw new IllegalArgumentException("--name names one data set: give it with a file, not the folder " + path);
            }
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(target)) {
                for (Path f : dir) {
                    String n = f.getFileName().toString();
                    if (Files.isRegularFile(f) && !n.endsWith(".schema") && !n.startsWith(".") && !n.equalsIgnoreCase("README.md")) {
                        files.add(f);
                    }
                }
            }
            files.sort(null);
        } else {
            files.add(target);
        }
        Tables table = Tables.withColumns("Name", "Rows", "First", "Last", "Gaps", "Outliers", "Repeats", "Result");
        int failed = 0;
        for (Path f : files) {
            try {
                DataCatalog.Ingested in = catalog.ingest(f, layout, name, DataCatalog.progressPrintedTo(out, Files.size(f)));
                DataCatalog.Entry e = in.entry();
                table.addRow().addContent(e.name(), e.rows(), e.first(), e.last(), e.quality().gaps(), e.quality().outliers(), e.quality().duplicates(),
                        in.added() ? "ingested" : "stored already (same SHA-256)");
            } catch (RuntimeException ex) {
                if (files.size() == 1) {
                    throw ex;
                }
                failed++; // one bad file of a folder does not stop the others; it is named with its reason
                table.addRow().addContent(f.getFileName(), "", "", "", "", "", "", "refused: " + ex.getMessage());
            }
        }
        table.print(out, true);
        if (failed > 0) {
            throw new CommandException(failed + " of " + files.size() + " files refused (see above)", null);
        }
        return null;
    }

    /** A path under the Quiver home; an admin may name one anywhere (its contents can appear in an error message). */
    static Path inside(Path home, String path, boolean admin) {
        Path asked = Path.of(path);
        Path resolved = home.resolve(asked).normalize();
        if (!admin && !resolved.startsWith(home.toAbsolutePath().normalize()) && !resolved.startsWith(home.normalize())) {
            throw new IllegalArgumentException(path + ": only an admin may ingest from outside the Quiver home");
        }
        if (!Files.exists(resolved)) {
            throw new IllegalArgumentException("no such file or folder: " + path);
        }
        return resolved;
    }
}
