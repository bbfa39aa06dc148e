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
        java.time.Duration latency, Financing financing) {

    /**
     * What holding positions costs overnight, as annual rates accrued every calendar day (365 a year): the
     * borrow rate on the value of short positions, the financing rate on cash below zero (borrowed). Zero: free.
     */
    public record Financing(BigDecimal borrowRate, BigDecimal financingRate) {
        public static final Financing NONE = new Financing(BigDecimal.ZERO, BigDecimal.ZERO);

        public Financing {
            if (borrowRate.signum() < 0 || financingRate.signum() < 0) {
                throw new IllegalArgumentException("borrow and financing rates must not be negative, were " + borrowRate.toPlainString() + " and "
                        + financingRate.toPlainString());
            }
        }

        public boolean isFree() {
            return borrowRate.signum() == 0 && financingRate.signum() == 0;
        }
    }

    /** Settings whose orders reach the venue at once. */
    public BacktestSettings(String strategyId, String strategyType, Map<String, String> parameters, Money startingCash, BigDecimal feeBps,
            int maxFaults, String dataName, String dataSha256, String venue, Map<String, String> venueSettings) {
        this(strategyId, strategyType, parameters, startingCash, feeBps, maxFaults, dataName, dataSha256, venue, venueSettings,
                java.time.Duration.ZERO, Financing.NONE);
    }

    /** Settings without overnight costs. */
    public BacktestSettings(String strategyId, String strategyType, Map<String, String> parameters, Money startingCash, BigDecimal feeBps,
            int maxFaults, String dataName, String dataSha256, String venue, Map<String, String> venueSettings, java.time.Duration latency) {
        this(strategyId, strategyType, parameters, startingCash, feeBps, maxFaults, dataName, dataSha256, venue, venueSettings, latency,
                Financing.NONE);
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
        Objects.requireNonNull(financing, "financing");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency: must not be negative, was " + latency);
        }
    }

    /** {@code --borrow-rate}, {@code --financing-rate}: an annual rate such as 0.03; none is zero. */
    public static BigDecimal parseRate(String option, String text) {
        if (text == null || text.isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal r = new BigDecimal(text.trim());
            if (r.signum() >= 0 && r.compareTo(BigDecimal.ONE) <= 0) {
                return r;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(option + " '" + text + "' is not an annual rate from 0 to 1, such as 0.03 for 3 %");
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
