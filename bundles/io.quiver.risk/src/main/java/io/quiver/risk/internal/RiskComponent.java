package io.quiver.risk.internal;

import io.quiver.sdk.spi.JournalFields;
import io.quiver.oms.JournalStore;
import io.quiver.oms.OrderJournal;
import io.quiver.oms.PreTradeGate;
import io.quiver.risk.KillSwitchState;
import io.quiver.risk.LimitUsage;
import io.quiver.risk.RiskLimits;
import io.quiver.risk.RiskService;
import io.quiver.risk.RiskStatus;
import io.quiver.risk.TradingState;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.spi.RiskCheck;
import io.quiver.sdk.spi.RiskContext;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk layer of the paper and live runtime. Reads the runtime's limits from {@code io.quiver.risk}
 * and each instance's from the factory configurations {@code io.quiver.risk.strategy}, tracks the
 * {@link RiskCheck} services other bundles register, keeps the kill switch in its own journal
 * ({@code risk}) and writes every decision to the audit trail. A configuration that cannot be read is
 * logged in one line naming the key and refuses every order of its scope until it is fixed: the layer
 * fails closed, never open.
 *
 * <p>The configuration is read as a map on purpose: a misspelt key must be refused, not ignored, and
 * only the map shows the keys that were given. The metatype below documents them.
 */
@Component(service = RiskService.class, immediate = true, configurationPid = "io.quiver.risk")
@Designate(ocd = RiskComponent.Config.class)
public final class RiskComponent implements RiskService {
    private static final Logger LOG = LoggerFactory.getLogger(RiskComponent.class);

    @ObjectClassDefinition(name = "Quiver risk limits", description = "The runtime's pre-trade limits; blank is off. "
            + "One etc/io.quiver.risk.strategy-<name>.cfg per instance overrides them key by key (see docs/risk.md).")
    public @interface Config {
        @AttributeDefinition(description = "comma-separated symbols that may be traded; empty: all")
        String instruments_allowed() default "";

        @AttributeDefinition(description = "comma-separated symbols that may not be traded")
        String instruments_blocked() default "";

        @AttributeDefinition(description = "largest quantity of one order")
        String order_quantity_max() default "";

        @AttributeDefinition(description = "largest value of one order")
        String order_notional_max() default "";

        @AttributeDefinition(description = "largest position per instrument, counting open orders")
        String position_max() default "";

        @AttributeDefinition(description = "largest gross exposure of an instance")
        String exposure_gross_max() default "";

        @AttributeDefinition(description = "largest net exposure of an instance")
        String exposure_net_max() default "";

        @AttributeDefinition(description = "most open orders of an instance")
        String orders_open_max() default "";

        @AttributeDefinition(description = "most orders of an instance per trading day")
        String orders_day_max() default "";

        @AttributeDefinition(description = "orders per second of an instance")
        String orders_rate_max() default "";

        @AttributeDefinition(description = "orders per second of the whole runtime")
        String orders_rate_global_max() default "";

        @AttributeDefinition(description = "limit price collar in percent of the reference price")
        String collar_percent() default "";

        @AttributeDefinition(description = "limit price collar in ticks")
        String collar_ticks() default "";

        @AttributeDefinition(description = "duplicate-order window, ISO-8601 (PT1S)")
        String duplicate_window() default "";

        @AttributeDefinition(description = "refuse orders the free cash cannot cover")
        boolean buying_power() default true;

        @AttributeDefinition(description = "allow short sales")
        boolean short_allowed() default false;

        @AttributeDefinition(description = "trip when the day's loss exceeds this")
        String breaker_daily_loss_max() default "";

        @AttributeDefinition(description = "trip when equity falls more than this percent below its peak")
        String breaker_drawdown_max_percent() default "";

        @AttributeDefinition(description = "trip when more than this percent of the latest orders were refused")
        String breaker_reject_rate_max_percent() default "";

        @AttributeDefinition(description = "trip when more than this percent of the latest venue answers were rejections")
        String breaker_error_rate_max_percent() default "";

        @AttributeDefinition(description = "what a trip does: HALTED or REDUCING")
        String breaker_action() default "HALTED";

        @AttributeDefinition(description = "time zone of the trading day")
        String trading_zone() default "UTC";
    }

    private final Clock clock = Clock.systemUTC();
    private final OrderJournal journal;
    private final AuditFile audit;
    private final List<RiskCheck> added = new CopyOnWriteArrayList<>();
    private final List<StrategyRiskScope> scopes = new CopyOnWriteArrayList<>();
    private final RiskChain chain;
    private volatile Map<String, Object> config;

    @Activate
    public RiskComponent(@Reference JournalStore journals, Map<String, Object> properties) {
        this(journals, properties, Path.of(System.getProperty("karaf.data", "data")).resolve("log").resolve("quiver-audit.json"));
    }

