package io.quiver.sdk.model;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A position in one instrument. {@code quantity} is signed (negative = short); {@code costBasis} is the
 * exact signed cost of the open quantity; {@code realisedPnl} accumulates closed trades (FIFO lots);
 * {@code unrealisedPnl} is the open quantity marked at {@code markPrice}.
 */
public record Position(InstrumentId instrument, Qty quantity, Money costBasis, Money realisedPnl, Money unrealisedPnl,
        Price markPrice) {

    public boolean isFlat() {
        return quantity.isZero();
    }

    /** Average entry price of the open quantity, to 16 significant digits; zero when flat. For display. */
    public BigDecimal averagePrice() {
        if (quantity.isZero()) {
            return BigDecimal.ZERO;
        }
        return costBasis.toBigDecimal().divide(quantity.toBigDecimal(), MathContext.DECIMAL64);
    }

    public static Position flat(InstrumentId instrument) {
        return new Position(instrument, Qty.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, null);
    }
}
