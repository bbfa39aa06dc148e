package io.quiver.risk.internal;

import io.quiver.risk.RiskLimits;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code orders.day.max}: how many orders an instance may enter in one trading day (midnight to midnight in
 * {@code trading.zone}). The first order of a day counts what the books already hold for that day, so a
 * restart does not reset the count; after that it counts the orders the chain lets through.
 */
final class OrdersPerDayCheck implements CountingCheck {
    private final ScopedLimits limits;
    private final ZoneId zone;
    private final Map<String, Day> days = new HashMap<>();

    private static final class Day {
        LocalDate date;
        int count;
    }

    OrdersPerDayCheck(ScopedLimits limits, ZoneId zone) {
        this.limits = limits;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "orders-per-day";
    }

    @Override
    public RiskRefusal check(PreTradeOrder order, RiskContext books) {
        RiskLimits l = limits.of(order.strategyId());
        if (l.maxOrdersPerDay() == null) {
            return null;
        }
        LocalDate today = order.time().atZone(zone).toLocalDate();
        Day d = days.computeIfAbsent(order.strategyId(), k -> new Day());
        if (!today.equals(d.date)) {
            Instant start = today.atStartOfDay(zone).toInstant();
            d.date = today;
            d.count = books.ordersEntered(order.strategyId(), start);
        }
        if (d.count + 1 > l.maxOrdersPerDay()) {
            return new RiskRefusal(ReasonCode.MAX_ORDERS_PER_DAY, d.count + " orders were entered on " + today + "; one more would exceed the limit "
                    + l.maxOrdersPerDay());
        }
        return null;
    }

    @Override
    public void passed(PreTradeOrder order) {
        Day d = days.get(order.strategyId());
        if (d != null && d.date.equals(order.time().atZone(zone).toLocalDate())) {
            d.count++;
        }
    }
}
