package io.quiver.sdk.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tradable instrument with its trading rules. Prices must be multiples of {@code tickSize}, order
 * quantities multiples of {@code lotSize} (which may be fractional, e.g. 0.0001) and at least
 * {@code minQuantity}; the price precision is the tick size's number of decimals. A contract's value is
 * price x quantity x {@code multiplier}. The instrument master ({@code etc/io.quiver.instruments.cfg})
 * gives each instrument these; an instrument it does not list gets the defaults of
 * {@link #Instrument(InstrumentId, Price, Qty, String)}.
 */
public record Instrument(InstrumentId id, Price tickSize, Qty lotSize, String currency, Qty minQuantity, AssetClass assetClass,
        BigDecimal multiplier, TradingHours hours) {
    public Instrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(lotSize, "lotSize");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(minQuantity, "minQuantity");
        Objects.requireNonNull(assetClass, "assetClass");
        Objects.requireNonNull(multiplier, "multiplier");
        Objects.requireNonNull(hours, "hours");
        if (tickSize.signum() <= 0) {
            throw new IllegalArgumentException("tick size of " + id + " must be positive, was " + tickSize);
        }
        if (lotSize.signum() <= 0) {
            throw new IllegalArgumentException("lot size of " + id + " must be positive, was " + lotSize);
        }
        if (!minQuantity.isPositive() || !minQuantity.isMultipleOf(lotSize)) {
            throw new IllegalArgumentException("minimum quantity of " + id + " must be a positive multiple of the lot size " + lotSize
                    + ", was " + minQuantity);
        }
        if (multiplier.signum() <= 0) {
            throw new IllegalArgumentException("multiplier of " + id + " must be positive, was " + multiplier.toPlainString());
        }
    }

    /** An instrument with the defaults: minimum quantity one lot, asset class OTHER, multiplier 1, traded around the clock (UTC). */
    public Instrument(InstrumentId id, Price tickSize, Qty lotSize, String currency) {
        this(id, tickSize, lotSize, currency, lotSize, AssetClass.OTHER, BigDecimal.ONE, TradingHours.ALWAYS);
    }

    /** An instrument with the given price decimals, a tick of one unit at that precision and a lot of 1. */
    public static Instrument of(String symbol, int priceScale, String currency) {
        return new Instrument(InstrumentId.of(symbol), Price.ofUnits(1, priceScale), Qty.of(1), currency);
    }

    /** The trading day of a bar of this instrument: the date, in the instrument's zone, of the last instant the bar covers. */
    public java.time.LocalDate tradingDay(Bar bar) {
        return hours.tradingDay(bar.time().minusNanos(1));
    }

    /** Number of decimals of a price of this instrument. */
    public int priceScale() {
        return tickSize.scale();
    }
}
