package io.quiver.backtest;

import org.osgi.annotation.versioning.ConsumerType;

/** Told how far a long backtest has come, about every 5 % of the bars. */
@ConsumerType
@FunctionalInterface
public interface BacktestProgress {
    BacktestProgress NONE = (done, total) -> { };

    void onProgress(long barsDone, long barsTotal);
}
