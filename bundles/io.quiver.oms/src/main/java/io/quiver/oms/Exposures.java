package io.quiver.oms;

import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the open orders of each strategy still stand to trade, kept as they change so the risk checks read
 * it in constant time: the quantity left to fill per instrument and side, and the cash the orders hold
 * (see {@link MarginRules}). An order counts while it is open and at work (a bracket child once its entry
 * has filled); once the strategy has asked to cancel it, it no longer counts as offered (so "cancel the
 * exits, sell at the market" in one callback is not taken for a short sale), but its cash stays held until
 * the venue confirms the cancel. The order manager removes an order before it changes and adds it back after, so the sums
 * follow every fill, cancel and modification exactly. Not thread-safe: used under the order manager's lock.
 */
final class Exposures {
    private static final class Book {
        final Map<InstrumentId, Qty[]> open = new HashMap<>();
        BigDecimal reserved = BigDecimal.ZERO;
    }

    private final Map<String, Book> books = new HashMap<>();

    void add(WorkingOrder w) {
        change(w, true);
    }

    void remove(WorkingOrder w) {
        change(w, false);
    }

    private void change(WorkingOrder w, boolean add) {
        if (!w.status.isOpen() || w.parent != null && !w.activated) {
            return;
        }
        Qty leaves = w.request.quantity().minus(w.filled);
        if (leaves.signum() <= 0) {
            return;
        }
        Book b = books.computeIfAbsent(w.strategyId, k -> new Book());
        if (!w.cancelRequested) {
            // An order the strategy asked to cancel no longer counts as offered; its cash stays held until the venue confirms.
            Qty[] sides = b.open.computeIfAbsent(w.request.instrument(), k -> new Qty[] {Qty.ZERO, Qty.ZERO});
            int side = w.request.side() == Side.BUY ? 0 : 1;
            sides[side] = add ? sides[side].plus(leaves) : sides[side].minus(leaves);
        }
        if (w.reserveQty.isPositive()) {
            BigDecimal held = w.reservePerUnit.toBigDecimal().multiply(w.reserveQty.min(leaves).toBigDecimal());
            b.reserved = add ? b.reserved.add(held) : b.reserved.subtract(held);
        }
    }

    Qty open(String strategyId, InstrumentId instrument, Side side) {
        Book b = books.get(strategyId);
        Qty[] sides = b == null ? null : b.open.get(instrument);
        return sides == null ? Qty.ZERO : sides[side == Side.BUY ? 0 : 1];
    }

    Money reserved(String strategyId) {
        Book b = books.get(strategyId);
        return b == null ? Money.ZERO : Money.of(b.reserved);
    }

    /** Adds to {@code into} the instruments the strategy has open orders on that it does not hold already. */
    void addInstruments(String strategyId, List<InstrumentId> into) {
        Book b = books.get(strategyId);
        if (b == null) {
            return;
        }
        for (Map.Entry<InstrumentId, Qty[]> e : b.open.entrySet()) {
            if ((e.getValue()[0].isPositive() || e.getValue()[1].isPositive()) && !into.contains(e.getKey())) {
                into.add(e.getKey());
            }
        }
    }

    void clear() {
        books.clear();
    }
}
