package io.quiver.sdk.model;

import java.time.Instant;
import java.util.Arrays;

/**
 * An immutable series of quotes and trade prints of one instrument in time order (two may share a
 * time), stored column by column as scaled longs: prices at the instrument's price scale, sizes at
 * {@code sizeScale}. A quote may lack a side (a missing bid or ask); a trade always has a price.
 */
public final class TickSeries {
    /** The units of a side or size a tick does not have (a quote without a bid, a print without a size). */
    public static final long MISSING = Long.MIN_VALUE;
    private static final long NONE = MISSING;

    private final Instrument instrument;
    private final int sizeScale;
    private final int size;
    private final long[] timeNanos;
    private final boolean[] quote;
    /** A quote's bid, or a trade's price; and its size. */
    private final long[] first;
    private final long[] firstSize;
    /** A quote's ask and its size (unused for trades). */
    private final long[] second;
    private final long[] secondSize;

    private TickSeries(Builder b) {
        this.instrument = b.instrument;
        this.sizeScale = b.sizeScale;
        this.size = b.size;
        this.timeNanos = Arrays.copyOf(b.timeNanos, size);
        this.quote = Arrays.copyOf(b.quote, size);
        this.first = Arrays.copyOf(b.first, size);
        this.firstSize = Arrays.copyOf(b.firstSize, size);
        this.second = Arrays.copyOf(b.second, size);
        this.secondSize = Arrays.copyOf(b.secondSize, size);
    }

    public static Builder builder(Instrument instrument, int sizeScale) {
        return new Builder(instrument, sizeScale);
    }

    public Instrument instrument() {
        return instrument;
    }

    public int size() {
        return size;
    }

    /**
     * The same ticks for {@code other} (the instrument master's entry for the symbol), with prices moved to
     * its decimals; refused if a price has more decimals than {@code other} trades in.
     */
    public TickSeries withInstrument(Instrument other) {
        if (other.equals(instrument)) {
            return this;
        }
        Builder b = new Builder(other, sizeScale);
        for (int i = 0; i < size; i++) {
            b.add(this, i);
        }
        return b.build();
    }

    public long timeNanos(int i) {
        return timeNanos[i];
    }

    public Instant time(int i) {
        return BarSeries.instantOfNanos(timeNanos[i]);
    }

    /** Whether tick {@code i} is a quote (else a trade print). */
    public boolean isQuote(int i) {
        return quote[i];
    }

    /** Tick {@code i}, a quote, as an object. */
    public Quote quote(int i) {
        if (!quote[i]) {
            throw new IllegalArgumentException("tick " + i + " is a trade");
        }
        return new Quote(instrument.id(), time(i), price(first[i]), price(second[i]), qty(firstSize[i]), qty(secondSize[i]));
    }

    /** Tick {@code i}, a trade print, as an object. */
    public Trade trade(int i) {
        if (quote[i]) {
            throw new IllegalArgumentException("tick " + i + " is a quote");
        }
        return new Trade(instrument.id(), time(i), price(first[i]), qty(firstSize[i]));
    }

    /** Quote {@code i}'s bid in price units, or {@link #MISSING}. */
    public long bidUnits(int i) {
        return quoteSide(i, first);
    }

    /** Quote {@code i}'s bid size in size units, or {@link #MISSING}. */
    public long bidSizeUnits(int i) {
        return quoteSide(i, firstSize);
    }

    /** Quote {@code i}'s ask in price units, or {@link #MISSING}. */
    public long askUnits(int i) {
        return quoteSide(i, second);
    }

    /** Quote {@code i}'s ask size in size units, or {@link #MISSING}. */
    public long askSizeUnits(int i) {
        return quoteSide(i, secondSize);
    }

    /** Trade print {@code i}'s price in price units. */
    public long priceUnits(int i) {
        return tradeField(i, first);
    }

    /** Trade print {@code i}'s size in size units, or {@link #MISSING}. */
    public long sizeUnits(int i) {
        return tradeField(i, firstSize);
    }

    private long quoteSide(int i, long[] column) {
        if (!quote[i]) {
            throw new IllegalArgumentException("tick " + i + " is a trade");
        }
        return column[i];
    }

    private long tradeField(int i, long[] column) {
        if (quote[i]) {
            throw new IllegalArgumentException("tick " + i + " is a quote");
        }
        return column[i];
    }

