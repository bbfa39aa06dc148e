package io.quiver.backtest.internal;

import java.time.Instant;
import java.util.function.Supplier;

/** A backtest's clock: it only moves forward, and only when the loop moves it. */
public final class SimulatedClock implements Supplier<Instant> {
    private Instant now;

    public SimulatedClock(Instant start) {
        this.now = start;
    }

    public void set(Instant t) {
        if (t.isBefore(now)) {
            throw new IllegalStateException("the simulated clock cannot go back from " + now + " to " + t);
        }
        now = t;
    }

    @Override
    public Instant get() {
        return now;
    }
}
