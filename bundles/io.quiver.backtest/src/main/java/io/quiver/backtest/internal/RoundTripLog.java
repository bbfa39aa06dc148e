package io.quiver.backtest.internal;

import io.quiver.backtest.RoundTrip;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Qty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the round trips of a run from its fills and bars, exactly: open lots are matched first in,
 * first out, and a fill that goes through zero splits its fee between the trade it ends and the one it
 * starts in proportion to the quantities (the remainder of the rounding goes to the new one, so the fees
 * of all trades add up to the fees paid).
 */
final class RoundTripLog {
    private record Lot(BigDecimal quantity, BigDecimal price) {
    }

    /** The trade open on one instrument. */
    private static final class Open {
        final boolean isLong;
        final Instant entry;
        final ArrayDeque<Lot> lots = new ArrayDeque<>();
        BigDecimal size = BigDecimal.ZERO;
        BigDecimal largest = BigDecimal.ZERO;
        BigDecimal realised = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal mae = BigDecimal.ZERO;
        BigDecimal mfe = BigDecimal.ZERO;
        /** The lowest low and highest high (price units) of the bars since the lots last changed; MIN/MAX: none yet. */
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        int scale;

        Open(boolean isLong, Instant entry) {
            this.isLong = isLong;
            this.entry = entry;
        }

        /** Unrealised P&L of the open lots if the price were {@code price}. */
        BigDecimal unrealised(BigDecimal price) {
            BigDecimal u = BigDecimal.ZERO;
            for (Lot lot : lots) {
                u = u.add(price.subtract(lot.price()).multiply(lot.quantity()));
            }
            return isLong ? u : u.negate();
        }
    }

    private final Map<InstrumentId, Open> open = new HashMap<>();
    private final List<RoundTrip> closed = new ArrayList<>();
    private BigDecimal traded = BigDecimal.ZERO;

    void onFill(InstrumentId instrument, Fill fill) {
        BigDecimal q = fill.quantity().toBigDecimal();
        BigDecimal price = fill.price().toBigDecimal();
        BigDecimal fee = fill.fee().toBigDecimal();
        traded = traded.add(price.multiply(q));
        boolean buy = fill.side().sign() > 0;
        Open t = open.get(instrument);
        if (t == null) {
            t = start(instrument, buy, fill.time());
        } else {
            settle(t);
        }
        if (t.isLong == buy) {
            add(t, q, price, fee);
            return;
        }
        BigDecimal closing = q.min(t.size);
        BigDecimal closingFee = closing.compareTo(q) == 0 ? fee
                : fee.multiply(closing).divide(q, fee.scale(), RoundingMode.HALF_EVEN);
        BigDecimal left = closing;
        while (left.signum() > 0) {
            Lot lot = t.lots.peekFirst();
            BigDecimal used = lot.quantity().min(left);
            BigDecimal gain = price.subtract(lot.price()).multiply(used);
            t.realised = t.realised.add(t.isLong ? gain : gain.negate());
            left = left.subtract(used);
            t.lots.pollFirst();
            if (lot.quantity().compareTo(used) > 0) {
                t.lots.addFirst(new Lot(lot.quantity().subtract(used), lot.price()));
            }
        }
        t.size = t.size.subtract(closing);
        t.fees = t.fees.add(closingFee);
        if (t.size.signum() == 0) {
            closed.add(finish(instrument, t, fill.time(), false));
            open.remove(instrument);
            BigDecimal rest = q.subtract(closing);
            if (rest.signum() > 0) {
                add(start(instrument, buy, fill.time()), rest, price, fee.subtract(closingFee));
            }
        }
    }

    /**
     * The bar's extremes against the trade open on its instrument, after the bar's fills. Between fills the
     * lots do not change, so the worst and best excursions are those at the lowest low and highest high seen:
     * they are kept as two longs a bar and priced exactly when the lots change or the trade ends.
     */
    void onBar(InstrumentId instrument, long lowUnits, long highUnits, int priceScale) {
        Open t = open.get(instrument);
        if (t == null) {
            return;
        }
        t.scale = priceScale;
        t.lowest = Math.min(t.lowest, lowUnits);
        t.highest = Math.max(t.highest, highUnits);
    }

    /** Folds the extremes seen since the lots last changed into the trade's MAE and MFE. */
    private static void settle(Open t) {
        if (t.lowest == Long.MAX_VALUE) {
            return;
        }
        BigDecimal low = BigDecimal.valueOf(t.lowest, t.scale);
        BigDecimal high = BigDecimal.valueOf(t.highest, t.scale);
        BigDecimal adverse = t.unrealised(t.isLong ? low : high);
        BigDecimal favourable = t.unrealised(t.isLong ? high : low);
        t.mae = t.mae.min(adverse);
        t.mfe = t.mfe.max(favourable);
        t.lowest = Long.MAX_VALUE;
        t.highest = Long.MIN_VALUE;
    }

    boolean hasPosition() {
        return !open.isEmpty();
    }

    /** The notional of every fill, summed. */
    BigDecimal traded() {
        return traded;
    }

    /** The closed round trips, then the ones still open at {@code end} (marked open). */
    List<RoundTrip> trips(Instant end) {
        List<RoundTrip> all = new ArrayList<>(closed);
        open.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> a.symbol().compareTo(b.symbol())))
                .forEach(e -> all.add(finish(e.getKey(), e.getValue(), end, true)));
        return all;
    }

    private Open start(InstrumentId instrument, boolean isLong, Instant time) {
        Open t = new Open(isLong, time);
        open.put(instrument, t);
        return t;
    }

    private static void add(Open t, BigDecimal q, BigDecimal price, BigDecimal fee) {
        t.lots.addLast(new Lot(q, price));
        t.size = t.size.add(q);
        t.largest = t.largest.max(t.size);
        t.fees = t.fees.add(fee);
    }

    private static RoundTrip finish(InstrumentId instrument, Open t, Instant exit, boolean stillOpen) {
        settle(t);
        return new RoundTrip(instrument, t.isLong, t.entry, exit, Qty.of(t.largest), Money.of(t.realised.subtract(t.fees)), Money.of(t.fees),
                Money.of(t.mae), Money.of(t.mfe), stillOpen);
    }
}
