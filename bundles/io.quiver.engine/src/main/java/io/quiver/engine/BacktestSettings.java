package io.quiver.engine;

import io.quiver.sdk.model.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a backtest runs. {@code strategyType} and {@code parameters} are recorded in the result as given;
 * {@code dataName} and {@code dataSha256} identify the data set.
 */
public record BacktestSettings(String strategyId, String strategyType, Map<String, String> parameters, Money startingCash,
        BigDecimal feeBps, int maxFaults, String dataName, String dataSha256) {

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
    }
}
