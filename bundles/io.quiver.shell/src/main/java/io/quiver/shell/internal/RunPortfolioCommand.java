package io.quiver.shell.internal;

import io.quiver.backtest.BacktestService;
import io.quiver.backtest.PortfolioPlan;
import io.quiver.backtest.PortfolioResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code backtest:portfolio}: backtests a portfolio plan (docs/portfolio.md) and prints the portfolio's and each instance's figures. */
@Service
@Command(scope = "backtest", name = "portfolio", description = "Backtests a portfolio plan (.cfg: data sets, strategy instances, allocator, "
        + "rebalancing; see docs/portfolio.md) and prints a summary; writes the JSON result")
public class RunPortfolioCommand implements Action {
    @Reference
    BacktestService backtests;

    @Argument(index = 0, name = "plan", required = true, description = "The plan file, relative to the Quiver home, e.g. samples/portfolio.cfg")
    String plan;

    @Option(name = "-o", aliases = "--output", description = "Where to write the JSON result, relative to data/quiver/backtests "
            + "(default <plan name>.json); an absolute path only for an admin")
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
        boolean admin = ShellUser.hasRole("admin");
        Path file = home.resolve(plan).normalize();
        if (!admin && !file.startsWith(home.toAbsolutePath().normalize()) && !file.startsWith(home.normalize())) {
            throw new IllegalArgumentException(plan + ": only an admin may run a plan from outside the Quiver home");
        }
        PortfolioPlan p = PortfolioPlan.read(file);
        Path json = RunBacktestCommand.resultFile(dataDir.resolve("quiver").resolve("backtests"), p.name(), output, admin);
        PortfolioResult r = backtests.runPortfolio(p, home, io.quiver.backtest.BacktestProgress.printedTo(out));
        io.quiver.backtest.ResultFiles.write(json, r.json(), r.summary(), report ? () -> io.quiver.backtest.HtmlReports.of(r) : null, out);
        return null;
    }
}
