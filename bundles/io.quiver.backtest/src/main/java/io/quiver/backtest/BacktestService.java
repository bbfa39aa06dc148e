package io.quiver.backtest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** Runs backtests of the strategy types installed in the runtime. */
@ProviderType
public interface BacktestService {

    /** A strategy type installed in the runtime, with its parameters and their defaults. */
    record StrategyType(String name, String className, String bundle, Map<String, String> parameters) {
    }

    /**
     * What to backtest: a strategy type (full name, or the part after {@code io.quiver.strategy.}) over
     * {@code data}: a CSV file (relative paths resolve against {@code home}), or
     * {@code synthetic:<bars>[:<seed>]} for seeded one-minute GBM bars.
     */
    record Request(String strategyType, Map<String, String> parameters, String data, Path home, String startingCash, String feeBps,
            String strategyId, String venue, Map<String, String> venueSettings, java.time.Duration latency, BacktestSettings.Financing financing) {
        /** A request whose orders reach the venue at once. */
        public Request(String strategyType, Map<String, String> parameters, String data, Path home, String startingCash, String feeBps,
                String strategyId, String venue, Map<String, String> venueSettings) {
            this(strategyType, parameters, data, home, startingCash, feeBps, strategyId, venue, venueSettings, java.time.Duration.ZERO,
                    BacktestSettings.Financing.NONE);
        }

        /** A request on a venue with its default settings. */
        public Request(String strategyType, Map<String, String> parameters, String data, Path home, String startingCash, String feeBps,
                String strategyId, String venue) {
            this(strategyType, parameters, data, home, startingCash, feeBps, strategyId, venue, Map.of());
        }
    }

    /** The venue types a backtest can name: each installed {@link io.quiver.sdk.spi.VenueFactory}'s type and what it does. */
    default Map<String, String> venueTypes() {
        return Map.of();
    }

    List<StrategyType> strategyTypes();

    /**
     * Runs a backtest. Unknown strategy types, bad parameters and bad data are refused with an
     * {@link IllegalArgumentException} (or a data-format exception) whose message says what to fix.
     */
    BacktestResult run(Request request, BacktestProgress progress);

    /**
     * Runs a portfolio plan (see {@link PortfolioPlan}) over the installed strategy types, data sources,
     * venue types and allocators; relative data files resolve against {@code home}. A mistake in the plan is
     * an {@link IllegalArgumentException} naming its key.
     */
    PortfolioResult runPortfolio(PortfolioPlan plan, Path home, BacktestProgress progress);

    /** The allocator types a plan can name, with what each does. */
    Map<String, String> allocatorTypes();
}
