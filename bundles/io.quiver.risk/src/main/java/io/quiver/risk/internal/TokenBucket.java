package io.quiver.risk.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * A token bucket kept as its theoretical arrival time (the generic cell rate algorithm): {@code rate}
 * orders per second on average, up to {@code burst} at once. Integer nanoseconds on the run's clock, so
 * a backtest is as limited as a live run and nothing depends on the wall clock.
 */
final class TokenBucket {
    private final long interval;
    private final long tolerance;
    private long theoretical = Long.MIN_VALUE;

    TokenBucket(BigDecimal perSecond, int burst) {
        this.interval = BigDecimal.valueOf(1_000_000_000L).divide(perSecond, 0, RoundingMode.CEILING).longValueExact();
        this.tolerance = interval * (burst - 1L);
    }

    static int defaultBurst(BigDecimal perSecond) {
        return Math.max(1, perSecond.setScale(0, RoundingMode.CEILING).intValueExact());
    }

    boolean allows(Instant time) {
        long t = nanos(time);
        return theoretical == Long.MIN_VALUE || t >= theoretical - tolerance;
    }

    void take(Instant time) {
        long t = nanos(time);
        theoretical = Math.max(theoretical == Long.MIN_VALUE ? t : theoretical, t) + interval;
    }

    /** Nanoseconds until the next order would pass. */
    long waitNanos(Instant time) {
        return Math.max(0, theoretical - tolerance - nanos(time));
    }

    private static long nanos(Instant time) {
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }
}
