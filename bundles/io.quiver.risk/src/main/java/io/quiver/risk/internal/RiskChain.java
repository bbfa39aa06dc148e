package io.quiver.risk.internal;

import io.quiver.oms.MarginRules;
import io.quiver.oms.PreTradeGate;
import io.quiver.risk.KillSwitchState;
import io.quiver.risk.RiskLimits;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskCheck;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain of checks every new order passes: the kill switch, a refused configuration, the built-in
 * checks (cheap ones first), then the checks other bundles add. The first refusal wins; an order that
 * passes is counted by the counting checks. A check that throws refuses the order ({@code RISK_CHECK_FAILED}):
 * the chain fails closed.
 *
 * <p>Called by the order manager under its lock, so one order at a time; the limits, the kill switch and
 * the added checks may change from other threads and are read fresh for each order.
 */
final class RiskChain implements PreTradeGate {
    private static final Logger LOG = LoggerFactory.getLogger(RiskChain.class);

    private volatile List<RiskCheck> builtIn;
    private ZoneId zone;
    private BigDecimal globalRate;
    private Integer globalBurst;
    private final Supplier<List<RiskCheck>> added;
    private final AuditTrail audit;
    private volatile RiskLimits global;
    private volatile Map<String, RiskLimits> scoped;
    private volatile Map<String, String> problems = Map.of();
    private volatile KillSwitchState kill = KillSwitchState.OFF;
    private final Set<ClientOrderId> exempt = ConcurrentHashMap.newKeySet();
    private final BreakerBoard breakers;

    RiskChain(RiskLimits global, Map<String, RiskLimits> scoped, ZoneId zone, BigDecimal globalRate, Integer globalBurst,
            Supplier<List<RiskCheck>> added, AuditTrail audit) {
        this(global, scoped, zone, globalRate, globalBurst, added, audit, BreakerBoard.Keeper.NONE);
    }

    RiskChain(RiskLimits global, Map<String, RiskLimits> scoped, ZoneId zone, BigDecimal globalRate, Integer globalBurst,
            Supplier<List<RiskCheck>> added, AuditTrail audit, BreakerBoard.Keeper keeper) {
        this.global = global;
        this.scoped = Map.copyOf(scoped);
        this.added = added;
        this.audit = audit;
        this.builtIn = builtIn(zone, globalRate, globalBurst);
        this.breakers = new BreakerBoard(this::limitsOf, this::zone, keeper);
    }

    BreakerBoard breakers() {
        return breakers;
    }

    private List<RiskCheck> builtIn(ZoneId tradingZone, BigDecimal rate, Integer burst) {
        this.zone = tradingZone;
        this.globalRate = rate;
        this.globalBurst = burst;
        ScopedLimits limits = this::limitsOf;
        return List.of(new InstrumentListCheck(limits), new OrderSizeCheck(limits), new PriceCollarCheck(limits),
                new PositionCheck(limits), new ExposureCheck(limits), new OpenOrdersCheck(limits), new OrdersPerDayCheck(limits, tradingZone),
                new OrderRateCheck(limits, rate, burst), new DuplicateOrderCheck(limits), new BuyingPowerCheck(limits));
    }

    RiskLimits limitsOf(String strategyId) {
        RiskLimits own = scoped.get(strategyId);
        return own == null ? global : own.over(global);
    }

    /**
     * New limits from the configuration, in force from the next order. The counters (orders today, rates,
     * recent orders) carry on, unless the trading zone or the global rate changed: then they start again.
     */
    synchronized void reconfigure(RiskLimits runtime, Map<String, RiskLimits> instances, Map<String, String> refused, ZoneId tradingZone,
            BigDecimal rate, Integer burst) {
        this.global = runtime;
        this.scoped = Map.copyOf(instances);
        this.problems = Map.copyOf(refused);
        if (!tradingZone.equals(zone) || !java.util.Objects.equals(rate, globalRate) || !java.util.Objects.equals(burst, globalBurst)) {
            this.builtIn = builtIn(tradingZone, rate, burst);
        }
    }

    Map<String, String> problems() {
        return problems;
    }

    synchronized ZoneId zone() {
        return zone;
    }

    synchronized BigDecimal globalRate() {
        return globalRate;
    }

    synchronized Integer globalBurst() {
        return globalBurst;
    }

    Map<String, RiskLimits> scoped() {
        return scoped;
    }

    RiskLimits global() {
        return global;
    }

    void kill(KillSwitchState state) {
        this.kill = state;
    }

    KillSwitchState killSwitch() {
        return kill;
    }

    void exempt(ClientOrderId id) {
        exempt.add(id);
    }

    @Override
    public void venueAnswered(String strategyId, boolean rejected, java.time.Instant time) {
        breakers.venueAnswer(strategyId, rejected, time);
    }

    @Override
    public MarginRules margin(String strategyId) {
        return limitsOf(strategyId).margin();
    }

    @Override
    public RiskRefusal check(PreTradeOrder order, RiskContext books) {
        if (exempt.remove(order.id())) {
            audit.decision(order, "exempt", null);
            return null;
        }
        KillSwitchState k = kill;
        if (k.killed()) {
            return refused(order, "kill-switch", new RiskRefusal(ReasonCode.KILLED, "trading was stopped by " + k.by() + " at " + k.since() + " ("
                    + k.reason() + "); an administrator lifts it with risk:reset"));
        }
        Map<String, String> p = problems;
        if (!p.isEmpty()) {
            String problem = p.containsKey(order.strategyId()) ? p.get(order.strategyId()) : p.get("global");
            if (problem != null) {
                return refused(order, "configuration", new RiskRefusal(ReasonCode.RISK_CONFIG_INVALID, problem));
            }
        }
        RiskRefusal tripped = breakers.check(order, books);
        if (tripped != null) {
            return refused(order, "breaker", tripped);
        }
        for (RiskCheck c : builtIn) {
            RiskRefusal r = c.check(order, books);
            if (r != null) {
                breakers.outcome(order, true, books);
                return refused(order, c.name(), r);
            }
        }
        for (RiskCheck c : added.get()) {
            RiskRefusal r;
            try {
                r = c.check(order, books);
            } catch (RuntimeException e) {
                LOG.error("risk check {} failed on order {}: {}", c.name(), order.id(), e.toString());
                r = new RiskRefusal(ReasonCode.RISK_CHECK_FAILED, "risk check " + c.name() + " failed: " + e);
            }
            if (r != null) {
                breakers.outcome(order, true, books);
                return refused(order, c.name(), r);
            }
        }
        for (RiskCheck c : builtIn) {
            if (c instanceof CountingCheck counting) {
                counting.passed(order);
            }
        }
        breakers.outcome(order, false, books);
        audit.decision(order, null, null);
        return null;
    }

    private RiskRefusal refused(PreTradeOrder order, String check, RiskRefusal refusal) {
        audit.decision(order, check, refusal);
        return refusal;
    }
}
