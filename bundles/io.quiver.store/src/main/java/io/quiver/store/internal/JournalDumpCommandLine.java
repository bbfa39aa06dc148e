package io.quiver.store.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bin/quiver-journal [--folder <dir>] <name>}: prints the committed records of one journal
 * ({@code orders}, {@code venue-sim}), one per line as stored (tab-separated), while Quiver is stopped.
 * Opening a journal applies what its write-ahead log holds, as a start of the runtime would. Exit code 0
 * done, 2 a usage mistake (unknown journal, journal in use).
 */
public final class JournalDumpCommandLine {
    private JournalDumpCommandLine() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), Path.of(System.getProperty("quiver.home", ".")), System.out, System.err));
    }

    static int run(List<String> args, Path home, PrintStream out, PrintStream err) {
        Path folder = home.resolve("data/quiver");
        String name = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--folder") && i + 1 < args.size()) {
                folder = home.resolve(args.get(++i));
            } else if (a.equals("-h") || a.equals("--help")) {
                out.println("usage: quiver-journal [--folder <dir>] <name>   (name: orders, venue-sim; folder: data/quiver)");
                return 0;
            } else if (name == null && !a.startsWith("-")) {
                name = a;
            } else {
                err.println("error: unexpected argument '" + a + "'; usage: quiver-journal [--folder <dir>] <name>");
                return 2;
            }
        }
        if (name == null) {
            err.println("error: name a journal: " + String.join(", ", names(folder)));
            return 2;
        }
        if (!Files.exists(folder.resolve(name + ".journal.db"))) {
            err.println("error: no journal '" + name + "' in " + folder + "; journals there: " + String.join(", ", names(folder)));
            return 2;
        }
        try (MapDbJournals journals = new MapDbJournals(folder, false)) {
            journals.open(name).replay(out::println);
        } catch (RuntimeException e) {
            err.println("error: cannot open journal '" + name + "' (is Quiver running?): " + e.getMessage());
            return 2;
        }
        out.flush();
        return 0;
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".journal.db"))
                    .map(f -> f.substring(0, f.length() - ".journal.db".length())).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of("(none: " + folder + " cannot be read)");
        }
    }
}