    /** The lowest and highest price of tick {@code i} (bid and ask of a quote, the price of a trade), in price units; NONE-free. */
    public long lowUnits(int i) {
        return quote[i] && first[i] == NONE ? second[i] : first[i];
    }

    public long highUnits(int i) {
        return quote[i] ? (second[i] == NONE ? first[i] : second[i]) : first[i];
    }

    /** The decimals its sizes are kept at. */
    public int sizeScale() {
        return sizeScale;
    }

    public int priceScale() {
        return instrument.priceScale();
    }

    private Price price(long units) {
        return units == NONE ? null : Price.ofUnits(units, instrument.priceScale());
    }

    private Qty qty(long units) {
        return units == NONE ? null : Qty.ofUnits(units, sizeScale);
    }

    /** Collects ticks in time order; prices at the instrument's price scale, sizes at the size scale. */
    public static final class Builder {
        private final Instrument instrument;
        private final int sizeScale;
        private int size;
        private long[] timeNanos = new long[1024];
        private boolean[] quote = new boolean[1024];
        private long[] first = new long[1024];
        private long[] firstSize = new long[1024];
        private long[] second = new long[1024];
        private long[] secondSize = new long[1024];

        private Builder(Instrument instrument, int sizeScale) {
            this.instrument = instrument;
            Scaled.checkScale(sizeScale);
            this.sizeScale = sizeScale;
        }

        /** A quote; a missing side is null (at least one side must be there). */
        public Builder quote(Instant time, Price bid, Price ask, Qty bidSize, Qty askSize) {
            if (bid == null && ask == null) {
                throw new IllegalArgumentException("a quote at " + time + " has neither a bid nor an ask");
            }
            return add(BarSeries.nanosOf(time), true, units(bid), size(bidSize), units(ask), size(askSize));
        }

        /** A quote in units (prices at the instrument's scale, sizes at the size scale); a missing side is {@link #MISSING}. */
        public Builder quoteUnits(long timeNanos, long bid, long bidSize, long ask, long askSize) {
            if (bid == NONE && ask == NONE) {
                throw new IllegalArgumentException("a quote at " + BarSeries.instantOfNanos(timeNanos) + " has neither a bid nor an ask");
            }
            return add(timeNanos, true, bid, bidSize, ask, askSize);
        }

        /** A trade print in units; its size may be {@link #MISSING}, its price not. */
        public Builder tradeUnits(long timeNanos, long price, long size) {
            if (price == NONE) {
                throw new IllegalArgumentException("a trade at " + BarSeries.instantOfNanos(timeNanos) + " has no price");
            }
            return add(timeNanos, false, price, size, NONE, NONE);
        }

        /** Tick {@code i} of {@code from}, its prices at this builder's instrument's scale. */
        public Builder add(TickSeries from, int i) {
            if (from.isQuote(i)) {
                Quote q = from.quote(i);
                return quote(q.time(), q.bid(), q.ask(), q.bidSize(), q.askSize());
            }
            Trade t = from.trade(i);
            return trade(t.time(), t.price(), t.size());
        }

        public Builder trade(Instant time, Price price, Qty size) {
            return add(BarSeries.nanosOf(time), false, units(java.util.Objects.requireNonNull(price, "price")), size(size), NONE, NONE);
        }

        private long units(Price p) {
            return p == null ? NONE : p.unitsAt(instrument.priceScale());
        }

        private long size(Qty q) {
            return q == null ? NONE : q.unitsAt(sizeScale);
        }

        private Builder add(long t, boolean isQuote, long a, long aSize, long b, long bSize) {
            if (size > 0 && t < timeNanos[size - 1]) {
                throw new IllegalArgumentException("tick times must not go back: " + BarSeries.instantOfNanos(t) + " follows "
                        + BarSeries.instantOfNanos(timeNanos[size - 1]));
            }
            if (size == timeNanos.length) {
                int n = size * 2;
                timeNanos = Arrays.copyOf(timeNanos, n);
                quote = Arrays.copyOf(quote, n);
                first = Arrays.copyOf(first, n);
                firstSize = Arrays.copyOf(firstSize, n);
                second = Arrays.copyOf(second, n);
                secondSize = Arrays.copyOf(secondSize, n);
            }
            timeNanos[size] = t;
            quote[size] = isQuote;
            first[size] = a;
            firstSize[size] = aSize;
            second[size] = b;
            secondSize[size] = bSize;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        public TickSeries build() {
            return new TickSeries(this);
        }
    }
}
