package io.quiver.risk;

import io.quiver.oms.PreTradeGate;
import io.quiver.risk.internal.RiskChainFactory;
import java.util.Map;

/** Risk chains for runs outside the OSGi runtime, such as {@code bin/quiver-backtest}. */
public final class RiskChains {
    private RiskChains() {
    }

    /**
     * A chain for one backtest on the runtime's risk configuration (the entries of {@code etc/io.quiver.risk.cfg};
     * empty for the defaults): its own counters, no kill switch, no audit.
     *
     * @throws IllegalArgumentException naming the key of a bad value
     */
    public static PreTradeGate backtest(Map<String, ?> config) {
        return RiskChainFactory.backtest(config, Map.of());
    }

    /** A chain for one backtest of several instances: {@code instanceLimits} over the configuration's for the instances they name. */
    public static PreTradeGate backtest(Map<String, ?> config, Map<String, RiskLimits> instanceLimits) {
        return RiskChainFactory.backtest(config, instanceLimits);
    }

    /**
     * The runtime's risk layer outside the OSGi runtime (tests, benchmarks): the kill switch in
     * {@code journals}' {@code risk} journal, the audit trail in {@code auditFile}.
     */
    public static RiskService service(io.quiver.oms.JournalStore journals, Map<String, Object> config, java.nio.file.Path auditFile) {
        return new io.quiver.risk.internal.RiskComponent(journals, config, auditFile);
    }
}
