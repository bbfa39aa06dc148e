package io.quiver.risk.internal;

import io.quiver.risk.RiskLimits;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code duplicate.window}: refuses an order of an instance that equals one it entered within the window
 * (same side, instrument, type, quantity and prices) under another client order id: a strategy or a
 * script sending the same order twice by mistake. The same id again is not a duplicate but an idempotent
 * resubmit, which the order manager answers before any check runs.
 */
final class DuplicateOrderCheck implements CountingCheck {
    private final ScopedLimits limits;
    /** Per instance, the time each recent order was entered, oldest first (insertion order is time order). */
    private final Map<String, LinkedHashMap<Key, Instant>> recent = new HashMap<>();

    private record Key(Side side, InstrumentId instrument, OrderType type, Qty quantity, Price limit, Price stop) {
        static Key of(OrderRequest r) {
            return new Key(r.side(), r.instrument(), r.type(), r.quantity(), r.limitPrice(), r.stopPrice());
        }
    }

    DuplicateOrderCheck(ScopedLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return "duplicate";
    }

    @Override
    public RiskRefusal check(PreTradeOrder order, RiskContext books) {
        Duration window = limits.of(order.strategyId()).duplicateWindow();
        if (window == null) {
            return null;
        }
        LinkedHashMap<Key, Instant> seen = recent.get(order.strategyId());
        if (seen == null) {
            return null;
        }
        forgetBefore(seen, order.time().minus(window));
        Instant last = seen.get(Key.of(order.request()));
        return last == null ? null : new RiskRefusal(ReasonCode.DUPLICATE_ORDER, "the same order (" + order.request() + ") was entered at " + last
                + ", within the duplicate window " + window);
    }

    @Override
    public void passed(PreTradeOrder order) {
        RiskLimits l = limits.of(order.strategyId());
        if (l.duplicateWindow() != null) {
            LinkedHashMap<Key, Instant> seen = recent.computeIfAbsent(order.strategyId(), k -> new LinkedHashMap<>());
            Key key = Key.of(order.request());
            seen.remove(key); // re-insert so the map stays in time order
            seen.put(key, order.time());
        }
    }

    private static void forgetBefore(LinkedHashMap<Key, Instant> seen, Instant cutoff) {
        Iterator<Instant> it = seen.values().iterator();
        while (it.hasNext() && it.next().isBefore(cutoff)) {
            it.remove();
        }
    }
}
