package io.quiver.backtest;

import org.osgi.annotation.versioning.ConsumerType;

/** Told how far a long backtest has come, about every 5 % of the bars. */
@ConsumerType
@FunctionalInterface
public interface BacktestProgress {
    BacktestProgress NONE = (done, total) -> { };

    void onProgress(long barsDone, long barsTotal);

    /**
     * Prints a line to {@code out} at every fifth of a run of at least 100,000 bars, with the time left at
     * the pace so far, e.g. {@code   40 % (400,000 of 1,000,000 bars, about 0.6 s left)}.
     */
    static BacktestProgress printedTo(java.io.PrintStream out) {
        long started = System.nanoTime();
        int[] last = {0};
        return (done, total) -> {
            int percent = (int) (done * 100 / total);
            if (total >= 100_000 && percent >= last[0] + 20 && done < total) {
                last[0] = percent;
                double elapsed = (System.nanoTime() - started) / 1e9;
                out.printf("  %d %% (%,d of %,d bars, about %.1f s left)%n", percent, done, total, elapsed * (total - done) / done);
            }
        };
    }
}
