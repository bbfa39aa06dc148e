package io.quiver.risk.internal;

import io.quiver.risk.BreakerLimits;
import io.quiver.risk.TradingState;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The breakers of every strategy instance: daily loss, drawdown from peak equity and reject rate. They are
 * judged whenever an order comes and whenever the runtime asks ({@link #evaluate}, about every second),
 * so a loss trips the breaker even while no order is sent. A trip moves the instance to REDUCING (only
 * orders that reduce a position pass) or HALTED (nothing new passes) and is handed to {@code trips}, which
 * journals it: it holds until an administrator resets it, across restarts. The trading day starts at
 * midnight in the trading zone; its starting equity is handed to {@code days} to be journaled too.
 *
 * <p>Called under the order manager's lock (orders, evaluation); states are read from any thread.
 */
final class BreakerBoard {
    /** A scope's breaker state: not tripped is absent. */
    record Trip(String strategyId, TradingState state, Instant time, String reason) {
    }

    /** Where trips and trading-day starts go to be kept (the risk journal). */
    interface Keeper {
        Keeper NONE = new Keeper() {
            @Override
            public void tripped(Trip trip) {
            }

            @Override
            public void dayStarted(String strategyId, LocalDate day, Money equity) {
            }
        };

        void tripped(Trip trip);

        void dayStarted(String strategyId, LocalDate day, Money equity);
    }

    private static final class Watch {
        LocalDate day;
        Money dayStart;
        Money peak;
        final Ring refusals = new Ring();
        final Ring venueRejections = new Ring();
    }

    /** The latest outcomes, true for a bad one, over a window that follows the configuration. */
    private static final class Ring {
        boolean[] bad;
        int next;
        int seen;

        /** Adds an outcome; returns how many of the window are bad once the window is full, else -1. */
        int add(boolean isBad, int window) {
            if (bad == null || bad.length != window) {
                bad = new boolean[window];
                next = 0;
                seen = 0;
            }
            bad[next] = isBad;
            next = (next + 1) % window;
            seen = Math.min(window, seen + 1);
            if (seen < window) {
                return -1;
            }
            int count = 0;
            for (boolean b : bad) {
                count += b ? 1 : 0;
            }
            return count;
        }

        void clear() {
            bad = null;
        }
    }

    private final ScopedLimits limits;
    private final java.util.function.Supplier<ZoneId> zone;
    private final Keeper keeper;
    private final Map<String, Trip> trips = new ConcurrentHashMap<>();
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();

    BreakerBoard(ScopedLimits limits, java.util.function.Supplier<ZoneId> zone, Keeper keeper) {
        this.limits = limits;
        this.zone = zone;
        this.keeper = keeper;
    }

    /** Null to let the order on, or the refusal of a tripped scope. Judges the equity breakers first. */
    RiskRefusal check(PreTradeOrder order, RiskContext books) {
        judge(order.strategyId(), books, order.time());
        Trip t = trips.get(order.strategyId());
        if (t == null) {
            return null;
        }
        if (t.state() == TradingState.HALTED) {
            return new RiskRefusal(ReasonCode.BREAKER_HALTED, order.strategyId() + " is HALTED since " + t.time() + ": " + t.reason()
                    + "; an administrator resets it with risk:reset -s " + order.strategyId());
        }
        return reduces(order, books) ? null : new RiskRefusal(ReasonCode.REDUCE_ONLY, order.strategyId() + " is REDUCING since " + t.time() + ": "
                + t.reason() + "; only orders that reduce a position pass");
    }

    /** Whether an order only reduces its position, counting the open orders that reduce it already. */
    private static boolean reduces(PreTradeOrder order, RiskContext books) {
        OrderRequest r = order.request();
        Qty position = books.position(order.strategyId(), r.instrument());
        Qty reducing = books.openQuantity(order.strategyId(), r.instrument(), r.side());
        Qty room = r.side() == Side.SELL ? position.minus(reducing) : position.negate().minus(reducing);
        return r.quantity().compareTo(room) <= 0;
    }

    /** An order's outcome for the reject rate: refused by a check (not by the kill switch or a breaker) or passed. */
    void outcome(PreTradeOrder order, boolean refused, RiskContext books) {
        BreakerLimits b = limits.of(order.strategyId()).breakers();
        if (b.rejectPercent() == null) {
            return;
        }
        int window = b.window();
        int count = watch(order.strategyId()).refusals.add(refused, window);
        tripOnRate(order.strategyId(), b, order.time(), count, window, b.rejectPercent(), "orders were refused");
    }

    /** A venue's answer to an order, for the error rate: rejected there, or accepted. */
    void venueAnswer(String strategyId, boolean rejected, Instant time) {
        BreakerLimits b = limits.of(strategyId).breakers();
        if (b.errorPercent() == null) {
            return;
        }
        int window = b.errors();
        int count = watch(strategyId).venueRejections.add(rejected, window);
        tripOnRate(strategyId, b, time, count, window, b.errorPercent(), "orders the venue answered were rejected there");
    }

    private void tripOnRate(String strategyId, BreakerLimits b, Instant time, int count, int window, BigDecimal limit, String what) {
        if (count < 0) {
            return;
        }
        BigDecimal percent = BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(window), 2, RoundingMode.HALF_UP);
        if (percent.compareTo(limit) > 0) {
            trip(strategyId, b, time, count + " of the last " + window + " " + what + " (" + percent.toPlainString() + " %, the limit is "
                    + limit.toPlainString() + " %)");
        }
    }

    /** Judges every instance's equity breakers now (the runtime calls it about every second). */
    void evaluate(RiskContext books, Iterable<String> strategies, Instant now) {
        for (String s : strategies) {
            judge(s, books, now);
        }
    }

    private void judge(String strategyId, RiskContext books, Instant now) {
        BreakerLimits b = limits.of(strategyId).breakers();
        if (b.dailyLoss() == null && b.drawdownPercent() == null) {
            return;
        }
        Money equity = books.equity(strategyId);
        Watch w = watch(strategyId);
        LocalDate today = now.atZone(zone.get()).toLocalDate();
        if (!today.equals(w.day)) {
            w.day = today;
            w.dayStart = equity;
            keeper.dayStarted(strategyId, today, equity);
        }
        if (w.peak == null || equity.compareTo(w.peak) > 0) {
            w.peak = equity;
        }
        if (trips.containsKey(strategyId)) {
            return;
        }
        Money loss = w.dayStart.minus(equity);
        if (b.dailyLoss() != null && loss.compareTo(b.dailyLoss()) > 0) {
            trip(strategyId, b, now, "the loss since the start of " + today + " is " + loss + " (equity " + w.dayStart + " -> " + equity
                    + "), more than the limit " + b.dailyLoss());
            return;
        }
        if (b.drawdownPercent() != null && w.peak.signum() > 0) {
            BigDecimal drawdown = w.peak.minus(equity).toBigDecimal().multiply(BigDecimal.valueOf(100)).divide(w.peak.toBigDecimal(), 4,
                    RoundingMode.HALF_UP);
            if (drawdown.compareTo(b.drawdownPercent()) > 0) {
                trip(strategyId, b, now, "equity " + equity + " is " + drawdown.stripTrailingZeros().toPlainString() + " % below its peak "
                        + w.peak + ", more than the limit " + b.drawdownPercent().toPlainString() + " %");
            }
        }
    }

    private void trip(String strategyId, BreakerLimits b, Instant time, String reason) {
        if (trips.containsKey(strategyId)) {
            return;
        }
        Trip t = new Trip(strategyId, b.tripTo(), time, reason);
        trips.put(strategyId, t);
        keeper.tripped(t);
    }

    private Watch watch(String strategyId) {
        return watches.computeIfAbsent(strategyId, k -> new Watch());
    }

    /** A trip read back from the journal. */
    void restore(Trip trip) {
        trips.put(trip.strategyId(), trip);
    }

    /** A trading day's starting equity read back from the journal, so a restart does not forget the day's loss. */
    void restoreDay(String strategyId, LocalDate day, Money equity) {
        Watch w = watch(strategyId);
        w.day = day;
        w.dayStart = equity;
        if (w.peak == null || equity.compareTo(w.peak) > 0) {
            w.peak = equity;
        }
    }

    /**
     * Lifts a trip. The administrator has taken the loss: the day's loss and the peak count again from the
     * equity at the next judgement, the reject rate from nothing. Returns the trip, or null.
     */
    Trip reset(String strategyId) {
        Watch w = watches.get(strategyId);
        if (w != null) {
            w.day = null;
            w.peak = null;
            w.refusals.clear();
            w.venueRejections.clear();
        }
        return trips.remove(strategyId);
    }

    Map<String, Trip> trips() {
        return Map.copyOf(trips);
    }
}
