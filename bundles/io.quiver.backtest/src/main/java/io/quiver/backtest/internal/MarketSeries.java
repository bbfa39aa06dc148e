package io.quiver.backtest.internal;

import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.TickSeries;
import java.time.Instant;

/** The market data of one data set in a run: bars, or quotes and trade prints, in time order. */
record MarketSeries(BarSeries bars, TickSeries ticks) {

    static MarketSeries of(io.quiver.sdk.spi.BarSourceFactory.BarData data) {
        return data.isTicks() ? new MarketSeries(null, data.ticks()) : new MarketSeries(data.series(), null);
    }

    boolean isTicks() {
        return ticks != null;
    }

    Instrument instrument() {
        return isTicks() ? ticks.instrument() : bars.instrument();
    }

    int size() {
        return isTicks() ? ticks.size() : bars.size();
    }

    long timeNanos(int i) {
        return isTicks() ? ticks.timeNanos(i) : bars.timeNanos(i);
    }

    Instant time(int i) {
        return BarSeries.instantOfNanos(timeNanos(i));
    }
}
