package io.quiver.risk.internal;

import io.quiver.oms.PreTradeGate;
import io.quiver.risk.RiskLimits;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Builds chains outside the component, for {@link io.quiver.risk.RiskChains}. */
public final class RiskChainFactory {
    private RiskChainFactory() {
    }

    public static PreTradeGate backtest(Map<String, ?> config, Map<String, RiskLimits> instanceLimits) {
        RiskLimits global = RiskLimits.parse(config, true).over(RiskLimits.DEFAULTS);
        BigDecimal[] rate = RiskLimits.globalRate(config);
        return new RiskChain(global, instanceLimits, RiskLimits.zone(config), rate == null ? null : rate[0],
                rate == null || rate[1] == null ? null : rate[1].intValueExact(), List::of, AuditTrail.NONE);
    }
}
