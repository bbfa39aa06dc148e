package io.quiver.sdk.indicators;

import io.quiver.sdk.model.Bar;
import java.time.LocalDate;

/**
 * Volume-weighted average price of the trading day: the sum of typical price ((high + low + close) / 3)
 * times volume over the sum of volume since the day's first bar. It starts again on each trading day:
 * the UTC day of the bar's close with {@link #update(Bar)}, or the day the caller gives with
 * {@link #update(Bar, LocalDate)} (e.g. {@code instrument.tradingDay(bar)}). Ready once the day has had volume.
 */
public final class Vwap implements BarIndicator {
    private LocalDate day;
    private double priceVolume;
    private double volume;
    private long count;

    @Override
    public void update(Bar bar) {
        update(bar, bar.time().minusNanos(1).atOffset(java.time.ZoneOffset.UTC).toLocalDate());
    }

    /** Updates with the bar's trading day given by the caller (e.g. {@code instrument.tradingDay(bar)}). */
    public void update(Bar bar, LocalDate tradingDay) {
        if (!tradingDay.equals(day)) {
            day = tradingDay;
            priceVolume = 0;
            volume = 0;
        }
        double v = bar.volume().toBigDecimal().doubleValue();
        double typical = (bar.high().toDouble() + bar.low().toDouble() + bar.close().toDouble()) / 3.0;
        priceVolume += typical * v;
        volume += v;
        count++;
    }

    @Override
    public boolean isReady() {
        return volume > 0;
    }

    @Override
    public double value() {
        return isReady() ? priceVolume / volume : Double.NaN;
    }

    @Override
    public long count() {
        return count;
    }
}
