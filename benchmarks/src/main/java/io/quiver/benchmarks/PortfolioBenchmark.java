package io.quiver.benchmarks;

import io.quiver.backtest.BacktestProgress;
import io.quiver.backtest.PortfolioBacktester;
import io.quiver.backtest.PortfolioPlan;
import io.quiver.backtest.PortfolioResult;
import io.quiver.examples.sma.SmaCrossover;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A portfolio backtest end to end, as {@code bin/quiver-backtest --plan} runs one: {@code instruments}
 * seeded GBM series of {@code bars} one-minute bars each, {@code instances} SMA crossover instances of
 * different parameters (each trading one instrument and receiving the bars of every instrument it is given),
 * inverse-volatility allocation rebalanced daily, the default risk chain, fees and slippage. Prints the wall
 * time of each run (reading the data included). The heap it needs is found by running it with a smaller {@code -Xmx}.
 *
 * <pre>java -Xmx1g -cp benchmarks/target/benchmarks.jar io.quiver.benchmarks.PortfolioBenchmark [instruments bars instances runs]</pre>
 */
public final class PortfolioBenchmark {
    private PortfolioBenchmark() {
    }

    public static void main(String[] args) {
        int instruments = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int bars = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int instances = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Map<String, String> plan = new TreeMap<>();
        plan.put("cash", "10000000");
        plan.put("allocator", "inverse-volatility");
        plan.put("rebalance", "daily");
        plan.put("venue.fee.bps", "1");
        plan.put("venue.slippage", "FIXED_BPS");
        plan.put("venue.slippage.bps", "1");
        for (int i = 0; i < instruments; i++) {
            String name = String.format(Locale.ROOT, "s%02d", i);
            plan.put("data." + name, "synthetic:" + bars + ":" + (i + 1));
            plan.put("data." + name + ".symbol", name.toUpperCase(Locale.ROOT));
        }
        for (int k = 0; k < instances; k++) {
            String id = String.format(Locale.ROOT, "i%02d", k);
            StringBuilder data = new StringBuilder();
            for (int i = k % instruments; i < instruments; i += instances) {
                data.append(data.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "s%02d", i));
            }
            plan.put("instance." + id + ".type", "sma");
            plan.put("instance." + id + ".data", data.toString());
            plan.put("instance." + id + ".param.fast", Integer.toString(5 + k % 7));
            plan.put("instance." + id + ".param.slow", Integer.toString(30 + 5 * (k % 5)));
            plan.put("instance." + id + ".param.invest", "0.9");
        }
        PortfolioPlan p = PortfolioPlan.parse(plan, "benchmark", "benchmark");
        Map<String, Class<?>> types = Map.of(SmaCrossover.TYPE, SmaCrossover.class);
        for (int r = 1; r <= runs; r++) {
            long t0 = System.nanoTime();
            PortfolioResult result = PortfolioBacktester.run(p, types, Path.of("."), l -> io.quiver.risk.RiskChains.backtest(Map.of(), l),
                    BacktestProgress.NONE);
            long wall = System.nanoTime() - t0;
            int fills = result.instances().stream().mapToInt(i -> i.fills().size()).sum();
            System.out.printf(Locale.ROOT, "run %d: %d instruments x %d bars, %d instances: %.2f s wall (%.2f s in the loop, %,.0f bars/s), %d fills, %d rebalances, JSON %,d bytes%n",
                    r, instruments, bars, instances, wall / 1e9, result.elapsedNanos() / 1e9, result.barsPerSecond(), fills, result.rebalances(),
                    result.json().length());
        }
    }
}
