package io.quiver.sdk.model;

import java.time.Instant;
import java.util.Arrays;

/**
 * An immutable, time-ordered series of bars of one instrument, stored column by column (prices as
 * scaled longs at one scale) so that millions of bars replay without per-bar parsing.
 */
public final class BarSeries {
    private final Instrument instrument;
    private final long[] timeNanos;
    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final long[] close;
    private final long[] volume;
    private final int volumeScale;
    private final int size;

    private BarSeries(Builder b) {
        this.instrument = b.instrument;
        this.size = b.size;
        this.timeNanos = Arrays.copyOf(b.timeNanos, size);
        this.open = Arrays.copyOf(b.open, size);
        this.high = Arrays.copyOf(b.high, size);
        this.low = Arrays.copyOf(b.low, size);
        this.close = Arrays.copyOf(b.close, size);
        this.volume = Arrays.copyOf(b.volume, size);
        this.volumeScale = b.volumeScale;
    }

    public static Builder builder(Instrument instrument, int volumeScale) {
        return new Builder(instrument, volumeScale);
    }

    public Instrument instrument() {
        return instrument;
    }

    /**
     * The same bars for {@code other} (the instrument master's entry for the symbol), with prices moved to
     * its decimals; refused if a price has more decimals than {@code other} trades in.
     */
    public BarSeries withInstrument(Instrument other) {
        int from = instrument.priceScale();
        int to = other.priceScale();
        Builder b = new Builder(other, volumeScale);
        for (int i = 0; i < size; i++) {
            b.add(timeNanos[i], rescale(open[i], from, to, i), rescale(high[i], from, to, i), rescale(low[i], from, to, i),
                    rescale(close[i], from, to, i), volume[i]);
        }
        return b.build();
    }

    private long rescale(long units, int from, int to, int i) {
        if (from == to) {
            return units;
        }
        java.math.BigDecimal v = java.math.BigDecimal.valueOf(units, from);
        try {
            return v.setScale(to, java.math.RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("bar " + (i + 1) + " of " + instrument.id() + " has a price " + v.toPlainString()
                    + " with more decimals than its tick in the instrument master allows (" + to + ")", e);
        }
    }

    public int size() {
        return size;
    }

    public int priceScale() {
        return instrument.priceScale();
    }

    public long timeNanos(int i) {
        return timeNanos[i];
    }

    public Instant time(int i) {
        return instantOfNanos(timeNanos[i]);
    }

    public long openUnits(int i) {
        return open[i];
    }

    public long highUnits(int i) {
        return high[i];
    }

    public long lowUnits(int i) {
        return low[i];
    }

    public long closeUnits(int i) {
        return close[i];
    }

    public long volumeUnits(int i) {
        return volume[i];
    }

    /** The decimals of the volume column. */
    public int volumeScale() {
        return volumeScale;
    }

    /** Bar {@code i} as an object. */
    public Bar bar(int i) {
        int s = priceScale();
        return new Bar(instrument.id(), time(i), Price.ofUnits(open[i], s), Price.ofUnits(high[i], s),
                Price.ofUnits(low[i], s), Price.ofUnits(close[i], s), Qty.ofUnits(volume[i], volumeScale));
    }

    public static Instant instantOfNanos(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    public static long nanosOf(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    /** Collects bars in time order; prices must be given at the instrument's price scale. */
    public static final class Builder {
        private final Instrument instrument;
        private final int volumeScale;
        private long[] timeNanos = new long[1024];
        private long[] open = new long[1024];
        private long[] high = new long[1024];
        private long[] low = new long[1024];
        private long[] close = new long[1024];
        private long[] volume = new long[1024];
        private int size;

        private Builder(Instrument instrument, int volumeScale) {
            this.instrument = instrument;
            Scaled.checkScale(volumeScale);
            this.volumeScale = volumeScale;
        }

        public Builder add(long epochNanos, long o, long h, long l, long c, long v) {
            if (size > 0 && epochNanos <= timeNanos[size - 1]) {
                throw new IllegalArgumentException("bar times must increase strictly: " + instantOfNanos(epochNanos)
                        + " follows " + instantOfNanos(timeNanos[size - 1]));
            }
            if (size == timeNanos.length) {
                int n = size * 2;
                timeNanos = Arrays.copyOf(timeNanos, n);
                open = Arrays.copyOf(open, n);
                high = Arrays.copyOf(high, n);
                low = Arrays.copyOf(low, n);
                close = Arrays.copyOf(close, n);
                volume = Arrays.copyOf(volume, n);
            }
            timeNanos[size] = epochNanos;
            open[size] = o;
            high[size] = h;
            low[size] = l;
            close[size] = c;
            volume[size] = v;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        public BarSeries build() {
            return new BarSeries(this);
        }
    }
}
