package io.quiver.matching.internal;

import io.quiver.matching.BookRules;
import io.quiver.matching.SelfTradePrevention;
import io.quiver.matching.replay.CommandFileException;
import io.quiver.matching.replay.CommandStream;
import io.quiver.matching.replay.ExchangeLikeCommands;
import io.quiver.matching.replay.Replay;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/quiver-replay}: replays an order book command file and prints throughput, latency
 * percentiles and the final book; or generates an exchange-like command file. Exit codes: 0 done, 2 a
 * usage or file mistake, 1 a failure.
 */
public final class ReplayCommandLine {
    private static final String USAGE = """
            usage: quiver-replay [options] <command file>
                   quiver-replay --generate <command file> [--resting N] [--commands N] [--seed N]
              --tick N         tick size in price units (default 1)
              --lot N          lot size in size units (default 1)
              --band N         market order protection band in ticks (default 50)
              --stp MODE       self-trade prevention: NONE, CANCEL_NEWEST, CANCEL_OLDEST, CANCEL_BOTH (default NONE)
              --maker-rate N   maker fee in millionths, 1 bp = 100 (default 20)
              --taker-rate N   taker fee in millionths (default 50)
              --warmup N       untimed rounds before measuring (default 3)
              --depth N        levels per side to print (default 10, 0 for all)
            The command file format is in docs/matching.md.
            """;

    private ReplayCommandLine() {
    }

    public static void main(String[] args) {
        // Relative paths mean what they mean to the shell the command was typed in: the current directory.
        System.exit(run(args, Path.of(System.getProperty("user.dir", ".")), System.out, System.err));
    }

    /** Runs the tool; relative file names are resolved against {@code cwd}. */
    static int run(String[] args, Path cwd, PrintStream out, PrintStream err) {
        Path home = cwd;
        Map<String, String> options = new HashMap<>();
        String file = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (a.startsWith("--")) {
                if (!List.of("--tick", "--lot", "--band", "--stp", "--maker-rate", "--taker-rate", "--warmup", "--depth", "--generate",
                        "--resting", "--commands", "--seed").contains(a)) {
                    err.println("error: unknown option " + a);
                    err.print(USAGE);
                    return 2;
                }
                if (i + 1 >= args.length) {
                    err.println("error: " + a + " needs a value");
                    return 2;
                }
                options.put(a, args[++i]);
            } else if (file == null) {
                file = a;
            } else {
                err.println("error: one command file only, got " + file + " and " + a);
                return 2;
            }
        }
        try {
            if (options.containsKey("--generate")) {
                Path target = home.resolve(options.get("--generate"));
                CommandStream s = ExchangeLikeCommands.generate(atLeast(options, "--resting", 1000, 0),
                        atLeast(options, "--commands", 1_000_000, 1), number(options, "--seed", 42));
                s.write(target);
                out.println("wrote " + s.size() + " commands to " + target + " (replay with the default rules)");
                return 0;
            }
            if (file == null) {
                err.println("error: name the command file");
                err.print(USAGE);
                return 2;
            }
            SelfTradePrevention stp;
            try {
                stp = SelfTradePrevention.valueOf(options.getOrDefault("--stp", "NONE").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                err.println("error: --stp '" + options.get("--stp") + "' is not NONE, CANCEL_NEWEST, CANCEL_OLDEST or CANCEL_BOTH");
                return 2;
            }
            BookRules rules = new BookRules(number(options, "--tick", 1), number(options, "--lot", 1), number(options, "--band", 50),
                    BookRules.uniform(stp, number(options, "--maker-rate", 20), number(options, "--taker-rate", 50)));
            Path input = home.resolve(file);
            if (!java.nio.file.Files.isRegularFile(input)) {
                err.println("error: " + input + ": no such file");
                return 2;
            }
            CommandStream commands = CommandStream.read(input);
            Replay.Report report = Replay.run(commands, rules, number(options, "--warmup", 3), number(options, "--depth", 10));
            out.print(report.text());
            return 0;
        } catch (IllegalArgumentException | CommandFileException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("error: the replay failed: " + e);
            return 1;
        }
    }

    private static int atLeast(Map<String, String> options, String key, int fallback, int least) {
        int n = number(options, key, fallback);
        if (n < least) {
            throw new IllegalArgumentException(key + " " + n + " must be at least " + least);
        }
        return n;
    }

    private static int number(Map<String, String> options, String key, int fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + v + "' is not a whole number");
        }
    }
}
