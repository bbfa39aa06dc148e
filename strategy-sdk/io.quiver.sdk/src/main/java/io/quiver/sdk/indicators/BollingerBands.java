package io.quiver.sdk.indicators;

import io.quiver.sdk.model.Price;

/**
 * Bollinger bands: the simple average of the last {@code period} prices ({@link #value()}, the middle
 * band) and the bands {@code width} population standard deviations above and below it (20 and 2 are
 * the usual choice).
 */
public final class BollingerBands implements Indicator {
    private final RollingStdDev window;
    private final double width;

    public BollingerBands(int period, double width) {
        if (!(width > 0)) {
            throw new IllegalArgumentException("Bollinger band width must be above 0, was " + width);
        }
        this.window = new RollingStdDev(period);
        this.width = width;
    }

    @Override
    public void update(Price price) {
        window.update(price);
    }

    public double upper() {
        return window.mean() + width * window.value();
    }

    public double lower() {
        return window.mean() - width * window.value();
    }

    /** Where the price stands between the bands: 0 at the lower, 1 at the upper; NaN when they meet. */
    public double percentB(Price price) {
        double span = upper() - lower();
        return span > 0 ? (price.toDouble() - lower()) / span : Double.NaN;
    }

    @Override
    public boolean isReady() {
        return window.isReady();
    }

    /** The middle band. */
    @Override
    public double value() {
        return window.mean();
    }

    @Override
    public long count() {
        return window.count();
    }
}
