package io.quiver.risk.internal;

import io.quiver.risk.RiskLimits;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code orders.rate.max} / {@code orders.rate.burst} per instance and {@code orders.rate.global.max} /
 * {@code orders.rate.global.burst} for the whole runtime: token buckets on the run's clock.
 */
final class OrderRateCheck implements CountingCheck {
    private final ScopedLimits limits;
    private final TokenBucket global;
    private final String globalLimit;
    private final Map<String, Bucket> buckets = new HashMap<>();

    private record Bucket(BigDecimal rate, Integer burst, TokenBucket bucket) {
    }

    OrderRateCheck(ScopedLimits limits, BigDecimal globalRate, Integer globalBurst) {
        this.limits = limits;
        int burst = globalBurst != null ? globalBurst : globalRate == null ? 1 : TokenBucket.defaultBurst(globalRate);
        this.global = globalRate == null ? null : new TokenBucket(globalRate, burst);
        this.globalLimit = globalRate == null ? null : globalRate.toPlainString() + " a second (burst " + burst + ")";
    }

    @Override
    public String name() {
        return "order-rate";
    }

    @Override
    public RiskRefusal check(PreTradeOrder order, RiskContext books) {
        if (global != null && !global.allows(order.time())) {
            return new RiskRefusal(ReasonCode.ORDER_RATE, "the runtime's order rate limit " + globalLimit + " is used up; the next order passes in "
                    + millis(global.waitNanos(order.time())) + " ms");
        }
        Bucket b = bucket(order.strategyId());
        if (b != null && !b.bucket().allows(order.time())) {
            return new RiskRefusal(ReasonCode.ORDER_RATE, "the order rate limit " + b.rate().toPlainString() + " a second (burst " + b.burst()
                    + ") of " + order.strategyId() + " is used up; the next order passes in " + millis(b.bucket().waitNanos(order.time())) + " ms");
        }
        return null;
    }

    @Override
    public void passed(PreTradeOrder order) {
        if (global != null) {
            global.take(order.time());
        }
        Bucket b = bucket(order.strategyId());
        if (b != null) {
            b.bucket().take(order.time());
        }
    }

    /** The instance's bucket, made anew when its limits changed; null when it has no rate limit. */
    private Bucket bucket(String strategyId) {
        RiskLimits l = limits.of(strategyId);
        if (l.ordersPerSecond() == null) {
            buckets.remove(strategyId);
            return null;
        }
        int burst = l.orderBurst() != null ? l.orderBurst() : TokenBucket.defaultBurst(l.ordersPerSecond());
        Bucket b = buckets.get(strategyId);
        if (b == null || b.rate().compareTo(l.ordersPerSecond()) != 0 || b.burst() != burst) {
            b = new Bucket(l.ordersPerSecond(), burst, new TokenBucket(l.ordersPerSecond(), burst));
            buckets.put(strategyId, b);
        }
        return b;
    }

    private static long millis(long nanos) {
        return (nanos + 999_999) / 1_000_000;
    }
}
