package io.quiver.backtest;

import io.quiver.sdk.model.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a backtest runs. {@code strategyType} and {@code parameters} are recorded in the result as given;
 * {@code dataName} and {@code dataSha256} identify the data set. {@code venue} is the type of an installed
 * {@link io.quiver.sdk.spi.VenueFactory} ({@code sim}: fills from bars; {@code exchange}: a real order book
 * with seeded liquidity), built with {@code venueSettings} and, unless they give it, {@code fee.bps}.
 */
public record BacktestSettings(String strategyId, String strategyType, Map<String, String> parameters, Money startingCash,
        BigDecimal feeBps, int maxFaults, String dataName, String dataSha256, String venue, Map<String, String> venueSettings,
        java.time.Duration latency) {

    /** Settings whose orders reach the venue at once. */
    public BacktestSettings(String strategyId, String strategyType, Map<String, String> parameters, Money startingCash, BigDecimal feeBps,
            int maxFaults, String dataName, String dataSha256, String venue, Map<String, String> venueSettings) {
        this(strategyId, strategyType, parameters, startingCash, feeBps, maxFaults, dataName, dataSha256, venue, venueSettings,
                java.time.Duration.ZERO);
    }

    /** Settings on the {@code sim} venue. */
    public BacktestSettings(String strategyId, String strategyType, Map<String, String> parameters, Money startingCash, BigDecimal feeBps,
            int maxFaults, String dataName, String dataSha256) {
        this(strategyId, strategyType, parameters, startingCash, feeBps, maxFaults, dataName, dataSha256, "sim");
    }

    /** Settings on a venue with its default settings. */
    public BacktestSettings(String strategyId, String strategyType, Map<String, String> parameters, Money startingCash, BigDecimal feeBps,
            int maxFaults, String dataName, String dataSha256, String venue) {
        this(strategyId, strategyType, parameters, startingCash, feeBps, maxFaults, dataName, dataSha256, venue, Map.of());
    }

    public BacktestSettings {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(startingCash, "startingCash");
        parameters = Map.copyOf(new TreeMap<>(parameters));
        Objects.requireNonNull(venue, "venue");
        venueSettings = Map.copyOf(new TreeMap<>(venueSettings));
        if (startingCash.signum() <= 0) {
            throw new IllegalArgumentException("starting cash must be positive, was " + startingCash);
        }
        if (feeBps.signum() < 0) {
            throw new IllegalArgumentException("fee must not be negative, was " + feeBps + " bps");
        }
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency: must not be negative, was " + latency);
        }
    }

    /** {@code --latency}: an ISO-8601 duration at or above zero; none is zero. */
    public static java.time.Duration parseLatency(String text) {
        if (text == null || text.isBlank()) {
            return java.time.Duration.ZERO;
        }
        try {
            java.time.Duration d = java.time.Duration.parse(text.trim());
            if (!d.isNegative()) {
                return d;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // refused below
        }
        throw new IllegalArgumentException("--latency '" + text + "' is not an ISO-8601 duration of zero or more, such as PT0.05S or PT2S");
    }
}
