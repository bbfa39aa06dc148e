package io.quiver.venue.fix;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for what a FIX session does on its own threads, bounded. */
final class FixTesting {
    static final Duration WAIT = Duration.ofSeconds(15);

    private FixTesting() {
    }

    static void awaitLogon(FixVenue venue) {
        await("the FIX session logs on", venue::isConnected);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
