package io.quiver.backtest.internal;

import io.quiver.backtest.BacktestResult;
import io.quiver.backtest.BacktestService;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/quiver-backtest}: runs a backtest without starting Karaf, for scripts and CI. Strategy
 * types are found in the Declarative Services descriptors of the strategy jars ({@code deploy/} and the
 * jars given with {@code --jar}). Exit codes: 0 done, 1 the backtest failed, 2 a usage mistake.
 */
public final class BacktestCommandLine {
    private static final Pattern COMPONENT_NAME = Pattern.compile("<(?:\\w+:)?component[^>]*\\sname=\"([^\"]+)\"");
    private static final Pattern IMPLEMENTATION = Pattern.compile("<implementation\\s+class=\"([^\"]+)\"");
    /** The shell's short names of options, so that a command line copied from backtest:run works here. */
    private static final Map<String, String> SHORT_OPTIONS = Map.of("-d", "--data", "-o", "--output", "-V", "--venue-setting");
    private static final String USAGE = """
            usage: quiver-backtest [options] <strategy type> [name=value ...]
                   quiver-backtest --plan FILE [-o FILE] [--report] [--jar FILE ...]
              --plan FILE       backtest a portfolio plan (.cfg: data sets, instances, allocator; see docs/portfolio.md)
              -d, --data FILE   data file (default samples/orcl-1995-2014.txt); a FILE.schema beside it maps its columns;
                                or synthetic:<bars>[:<seed>] for seeded one-minute GBM bars
              --cash N          starting cash (default 100000)
              --fee-bps N       fee in basis points of the notional (default 0)
              --id ID           instance id recorded in the result (default backtest)
              --venue V         a venue type: sim (fills from bars, default) or exchange (the simulated exchange)
              -V, --venue-setting K=V  a setting of the venue, e.g. seed=7 or levels=10 on exchange (repeatable)
              --latency D       simulated time an order takes to reach the venue, ISO-8601 (e.g. PT0.05S; default none)
              --borrow-rate R   annual rate on the value of short positions, accrued daily (e.g. 0.03; default 0)
              --financing-rate R  annual rate on borrowed cash (below zero), accrued daily (default 0)
              -o, --output FILE  JSON result (default data/quiver/backtests/<id>.json)
              --report          also write the HTML report beside the JSON (<name>.html; opens offline)
              --jar FILE        a strategy bundle to search besides deploy/ (repeatable)
              --list            list the strategy types found and exit
            """;

