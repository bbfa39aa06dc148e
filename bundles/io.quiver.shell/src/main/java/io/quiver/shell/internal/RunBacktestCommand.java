package io.quiver.shell.internal;

import io.quiver.backtest.BacktestResult;
import io.quiver.backtest.BacktestService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code backtest:run}: backtests a strategy type over a data file and prints a summary. */
@Service
@Command(scope = "backtest", name = "run", description = "Backtests a strategy over a data file and prints a summary; writes the JSON result. "
        + "Options go before the strategy: backtest:run --cash 50000 sma fast=10 slow=30")
public class RunBacktestCommand implements Action {
    @Reference
    BacktestService backtests;

    @Argument(index = 0, name = "strategy", required = true, description = "Strategy type, e.g. sma (see strategy:types)")
    @Completion(StrategyTypeCompleter.class)
    String strategy;

    @Option(name = "-d", aliases = "--data", description = "Data file (CSV with an optional <file>.schema beside it; "
            + "relative paths are resolved against the Quiver home), or synthetic:<bars>[:<seed>] for seeded one-minute GBM bars")
    String data = "samples/orcl-1995-2014.txt";

    @Argument(index = 1, name = "parameters", multiValued = true, description = "Strategy parameters as name=value, e.g. fast=10 slow=30")
    List<String> params;

    @Option(name = "--cash", description = "Starting cash")
    String cash = "100000";

    @Option(name = "--fee-bps", description = "Fee in basis points of the notional")
    String feeBps = "0";

    @Option(name = "--venue", description = "An installed venue type (venue:list shows them): sim (fills from bars) or exchange "
            + "(the simulated exchange's order book), or one a bundle adds")
    @org.apache.karaf.shell.api.action.Completion(value = org.apache.karaf.shell.support.completers.StringsCompleter.class, values = {"sim", "exchange"})
    String venue = "sim";

    @Option(name = "-V", aliases = "--venue-setting", description = "A setting of the venue as key=value, e.g. -V seed=7 (repeatable)",
            multiValued = true)
    List<String> venueSettings;

    @Option(name = "--latency", description = "Simulated time an order takes to reach the venue, ISO-8601, e.g. PT0.05S (default: none); "
            + "an order then first meets the bar after the one during which it arrives")
    String latency;

    @Option(name = "--borrow-rate", description = "Annual rate on the value of short positions, accrued every day, e.g. 0.03 (default 0)")
    String borrowRate;

    @Option(name = "--financing-rate", description = "Annual rate on borrowed cash (below zero), accrued every day, e.g. 0.05 (default 0)")
    String financingRate;

    @Option(name = "--id", description = "Strategy instance id recorded in the result")
    String id = "backtest";

    @Option(name = "-o", aliases = "--output", description = "Where to write the JSON result, relative to data/quiver/backtests "
            + "(default <id>.json); an absolute path only for an admin")
    String output;

    @Option(name = "--report", description = "Also write the HTML report (charts, metrics, trades, settings and data; opens offline) beside the JSON")
    boolean report;

    PrintStream out = System.out;
    Path home = Path.of(System.getProperty("karaf.home", "."));
    Path dataDir = Path.of(System.getProperty("karaf.data", "data"));

    @Override
    public Object execute() throws IOException {
        return UserMistakes.oneLineReading(this::run);
    }

    private Object run() throws IOException {
        Map<String, String> parameters = parseParams(params);
        Map<String, String> settings = new java.util.TreeMap<>();
        for (String kv : venueSettings == null ? List.<String>of() : venueSettings) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--venue-setting takes key=value, got '" + kv + "'");
            }
            settings.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        BacktestResult r = backtests.run(new BacktestService.Request(strategy, parameters, data, home, cash, feeBps, id, venue, settings,
                io.quiver.backtest.BacktestSettings.parseLatency(latency), new io.quiver.backtest.BacktestSettings.Financing(
                        io.quiver.backtest.BacktestSettings.parseRate("--borrow-rate", borrowRate),
                        io.quiver.backtest.BacktestSettings.parseRate("--financing-rate", financingRate))),
                io.quiver.backtest.BacktestProgress.printedTo(out));
        Path json = resultFile(dataDir.resolve("quiver").resolve("backtests"), id, output, ShellUser.hasRole("admin"));
        io.quiver.backtest.ResultFiles.write(json, r.json(), r.summary(), report ? () -> io.quiver.backtest.HtmlReports.of(r) : null, out);
        return null;
    }

    /**
     * Where a result goes: inside the backtests folder, whatever the id or a relative {@code --output} says
     * (a shell user must not write over files elsewhere); an absolute path only for an administrator.
     */
    static Path resultFile(Path backtests, String id, String output, boolean admin) {
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("--id '" + id + "' must be letters, digits, '.', '_' or '-'");
        }
        if (output == null) {
            return backtests.resolve(id + ".json");
        }
        Path asked = Path.of(output);
        if (asked.isAbsolute()) {
            if (!admin) {
                throw new IllegalArgumentException("--output " + output + ": only an admin may write outside " + backtests
                        + "; give a name relative to it");
            }
            return asked.normalize();
        }
        Path inside = backtests.resolve(asked).normalize();
        if (!inside.startsWith(backtests.normalize())) {
            throw new IllegalArgumentException("--output " + output + " leads outside " + backtests + "; give a name inside it");
        }
        return inside;
    }

    static Map<String, String> parseParams(List<String> params) {
        Map<String, String> map = new TreeMap<>();
        if (params != null) {
            for (String p : params) {
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("strategy parameters are given as name=value, got '" + p + "'");
                }
                map.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
            }
        }
        return map;
    }
}
