package io.quiver.engine;

import io.quiver.sdk.model.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a backtest runs. {@code strategyType} and {@code parameters} are recorded in the result as given;
 * {@code dataName} and {@code dataSha256} identify the data set. {@code venue} is {@code sim} (fills
 * from bars) or {@code exchange} (the simulated exchange: a real order book with seeded liquidity).
 */
public record BacktestSettings(String strategyId, String strategyType, Map<String, String> parameters, Money startingCash,
        BigDecimal feeBps, int maxFaults, String dataName, String dataSha256, String venue) {

    /** The venues a backtest can run against. */
    public static final java.util.List<String> VENUES = java.util.List.of("sim", "exchange");

    /** Settings on the {@code sim} venue. */
    public BacktestSettings(String strategyId, String strategyType, Map<String, String> parameters, Money startingCash, BigDecimal feeBps,
            int maxFaults, String dataName, String dataSha256) {
        this(strategyId, strategyType, parameters, startingCash, feeBps, maxFaults, dataName, dataSha256, "sim");
    }

    public BacktestSettings {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(startingCash, "startingCash");
        parameters = Map.copyOf(new TreeMap<>(parameters));
        if (startingCash.signum() <= 0) {
            throw new IllegalArgumentException("starting cash must be positive, was " + startingCash);
        }
        if (feeBps.signum() < 0) {
            throw new IllegalArgumentException("fee must not be negative, was " + feeBps + " bps");
        }
        if (!VENUES.contains(venue)) {
            throw new IllegalArgumentException("venue: '" + venue + "' is not one of " + VENUES);
        }
        if (venue.equals("exchange") && feeBps.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("fee: the exchange venue takes fees in hundredths of a basis point, got " + feeBps + " bps");
        }
    }
}
