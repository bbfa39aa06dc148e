package io.quiver.sdk.model;

import java.util.Objects;

/**
 * What a strategy asks for when it enters an order. {@code limitPrice} is set for limit and stop-limit
 * orders, {@code stopPrice} for stop and stop-limit orders, {@code trailingOffset} for trailing stops
 * (whose {@code stopPrice}, if given, is the first stop level). Build one with the factory methods.
 */
public record OrderRequest(InstrumentId instrument, Side side, OrderType type, Qty quantity, Price limitPrice,
        Price stopPrice, TrailingOffset trailingOffset, TimeInForce timeInForce) {

    public OrderRequest {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(timeInForce, "timeInForce");
    }

    public static OrderRequest market(InstrumentId instrument, Side side, Qty quantity) {
        return new OrderRequest(instrument, side, OrderType.MARKET, quantity, null, null, null, TimeInForce.GTC);
    }

    public static OrderRequest limit(InstrumentId instrument, Side side, Qty quantity, Price limitPrice, TimeInForce tif) {
        return new OrderRequest(instrument, side, OrderType.LIMIT, quantity, limitPrice, null, null, tif);
    }

    public static OrderRequest stop(InstrumentId instrument, Side side, Qty quantity, Price stopPrice, TimeInForce tif) {
        return new OrderRequest(instrument, side, OrderType.STOP, quantity, null, stopPrice, null, tif);
    }

    public static OrderRequest stopLimit(InstrumentId instrument, Side side, Qty quantity, Price stopPrice, Price limitPrice,
            TimeInForce tif) {
        return new OrderRequest(instrument, side, OrderType.STOP_LIMIT, quantity, limitPrice, stopPrice, null, tif);
    }

    public static OrderRequest trailingStop(InstrumentId instrument, Side side, Qty quantity, TrailingOffset offset, TimeInForce tif) {
        return new OrderRequest(instrument, side, OrderType.TRAILING_STOP, quantity, null, null, offset, tif);
    }

    /** The same request with another quantity, limit price or stop price; null keeps the current value. */
    public OrderRequest amended(Qty newQuantity, Price newLimit, Price newStop) {
        return new OrderRequest(instrument, side, type, newQuantity != null ? newQuantity : quantity,
                newLimit != null ? newLimit : limitPrice, newStop != null ? newStop : stopPrice, trailingOffset, timeInForce);
    }

    /** The order a triggered stop becomes: market for stops and trailing stops, limit for stop-limits. */
    public OrderRequest triggered() {
        return type == OrderType.STOP_LIMIT
                ? new OrderRequest(instrument, side, OrderType.LIMIT, quantity, limitPrice, null, null, timeInForce)
                : new OrderRequest(instrument, side, OrderType.MARKET, quantity, null, null, null, timeInForce);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(side).append(' ').append(quantity).append(' ').append(instrument.symbol())
                .append(' ').append(type);
        if (stopPrice != null) {
            b.append(" stop ").append(stopPrice);
        }
        if (limitPrice != null) {
            b.append(" limit ").append(limitPrice);
        }
        if (trailingOffset != null) {
            b.append(" trail ").append(trailingOffset);
        }
        return b.append(' ').append(timeInForce).toString();
    }
}