    /** The same outside the OSGi runtime (tests, benchmarks), with the audit trail in {@code auditFile}. */
    public RiskComponent(JournalStore journals, Map<String, Object> properties, Path auditFile) {
        this.journal = journals.open("risk");
        this.audit = new AuditFile(auditFile, 50L << 20, 10);
        this.config = properties;
        this.chain = new RiskChain(RiskLimits.DEFAULTS, Map.of(), java.time.ZoneOffset.UTC, null, null, () -> added, audit, keeper());
        chain.kill(replayKillSwitch());
        chain.breakers().trips().values().forEach(t -> LOG.warn("strategy {} is {} since {} (a breaker tripped: {}); risk:reset -s {} lifts it",
                t.strategyId(), t.state(), t.time(), t.reason(), t.strategyId()));
        apply();
        KillSwitchState k = chain.killSwitch();
        if (k.killed()) {
            LOG.warn("the kill switch is thrown (by {} at {}: {}); every new order is refused until risk:reset", k.by(), k.since(), k.reason());
        }
    }

    @Modified
    void modified(Map<String, Object> properties) {
        this.config = properties;
        apply();
    }

    @Deactivate
    public void deactivate() {
        audit.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheck(RiskCheck check) {
        added.add(check);
        added.sort(Comparator.comparing(RiskCheck::name));
        LOG.info("risk check {} added", check.name());
    }

    void removeCheck(RiskCheck check) {
        added.remove(check);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addScope(StrategyRiskScope scope) {
        scopes.add(scope);
        apply();
    }

    void removeScope(StrategyRiskScope scope) {
        scopes.remove(scope);
        apply();
    }

    /** Reads every configuration into the chain; what cannot be read refuses its scope's orders. */
    private synchronized void apply() {
        Map<String, String> problems = new TreeMap<>();
        RiskLimits global = RiskLimits.DEFAULTS;
        ZoneId zone = java.time.ZoneOffset.UTC;
        BigDecimal[] rate = null;
        try {
            global = RiskLimits.parse(config, true).over(RiskLimits.DEFAULTS);
            zone = RiskLimits.zone(config);
            rate = RiskLimits.globalRate(config);
        } catch (IllegalArgumentException e) {
            problems.put("global", e.getMessage() + " (etc/io.quiver.risk.cfg)");
        }
        Map<String, RiskLimits> scoped = new TreeMap<>();
        Map<String, String> owner = new TreeMap<>();
        List<StrategyRiskScope> sorted = new ArrayList<>(scopes);
        sorted.sort(Comparator.comparing(s -> s.pid)); // the same winner at every boot: the first file name
        for (StrategyRiskScope s : sorted) {
            if (owner.containsKey(s.strategyId)) {
                problems.put(s.strategyId, "strategy.id: " + s.strategyId + " has limits in both " + owner.get(s.strategyId) + " and " + s.pid
                        + "; keep one");
            } else if (s.problem != null) {
                problems.put(s.strategyId, s.problem);
                owner.put(s.strategyId, s.pid);
            } else {
                scoped.put(s.strategyId, s.limits);
                owner.put(s.strategyId, s.pid);
            }
        }
        chain.reconfigure(global, scoped, problems, zone, rate == null ? null : rate[0], rate == null || rate[1] == null ? null
                : rate[1].intValueExact());
        problems.forEach((scope, why) -> {
            LOG.error("risk configuration of {} refused: {}; its orders are refused until it is fixed", scope, why);
            audit.state(clock.instant(), scope, "CONFIG_REFUSED", "config", why);
        });
    }

    /** Replays the risk journal: the kill switch, breaker trips and resets, trading-day starts; returns the kill switch. */
    private KillSwitchState replayKillSwitch() {
        KillSwitchState[] state = {KillSwitchState.OFF};
        BreakerBoard board = chain.breakers();
        journal.replay(line -> {
            List<String> v = JournalFields.parse(line);
            switch (v.get(0)) {
                case "KILL" -> state[0] = new KillSwitchState(true, Instant.parse(v.get(1)), v.get(2), v.get(3));
                case "RESET" -> state[0] = KillSwitchState.OFF;
                case "TRIP" -> board.restore(new BreakerBoard.Trip(v.get(1), TradingState.valueOf(v.get(2)), Instant.parse(v.get(3)), v.get(4)));
                case "CLEAR" -> board.reset(v.get(1));
                case "DAY" -> board.restoreDay(v.get(1), java.time.LocalDate.parse(v.get(2)), io.quiver.sdk.model.Money.of(v.get(3)));
                default -> throw new IllegalStateException("unknown risk journal record " + v.get(0));
            }
        });
        return state[0];
    }

    /** Journals breaker trips and trading-day starts, and audits the trips. */
    private BreakerBoard.Keeper keeper() {
        return new BreakerBoard.Keeper() {
            @Override
            public void tripped(BreakerBoard.Trip t) {
                synchronized (RiskComponent.this) {
                    journal.append(JournalFields.record("TRIP").add(t.strategyId()).add(t.state()).add(t.time()).add(t.reason()).toString());
                    journal.commit();
                }
                audit.state(t.time(), t.strategyId(), t.state().name(), "breaker", t.reason());
                LOG.warn("strategy {} is {}: a breaker tripped: {}; risk:reset -s {} lifts it", t.strategyId(), t.state(), t.reason(),
                        t.strategyId());
            }

            @Override
            public void dayStarted(String strategyId, java.time.LocalDate day, io.quiver.sdk.model.Money equity) {
                synchronized (RiskComponent.this) {
                    journal.append(JournalFields.record("DAY").add(strategyId).add(day).add(equity.toBigDecimal().toPlainString()).toString());
                    journal.commit();
                }
            }
        };
    }

    @Override
    public void evaluate(RiskContext books, Collection<String> strategies) {
        chain.breakers().evaluate(books, strategies, clock.instant());
    }

    @Override
    public synchronized boolean resetBreaker(String strategyId, String who) {
        if (chain.breakers().trips().get(strategyId) == null) {
            return false;
        }
        Instant now = clock.instant();
        journal.append(JournalFields.record("CLEAR").add(strategyId).add(now).add(who).toString());
        journal.commit();
        chain.breakers().reset(strategyId);
        audit.state(now, strategyId, TradingState.ACTIVE.name(), who, "breaker reset");
        LOG.warn("strategy {}: breaker reset by {}", strategyId, who);
        return true;
    }

    @Override
    public PreTradeGate gate() {
        return chain;
    }

    @Override
    public PreTradeGate backtestGate() {
        return backtestGate(java.util.Map.of());
    }

    @Override
    public PreTradeGate backtestGate(java.util.Map<String, RiskLimits> instanceLimits) {
        java.util.Map<String, RiskLimits> scoped = new java.util.HashMap<>(chain.scoped());
        instanceLimits.forEach((id, limits) -> scoped.merge(id, limits, RiskLimits::over));
        return new RiskChain(chain.global(), scoped, chain.zone(), chain.globalRate(), chain.globalBurst(), () -> added, AuditTrail.NONE);
    }

    @Override
    public synchronized void kill(String who, String reason) {
        Instant now = clock.instant();
        KillSwitchState state = new KillSwitchState(true, now, who, reason == null || reason.isBlank() ? "no reason given" : reason);
        journal.append(JournalFields.record("KILL").add(now).add(state.by()).add(state.reason()).toString());
        journal.commit();
        chain.kill(state);
        audit.state(now, "global", TradingState.KILLED.name(), who, state.reason());
        LOG.warn("kill switch thrown by {}: {}; every new order is refused until risk:reset", who, state.reason());
    }

    @Override
    public synchronized void reset(String who) {
        if (!chain.killSwitch().killed()) {
            return;
        }
        Instant now = clock.instant();
        journal.append(JournalFields.record("RESET").add(now).add(who).toString());
        journal.commit();
        chain.kill(KillSwitchState.OFF);
        audit.state(now, "global", TradingState.ACTIVE.name(), who, "kill switch reset");
        LOG.warn("kill switch reset by {}; orders pass the risk checks again", who);
    }

    @Override
    public void exempt(ClientOrderId id) {
        chain.exempt(id);
    }

    @Override
    public RiskStatus status() {
        KillSwitchState k = chain.killSwitch();
        Map<String, TradingState> instances = new TreeMap<>();
        chain.scoped().keySet().forEach(id -> instances.put(id, k.killed() ? TradingState.KILLED : TradingState.ACTIVE));
        Map<String, String> breakers = new TreeMap<>();
        chain.breakers().trips().values().forEach(t -> {
            instances.put(t.strategyId(), k.killed() ? TradingState.KILLED : t.state());
            breakers.put(t.strategyId(), t.reason() + " (since " + t.time() + ")");
        });
        Map<String, String> problems = chain.problems();
        problems.keySet().stream().filter(s -> !s.equals("global")).forEach(s -> instances.put(s, TradingState.HALTED));
        TradingState state = k.killed() ? TradingState.KILLED : problems.containsKey("global") ? TradingState.HALTED : TradingState.ACTIVE;
        return new RiskStatus(state, k, instances, problems, breakers);
    }

    @Override
    public List<LimitUsage> limits(RiskContext books, Collection<String> strategies) {
        return LimitTable.rows(chain, books, strategies, clock.instant());
    }

    @Override
    public List<String> audit(int n) {
        return audit.last(n);
    }
}
