package io.quiver.risk.internal;

import io.quiver.risk.RiskLimits;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * One strategy instance's own limits: a factory configuration {@code etc/io.quiver.risk.strategy-<name>.cfg}
 * with {@code strategy.id} and any of the risk settings. A bad value does not make the scope vanish: it is
 * kept with its problem, and the risk chain refuses the instance's orders until it is fixed.
 */
@Component(service = StrategyRiskScope.class, configurationPid = "io.quiver.risk.strategy", configurationPolicy = ConfigurationPolicy.REQUIRE)
@org.osgi.service.metatype.annotations.Designate(ocd = StrategyRiskScope.Config.class, factory = true)
public final class StrategyRiskScope {
    /** The keys an instance's limits take most often; every key of etc/io.quiver.risk.cfg but the runtime-only ones is allowed (docs/risk.md). */
    @org.osgi.service.metatype.annotations.ObjectClassDefinition(name = "Quiver risk limits of one strategy instance")
    public @interface Config {
        @org.osgi.service.metatype.annotations.AttributeDefinition(description = "the instance these limits are for")
        String strategy_id();

        @org.osgi.service.metatype.annotations.AttributeDefinition(description = "largest position per instrument, counting open orders")
        String position_max() default "";

        @org.osgi.service.metatype.annotations.AttributeDefinition(description = "largest quantity of one order")
        String order_quantity_max() default "";

        @org.osgi.service.metatype.annotations.AttributeDefinition(description = "allow short sales")
        String short_allowed() default "";

        @org.osgi.service.metatype.annotations.AttributeDefinition(description = "trip when the day's loss exceeds this")
        String breaker_daily_loss_max() default "";
    }

    final String pid;
    final String strategyId;
    final RiskLimits limits;
    final String problem;

    @Activate
    public StrategyRiskScope(Map<String, Object> properties) {
        this.pid = String.valueOf(properties.getOrDefault("felix.fileinstall.filename", properties.get("service.pid")));
        Object id = properties.get("strategy.id");
        String sid = id == null ? "" : id.toString().trim();
        RiskLimits parsed = null;
        String why = null;
        if (sid.isEmpty()) {
            why = "strategy.id: missing; it names the instance these limits are for";
        } else {
            try {
                parsed = RiskLimits.parse(properties, false);
            } catch (IllegalArgumentException e) {
                why = e.getMessage();
            }
        }
        this.strategyId = sid.isEmpty() ? pid : sid;
        this.limits = parsed;
        this.problem = why == null ? null : why + " (" + pid + ")";
    }
}
