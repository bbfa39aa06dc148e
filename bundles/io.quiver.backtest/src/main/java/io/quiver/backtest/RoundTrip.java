package io.quiver.backtest;

import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Qty;
import java.time.Duration;
import java.time.Instant;

/**
 * One trade from flat to flat on one instrument (a fill that goes through zero ends one and starts the
 * next). Exact: {@code pnl} is the realised P&L of its fills (first in, first out) less their fees.
 *
 * @param quantity the largest position it held
 * @param mae      maximum adverse excursion: the worst unrealised P&L of its open position at any bar's
 *                 adverse extreme (the low for a long, the high for a short) while it was open; zero or less
 * @param mfe      maximum favourable excursion: the best one at the other extreme; zero or more
 * @param open     true for the last one when the run ended before it did (then {@code exit} is the last bar)
 */
public record RoundTrip(InstrumentId instrument, boolean isLong, Instant entry, Instant exit, Qty quantity, Money pnl, Money fees,
        Money mae, Money mfe, boolean open) {

    public Duration holding() {
        return Duration.between(entry, exit);
    }
}
