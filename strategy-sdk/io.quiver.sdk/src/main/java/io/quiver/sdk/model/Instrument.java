package io.quiver.sdk.model;

import java.util.Objects;

/**
 * A tradable instrument with its trading rules. Prices must be multiples of {@code tickSize}, order
 * quantities multiples of {@code lotSize}; the price precision is the tick size's number of decimals.
 */
public record Instrument(InstrumentId id, Price tickSize, Qty lotSize, String currency) {
    public Instrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(lotSize, "lotSize");
        Objects.requireNonNull(currency, "currency");
        if (tickSize.signum() <= 0) {
            throw new IllegalArgumentException("tick size of " + id + " must be positive, was " + tickSize);
        }
        if (lotSize.signum() <= 0) {
            throw new IllegalArgumentException("lot size of " + id + " must be positive, was " + lotSize);
        }
    }

    /** An instrument with the given price decimals, a tick of one unit at that precision and a lot of 1. */
    public static Instrument of(String symbol, int priceScale, String currency) {
        return new Instrument(InstrumentId.of(symbol), Price.ofUnits(1, priceScale), Qty.of(1), currency);
    }

    /** Number of decimals of a price of this instrument. */
    public int priceScale() {
        return tickSize.scale();
    }
}
