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
public final class StrategyRiskScope {
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
