package io.quiver.oms;

import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Side;
import java.time.Instant;
import java.util.function.Function;

/**
 * Stops, stop-limits and trailing stops that the order manager holds for a venue that lacks them: when
 * market data triggers one, and how a trailing stop follows the market. It decides only; the order
 * manager journals a trailing move and sends a triggered order.
 */
final class StopEmulation {
    /** What a decision leads to, done by the order manager inside its operation. */
    interface Actions {
        /** The trailing stop moves to {@code stop}, {@code best} being the best price seen since entry. */
        void trailed(WorkingOrder w, Instant time, Price stop, Price best);

        void triggered(WorkingOrder w, Price price, Instant time);
    }

    private final Function<InstrumentId, Instrument> instruments;
    private final Actions actions;

    StopEmulation(Function<InstrumentId, Instrument> instruments, Actions actions) {
        this.instruments = instruments;
        this.actions = actions;
    }

    /** An order has just been taken to hold: a trailing stop starts at its given stop, else from {@code last}, the last price seen (if any). */
    void onHeld(WorkingOrder w, Price last, Instant now) {
        if (w.request.type() != OrderType.TRAILING_STOP) {
            return;
        }
        if (w.request.stopPrice() != null) {
            actions.trailed(w, now, w.request.stopPrice(), null);
        } else if (last != null) {
            trail(w, last, now);
        }
    }

    /**
     * Bar rule: a buy stop triggers when the high reaches the stop (at the open if the bar opened beyond
     * it), a sell stop when the low does. A trailing stop is checked against the level it had before
     * the bar, and only then follows the bar's best price, because the order of prices within a bar is unknown.
     */
    void onBar(WorkingOrder w, Bar bar) {
        boolean buy = w.request.side() == Side.BUY;
        if (w.request.type() == OrderType.TRAILING_STOP && w.workingStop == null) {
            trail(w, bar.open(), bar.time());
        }
        Price stop = w.workingStop;
        boolean hit = buy ? bar.high().compareTo(stop) >= 0 : bar.low().compareTo(stop) <= 0;
        if (hit) {
            boolean gap = buy ? bar.open().compareTo(stop) >= 0 : bar.open().compareTo(stop) <= 0;
            actions.triggered(w, gap ? bar.open() : stop, bar.time());
        } else if (w.request.type() == OrderType.TRAILING_STOP) {
            trail(w, buy ? bar.low() : bar.high(), bar.time());
        }
    }

    /** Quote and trade rule: a buy stop triggers when the ask (or trade) reaches the stop, a sell stop when the bid does. */
    void onTouch(WorkingOrder w, Price price, Instant time) {
        boolean buy = w.request.side() == Side.BUY;
        if (w.request.type() == OrderType.TRAILING_STOP && w.workingStop == null) {
            trail(w, price, time);
        }
        Price stop = w.workingStop;
        if (buy ? price.compareTo(stop) >= 0 : price.compareTo(stop) <= 0) {
            actions.triggered(w, price, time);
        } else if (w.request.type() == OrderType.TRAILING_STOP) {
            trail(w, price, time);
        }
    }

    /** Moves a trailing stop toward the market if {@code best} improves on the reference; never back. */
    private void trail(WorkingOrder w, Price best, Instant time) {
        boolean buy = w.request.side() == Side.BUY;
        if (w.trailReference != null && (buy ? best.compareTo(w.trailReference) >= 0 : best.compareTo(w.trailReference) <= 0)) {
            return;
        }
        Price stop = w.request.trailingOffset().stopFor(w.request.side(), best, tickOf(w.request.instrument(), best));
        Price next = w.workingStop == null ? stop
                : buy ? (stop.compareTo(w.workingStop) < 0 ? stop : w.workingStop) : (stop.compareTo(w.workingStop) > 0 ? stop : w.workingStop);
        actions.trailed(w, time, next, best);
    }

    private Price tickOf(InstrumentId id, Price sample) {
        Instrument i = instruments.apply(id);
        return i != null ? i.tickSize() : Price.ofUnits(1, sample.scale());
    }
}
