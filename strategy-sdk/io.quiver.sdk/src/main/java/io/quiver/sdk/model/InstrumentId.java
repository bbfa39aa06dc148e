package io.quiver.sdk.model;

import java.util.Objects;

/** Identifies an instrument by its symbol, e.g. {@code ORCL} or {@code EUR/JPY}. */
public record InstrumentId(String symbol) implements Comparable<InstrumentId> {
    public InstrumentId {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("instrument symbol must not be blank");
        }
    }

    public static InstrumentId of(String symbol) {
        return new InstrumentId(symbol);
    }

    @Override
    public int compareTo(InstrumentId o) {
        return symbol.compareTo(o.symbol);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
