package io.quiver.risk.internal;

import io.quiver.risk.RiskLimits;

/** The limits in force for one strategy instance: its own where set, the runtime's otherwise. */
@FunctionalInterface
interface ScopedLimits {
    RiskLimits of(String strategyId);
}
