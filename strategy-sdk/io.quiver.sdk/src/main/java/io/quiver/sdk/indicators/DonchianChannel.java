package io.quiver.sdk.indicators;

import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Price;
import java.util.ArrayDeque;

/**
 * Donchian channel: the highest high and the lowest low of the last {@code period} bars, exact
 * ({@link Price}), kept in monotonic queues so each update is O(1) amortised. {@link #value()} is the
 * middle of the channel.
 */
public final class DonchianChannel implements BarIndicator {
    private record Point(long index, Price price) {
    }

    private final int period;
    private final ArrayDeque<Point> highs = new ArrayDeque<>();
    private final ArrayDeque<Point> lows = new ArrayDeque<>();
    private long count;

    public DonchianChannel(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("Donchian period must be at least 1, was " + period);
        }
        this.period = period;
    }

    @Override
    public void update(Bar bar) {
        long i = count++;
        while (!highs.isEmpty() && highs.peekLast().price().compareTo(bar.high()) <= 0) {
            highs.pollLast();
        }
        highs.addLast(new Point(i, bar.high()));
        while (!lows.isEmpty() && lows.peekLast().price().compareTo(bar.low()) >= 0) {
            lows.pollLast();
        }
        lows.addLast(new Point(i, bar.low()));
        long oldest = i - period + 1;
        while (highs.peekFirst().index() < oldest) {
            highs.pollFirst();
        }
        while (lows.peekFirst().index() < oldest) {
            lows.pollFirst();
        }
    }

    /** The highest high of the window; null until ready. */
    public Price upper() {
        return isReady() ? highs.peekFirst().price() : null;
    }

    /** The lowest low of the window; null until ready. */
    public Price lower() {
        return isReady() ? lows.peekFirst().price() : null;
    }

    @Override
    public boolean isReady() {
        return count >= period;
    }

    @Override
    public double value() {
        return isReady() ? (upper().toDouble() + lower().toDouble()) / 2 : Double.NaN;
    }

    @Override
    public long count() {
        return count;
    }
}
