package io.quiver.venue.exchange;

/**
 * SplitMix64: a seeded generator whose whole state is one long, so a snapshot of the exchange can write
 * it down and carry on with exactly the numbers the uninterrupted venue would have drawn.
 */
final class SeededRandom {
    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    SeededRandom(long state) {
        this.state = state;
    }

    long state() {
        return state;
    }

    /** Carries on from a state {@link #state()} gave. */
    void restore(long state) {
        this.state = state;
    }

    long nextLong() {
        long z = state += GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound), without the bias of a plain remainder. */
    long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
        while (true) {
            long r = nextLong() >>> 1;
            if (r < limit) {
                return r % bound;
            }
        }
    }
}
