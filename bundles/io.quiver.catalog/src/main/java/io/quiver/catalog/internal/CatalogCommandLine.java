package io.quiver.catalog.internal;

import io.quiver.catalog.DataCatalog;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bin/quiver-data}: the catalog while Quiver is stopped, as the shell's {@code data:} commands
 * give it while it runs. Exit code 0 done, 2 a usage or data mistake, 1 a failure.
 */
public final class CatalogCommandLine {
    private static final String USAGE = """
            usage: quiver-data ingest <file|folder> [--name NAME] [--schema FILE]   parse data once into the catalog
                   quiver-data list                                the data sets
                   quiver-data info <name>                         source, checksum, rows, time range
                   quiver-data quality <name>                      gaps, outliers, repeated bars or ticks
                   quiver-data resample <name> <PT5M|PT1H|P1D> [--name NAME]   coarser bars by the sessions
            """;

    private CatalogCommandLine() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Path.of(System.getProperty("quiver.home", ".")), System.out, System.err));
    }

    static int run(String[] args, Path home, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        LocalCatalog catalog;
        try {
            catalog = new LocalCatalog(CatalogBarSourceFactory.folderOf(home), Clock.systemUTC());
        } catch (RuntimeException e) {
            // MapDB locks its file: the running Quiver holds it
            err.println("error: the catalog cannot be opened (" + e.getMessage() + "); while Quiver runs, use data: commands in its shell");
            return 1;
        }
        try (catalog) {
            switch (args[0]) {
                case "ingest" -> ingest(catalog, args, out);
                case "list" -> catalog.list().forEach(e -> out.printf("%-30s %-12s %,10d rows  %-6s  %s .. %s  %s%n", e.name(), e.symbol(), e.rows(),
                        e.spacing(), e.first(), e.last(), e.source()));
                case "info" -> {
                    DataCatalog.Entry e = named(catalog, args);
                    out.printf("name %s%nsource %s (%,d bytes)%nsha256 %s%nschema %s%ningested %s%nsymbol %s%nkind %s%nrows %,d%ninterval %s%nfirst %s%nlast %s%n",
                            e.name(), e.source(), e.sourceBytes(), e.sha256(), e.schema(), e.ingested(), e.symbol(), e.kind().text(), e.rows(),
                            DataCatalog.intervalText(e.interval()), e.first(), e.last());
                }
                case "quality" -> {
                    DataCatalog.Quality q = named(catalog, args).quality();
                    out.printf("gaps %,d%noutliers %,d%nrepeats %,d%n", q.gaps(), q.outliers(), q.duplicates());
                    q.examples().forEach(x -> out.println("  " + x));
                }
                case "resample" -> {
                    if (args.length < 3) {
                        throw new IllegalArgumentException("resample needs a data set and an interval such as PT5M");
                    }
                    java.time.Duration step;
                    try {
                        step = java.time.Duration.parse(args[2]);
                    } catch (java.time.format.DateTimeParseException e) {
                        throw new IllegalArgumentException("interval '" + args[2] + "' is not an ISO-8601 duration such as PT5M, PT1H or P1D");
                    }
                    DataCatalog.Ingested r = catalog.resample(args[1], step, args.length >= 5 && args[3].equals("--name") ? args[4] : null);
                    out.printf("%s: %,d bars (%s)%n", r.entry().name(), r.entry().rows(), r.added() ? "stored" : "stored already");
                }
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'\n" + USAGE);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("failed: " + e);
            return 1;
        }
    }

    private static void ingest(LocalCatalog catalog, String[] args, PrintStream out) {
        if (args.length < 2) {
            throw new IllegalArgumentException("ingest needs a file or a folder");
        }
        String name = null;
        Path schema = null;
        for (int i = 2; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--name" -> name = args[i + 1];
                case "--schema" -> schema = Path.of(args[i + 1]).toAbsolutePath().normalize();
                default -> throw new IllegalArgumentException("ingest takes --name and --schema, not " + args[i]);
            }
        }
        Path target = Path.of(args[1]).toAbsolutePath().normalize(); // relative to where the user stands, as bin/quiver-backtest reads files
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (Stream<Path> s = Files.list(target)) {
                s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".schema"))
                        .filter(f -> !f.getFileName().toString().equalsIgnoreCase("README.md")).sorted().forEach(files::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } else {
            files.add(target);
        }
        int refused = 0;
        for (Path f : files) {
            try {
                DataCatalog.Ingested in = catalog.ingest(f, schema, files.size() == 1 ? name : null,
                        DataCatalog.progressPrintedTo(out, java.nio.file.Files.size(f)));
                out.printf("%-30s %,10d rows  %s%n", in.entry().name(), in.entry().rows(), in.added() ? "ingested" : "stored already (same SHA-256)");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                if (files.size() == 1) {
                    throw e;
                }
                refused++;
                out.printf("%-30s refused: %s%n", f.getFileName(), e.getMessage());
            }
        }
        if (refused > 0) {
            throw new IllegalArgumentException(refused + " of " + files.size() + " files refused (see above)");
        }
    }

    private static DataCatalog.Entry named(LocalCatalog catalog, String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException(args[0] + " needs a data set's name");
        }
        return catalog.entry(args[1]).orElseThrow(() -> new IllegalArgumentException("no data set '" + args[1] + "' in the catalog"));
    }
}