    private BacktestCommandLine() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Path.of(System.getProperty("quiver.home", ".")), Path.of(System.getProperty("user.dir", ".")), System.out,
                System.err));
    }

    static int run(String[] args, Path home, PrintStream out, PrintStream err) {
        return run(args, home, home, out, err);
    }

    /**
     * Runs a backtest. The defaults (sample data, the results folder, deploy/, etc/) are the Quiver home's;
     * the files a user names ({@code --data}, {@code --output}, {@code --jar}) are relative to {@code cwd},
     * as in any other command typed in a shell.
     */
    static int run(String[] args, Path home, Path cwd, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        List<Path> jars = new ArrayList<>();
        Map<String, String> venueSettings = new TreeMap<>();
        List<String> positional = new ArrayList<>();
        boolean list = false;
        boolean report = false;
        for (int i = 0; i < args.length; i++) {
            String a = SHORT_OPTIONS.getOrDefault(args[i], args[i]);
            if (a.equals("--list")) {
                list = true;
            } else if (a.equals("--report")) {
                report = true;
            } else if (a.equals("--help") || a.equals("-h")) {
                out.print(USAGE);
                return 0;
            } else if (a.startsWith("--")) {
                if (i + 1 >= args.length) {
                    err.println("error: " + a + " needs a value");
                    err.print(USAGE);
                    return 2;
                }
                String value = args[++i];
                switch (a) {
                    case "--jar" -> jars.add(cwd.resolve(value));
                    case "--venue-setting" -> {
                        int eq = value.indexOf('=');
                        if (eq <= 0) {
                            err.println("error: --venue-setting takes key=value, got '" + value + "'");
                            return 2;
                        }
                        venueSettings.put(value.substring(0, eq).trim(), value.substring(eq + 1).trim());
                    }
                    case "--data", "--cash", "--fee-bps", "--id", "--output", "--venue", "--latency", "--borrow-rate", "--financing-rate", "--plan" ->
                        options.put(a, value);
                    default -> {
                        err.println("error: unknown option " + a);
                        err.print(USAGE);
                        return 2;
                    }
                }
            } else {
                positional.add(a);
            }
        }
        try {
            jars.addAll(jarsIn(home.resolve("deploy")));
            Map<String, String> types = strategyTypes(jars);
            if (list) {
                types.forEach((name, cls) -> out.println(name + "  " + cls));
                return 0;
            }
            if (options.containsKey("--plan")) {
                return runPlan(options, positional, types, jars, home, cwd, report, out, err);
            }
            if (positional.isEmpty()) {
                err.println("error: name the strategy type; found: " + types.keySet());
                err.print(USAGE);
                return 2;
            }
            String asked = positional.get(0);
            Map<String, String> params = new TreeMap<>();
            for (String p : positional.subList(1, positional.size())) {
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    err.println("error: strategy parameters are given as name=value, got '" + p + "'");
                    return 2;
                }
                params.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
            }
            String type = types.keySet().stream().filter(t -> BacktestRequests.matches(t, asked)).findFirst().orElse(null);
            if (type == null) {
                err.println("error: no strategy type '" + asked + "'; found: " + types.keySet());
                return 2;
            }
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = jars.get(i).toUri().toURL();
            }
            try (URLClassLoader loader = new URLClassLoader(urls, BacktestCommandLine.class.getClassLoader())) {
                Class<?> cls = loader.loadClass(types.get(type));
                String id = options.getOrDefault("--id", "backtest");
                String data = options.get("--data");
                io.quiver.backtest.BarSources bars = io.quiver.backtest.BarSources.onClassPath();
                if (data != null && bars.sourceOf(data).type().equals("csv")) {
                    data = cwd.resolve(data).toString(); // a file name typed in a shell is relative to where it was typed
                }
                var request = new BacktestService.Request(type, params, data != null ? data : "samples/orcl-1995-2014.txt", home,
                        options.getOrDefault("--cash", "100000"), options.getOrDefault("--fee-bps", "0"), id,
                        options.getOrDefault("--venue", "sim"), venueSettings, io.quiver.backtest.BacktestSettings.parseLatency(options.get("--latency")),
                        new io.quiver.backtest.BacktestSettings.Financing(
                                io.quiver.backtest.BacktestSettings.parseRate("--borrow-rate", options.get("--borrow-rate")),
                                io.quiver.backtest.BacktestSettings.parseRate("--financing-rate", options.get("--financing-rate"))));
                BacktestResult r = BacktestRequests.run(cls, type, request, riskChain(home), io.quiver.backtest.BacktestProgress.printedTo(err),
                        io.quiver.backtest.VenueFactories.onClassPath(), bars);
                Path json = options.containsKey("--output") ? cwd.resolve(options.get("--output"))
                        : home.resolve("data/quiver/backtests/" + id + ".json");
                io.quiver.backtest.ResultFiles.write(json, r.json(), r.summary(), report ? () -> io.quiver.backtest.HtmlReports.of(r) : null, out);
                return 0;
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            err.println("error: the backtest failed: " + e);
            return 1;
        }
    }

    private static int runPlan(Map<String, String> options, List<String> positional, Map<String, String> types, List<Path> jars, Path home, Path cwd,
            boolean report, PrintStream out, PrintStream err) throws IOException, ReflectiveOperationException {
        if (!positional.isEmpty()) {
            err.println("error: --plan names the strategies in the plan; drop " + positional);
            return 2;
        }
        for (String o : options.keySet()) {
            if (!o.equals("--plan") && !o.equals("--output")) {
                err.println("error: " + o + " is a setting of the plan with --plan (docs/portfolio.md)");
                return 2;
            }
        }
        io.quiver.backtest.PortfolioPlan plan = io.quiver.backtest.PortfolioPlan.read(cwd.resolve(options.get("--plan")));
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader(urls, BacktestCommandLine.class.getClassLoader())) {
            Map<String, Class<?>> classes = new TreeMap<>();
            for (Map.Entry<String, String> t : types.entrySet()) {
                classes.put(t.getKey(), loader.loadClass(t.getValue()));
            }
            Map<String, String> risk = riskConfig(home);
            io.quiver.backtest.PortfolioResult r = io.quiver.backtest.PortfolioBacktester.run(plan, classes, home,
                    limits -> riskChain(risk, limits, home), io.quiver.backtest.BacktestProgress.printedTo(err));
            Path json = options.containsKey("--output") ? cwd.resolve(options.get("--output"))
                    : home.resolve("data/quiver/backtests/" + plan.name() + ".json");
            io.quiver.backtest.ResultFiles.write(json, r.json(), r.summary(), report ? () -> io.quiver.backtest.HtmlReports.of(r) : null, out);
            return 0;
        }
    }

    /**
     * The risk chain of a backtest run from {@code bin/}: the runtime's {@code etc/io.quiver.risk.cfg} when
     * there is one (so a backtest is limited as paper trading is), the defaults otherwise.
     */
    static io.quiver.oms.PreTradeGate riskChain(Path home) throws IOException {
        return riskChain(riskConfig(home), Map.of(), home);
    }

    private static io.quiver.oms.PreTradeGate riskChain(Map<String, String> config, Map<String, io.quiver.risk.RiskLimits> instances, Path home) {
        try {
            return io.quiver.risk.RiskChains.backtest(config, instances);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (" + home.resolve("etc/io.quiver.risk.cfg") + ")");
        }
    }

    private static Map<String, String> riskConfig(Path home) throws IOException {
        Path cfg = home.resolve("etc/io.quiver.risk.cfg");
        Map<String, String> config = new TreeMap<>();
        if (Files.isRegularFile(cfg)) {
            java.util.Properties p = new java.util.Properties();
            try (var in = Files.newBufferedReader(cfg, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            p.stringPropertyNames().forEach(k -> config.put(k, p.getProperty(k)));
        }
        return config;
    }

    private static List<Path> jarsIn(Path dir) throws IOException {
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.jar")) {
                s.forEach(jars::add);
            }
        }
        jars.sort(null);
        return jars;
    }

    /** Component name to implementation class, for every component in the jars that provides a Strategy. */
    static Map<String, String> strategyTypes(List<Path> jars) throws IOException {
        Map<String, String> types = new TreeMap<>();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("no such jar: " + jar);
            }
            try (JarFile f = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> entries = f.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (e.getName().startsWith("OSGI-INF/") && e.getName().endsWith(".xml") && !e.getName().contains("metatype")) {
                        try (InputStream in = f.getInputStream(e)) {
                            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                            Matcher name = COMPONENT_NAME.matcher(xml);
                            Matcher impl = IMPLEMENTATION.matcher(xml);
                            if (xml.contains("interface=\"io.quiver.sdk.Strategy\"") && name.find() && impl.find()) {
                                types.put(name.group(1), impl.group(1));
                            }
                        }
                    }
                }
            }
        }
        return types;
    }
}
