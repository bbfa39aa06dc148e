package io.quiver.sdk.model;

import java.util.Objects;

/**
 * What a strategy asks for when it enters an order. {@code limitPrice} is set for limit orders only,
 * {@code stopPrice} for stop orders only. Build one with {@link #market}, {@link #limit} or {@link #stop}.
 */
public record OrderRequest(InstrumentId instrument, Side side, OrderType type, Qty quantity, Price limitPrice,
        Price stopPrice, TimeInForce timeInForce) {

    public OrderRequest {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(timeInForce, "timeInForce");
    }

    public static OrderRequest market(InstrumentId instrument, Side side, Qty quantity) {
        return new OrderRequest(instrument, side, OrderType.MARKET, quantity, null, null, TimeInForce.GTC);
    }

    public static OrderRequest limit(InstrumentId instrument, Side side, Qty quantity, Price limitPrice, TimeInForce tif) {
        return new OrderRequest(instrument, side, OrderType.LIMIT, quantity, limitPrice, null, tif);
    }

    public static OrderRequest stop(InstrumentId instrument, Side side, Qty quantity, Price stopPrice, TimeInForce tif) {
        return new OrderRequest(instrument, side, OrderType.STOP, quantity, null, stopPrice, tif);
    }
}
