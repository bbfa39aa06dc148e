package io.quiver.feed.csv;

/** What the rows of a data file describe. */
public enum RecordKind {
    /** OHLCV bars; times must increase strictly. */
    BARS,
    /** Best bid/ask quotes; times must not decrease. */
    QUOTES,
    /** Trades or ticks (price and size); times must not decrease. */
    TRADES
}
