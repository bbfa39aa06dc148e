package io.quiver.backtest;

import io.quiver.backtest.internal.PortfolioRequests;
import io.quiver.oms.PreTradeGate;
import io.quiver.risk.RiskLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Backtests a portfolio ({@link PortfolioPlan}): many instances over many data sets in one run, on one
 * venue and one order manager, each instance with its own account, capital split between them by an
 * {@link Allocator} and moved again at each rebalance. See {@code docs/portfolio.md}.
 */
public final class PortfolioBacktester {
    private PortfolioBacktester() {
    }

    /**
     * Runs a plan outside the runtime: strategy types from {@code strategyClasses} (full name to class), data
     * from the sources on the class path, relative files against {@code home}.
     *
     * @param risk the risk chain for the instances' own limits by id, e.g. {@code l -> RiskChains.backtest(config, l)}
     */
    public static PortfolioResult run(PortfolioPlan plan, Map<String, Class<?>> strategyClasses, Path home,
            Function<Map<String, RiskLimits>, PreTradeGate> risk, BacktestProgress progress) {
        return run(plan, strategyClasses, home, risk, progress, BarSources.onClassPath(), VenueFactories.onClassPath(), Allocators.onClassPath());
    }

    /** Runs a plan with the given data sources, venue types and allocator types. */
    public static PortfolioResult run(PortfolioPlan plan, Map<String, Class<?>> strategyClasses, Path home,
            Function<Map<String, RiskLimits>, PreTradeGate> risk, BacktestProgress progress, BarSources bars, VenueFactories venues,
            Allocators allocators) {
        Function<String, PortfolioRequests.StrategyClass> find = asked -> strategyClasses.entrySet().stream()
                .filter(e -> io.quiver.backtest.internal.BacktestRequests.matches(e.getKey(), asked)).findFirst()
                .map(e -> new PortfolioRequests.StrategyClass(e.getKey(), e.getValue())).orElse(null);
        return PortfolioRequests.run(plan, find, List.copyOf(new java.util.TreeSet<>(strategyClasses.keySet())), home, bars, venues, allocators, risk,
                progress);
    }
}
