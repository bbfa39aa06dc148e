package io.quiver.oms;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How an account's open orders hold cash. A buy holds its quantity times its limit (or stop) price, and a
 * market buy the reference price raised by {@code marketBuffer} (0.05: 5 %), since it fills at a price not
 * known yet. A sell the position covers holds nothing; the uncovered part of a sell is a short sale, which
 * holds {@code shortMarginRate} of its value and is allowed only when {@code shortAllowed}.
 */
public record MarginRules(boolean shortAllowed, BigDecimal shortMarginRate, BigDecimal marketBuffer) {
    /** A cash account: no short sales, market orders held at 5 % above the reference price. */
    public static final MarginRules CASH = new MarginRules(false, BigDecimal.ONE, new BigDecimal("0.05"));

    public MarginRules {
        Objects.requireNonNull(shortMarginRate, "shortMarginRate");
        Objects.requireNonNull(marketBuffer, "marketBuffer");
        if (shortMarginRate.signum() < 0 || marketBuffer.signum() < 0) {
            throw new IllegalArgumentException("margin rates must not be negative: " + shortMarginRate + ", " + marketBuffer);
        }
    }
}
