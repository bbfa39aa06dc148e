package io.quiver.feed.synthetic;

import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Bars of one instrument following geometric Brownian motion, from a seed: the same seed and settings
 * give the same bars on every run. Each bar is built from {@code stepsPerBar} sub-steps (open = previous
 * close, high/low = extremes of the path, close = last step), every price rounded to the tick, so
 * {@code low <= open, close <= high} always holds. The path itself is a statistic (double); prices
 * handed out are exact multiples of the tick.
 */
public final class GbmBarGenerator {
    private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;

    private final Instrument instrument;
    private final SplittableRandom random;
    private final double stepVolatility;
    private final double stepDrift;
    private final int stepsPerBar;
    private final Duration period;
    private final long tickUnits;
    private double price;
    private Instant time;

    /**
     * @param drift annual drift, e.g. 0.05
     * @param volatility annual volatility, e.g. 0.2
     */
    public GbmBarGenerator(Instrument instrument, Price startPrice, double drift, double volatility, Duration period,
            int stepsPerBar, Instant start, long seed) {
        if (startPrice.signum() <= 0) {
            throw new IllegalArgumentException("start price must be positive, was " + startPrice);
        }
        if (volatility < 0 || stepsPerBar < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("volatility >= 0, steps >= 1 and a positive period are required");
        }
        this.instrument = instrument;
        this.random = new SplittableRandom(seed);
        double dt = period.toNanos() / 1e9 / SECONDS_PER_YEAR / stepsPerBar;
        this.stepVolatility = volatility * Math.sqrt(dt);
        this.stepDrift = (drift - volatility * volatility / 2) * dt;
        this.stepsPerBar = stepsPerBar;
        this.period = period;
        this.tickUnits = instrument.tickSize().units();
        this.price = startPrice.toDouble();
        this.time = start;
    }

    public Instrument instrument() {
        return instrument;
    }

    /** The next bar, stamped one period after the previous one. */
    public Bar next() {
        long[] ohlc = nextUnits();
        time = time.plus(period);
        int s = instrument.priceScale();
        return new Bar(instrument.id(), time, Price.ofUnits(ohlc[0], s), Price.ofUnits(ohlc[1], s), Price.ofUnits(ohlc[2], s),
                Price.ofUnits(ohlc[3], s), Qty.of(ohlc[4]));
    }

    /** {@code count} bars as a series (for backtests and benchmarks). */
    public BarSeries series(int count) {
        BarSeries.Builder b = BarSeries.builder(instrument, 0);
        for (int i = 0; i < count; i++) {
            long[] ohlc = nextUnits();
            time = time.plus(period);
            b.add(BarSeries.nanosOf(time), ohlc[0], ohlc[1], ohlc[2], ohlc[3], ohlc[4]);
        }
        return b.build();
    }

    private long[] nextUnits() {
        long open = toTicks(price);
        long high = open;
        long low = open;
        for (int i = 0; i < stepsPerBar; i++) {
            price *= Math.exp(stepDrift + stepVolatility * random.nextGaussian());
            long p = toTicks(price);
            high = Math.max(high, p);
            low = Math.min(low, p);
        }
        long close = toTicks(price);
        long volume = 100 + random.nextLong(10_000);
        return new long[] {open, high, low, close, volume};
    }

    /** The price in units of the price scale, rounded to the nearest tick and never below one tick. */
    private long toTicks(double p) {
        double units = p * Math.pow(10, instrument.priceScale());
        long ticks = Math.max(1, Math.round(units / tickUnits));
        return ticks * tickUnits;
    }
}
