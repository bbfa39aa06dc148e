package io.quiver.venue.exchange;

/**
 * How the simulated rest of the market behaves, per instrument and bar: a market maker quotes
 * {@code levels} price levels each side, one tick apart, {@code levelLots} lots each, around the price;
 * noise traders trade the market to the bar's high and low: everything resting at prices the bar
 * traded through, and 0 to 2 x {@code noiseLots} lots (seeded) at the extreme price itself.
 */
public record MarketSimulation(int levels, long levelLots, long noiseLots, long seed) {

    public MarketSimulation {
        if (levels < 1 || levelLots < 1 || noiseLots < 0) {
            throw new IllegalArgumentException("levels and level size must be at least 1, noise not negative");
        }
    }

    /** Five levels of 100 lots each side, up to 600 lots traded at each bar's extremes, seed 42. */
    public static MarketSimulation defaults() {
        return new MarketSimulation(5, 100, 300, 42);
    }
}
