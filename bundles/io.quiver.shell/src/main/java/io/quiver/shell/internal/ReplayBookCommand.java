package io.quiver.shell.internal;

import io.quiver.matching.BookRules;
import io.quiver.matching.SelfTradePrevention;
import io.quiver.matching.replay.CommandStream;
import io.quiver.matching.replay.Replay;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

/** {@code book:replay}: replays an order book command file into a fresh book and measures it. */
@Service
@Command(scope = "book", name = "replay", description = "Replays an order book command file (docs/matching.md) into a fresh book: "
        + "throughput, latency percentiles and the final book")
public class ReplayBookCommand implements Action {
    @Argument(index = 0, name = "file", required = true, description = "Command file, relative to the Quiver home")
    @org.apache.karaf.shell.api.action.Completion(FileCompleter.class)
    String file;

    @Option(name = "--tick", description = "Tick size in price units")
    long tick = 1;

    @Option(name = "--lot", description = "Lot size in size units")
    long lot = 1;

    @Option(name = "--band", description = "Market order protection band in ticks")
    long band = 50;

    @Option(name = "--stp", description = "Self-trade prevention: NONE, CANCEL_NEWEST, CANCEL_OLDEST, CANCEL_BOTH")
    SelfTradePrevention stp = SelfTradePrevention.NONE;

    @Option(name = "--maker-rate", description = "Maker fee in millionths (1 bp = 100)")
    long makerRate = 20;

    @Option(name = "--taker-rate", description = "Taker fee in millionths")
    long takerRate = 50;

    @Option(name = "--warmup", description = "Untimed rounds before measuring")
    int warmup = 3;

    @Option(name = "--depth", description = "Levels per side to print (0 for all)")
    int depth = 10;

    PrintStream out = System.out;
    Path home = Path.of(System.getProperty("karaf.home", "."));

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        BookRules rules = new BookRules(tick, lot, band, BookRules.uniform(stp, makerRate, takerRate));
        out.print(Replay.run(CommandStream.read(home.resolve(file)), rules, warmup, depth).text());
        return null;
    }
}
