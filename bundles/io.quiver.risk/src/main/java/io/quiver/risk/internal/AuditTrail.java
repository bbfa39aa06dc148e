package io.quiver.risk.internal;

import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskRefusal;
import java.time.Instant;

/** Where the risk chain reports its decisions and state changes. */
interface AuditTrail {
    AuditTrail NONE = new AuditTrail() {
        @Override
        public void decision(PreTradeOrder order, String check, RiskRefusal refusal) {
            // backtests are re-run, not audited
        }

        @Override
        public void state(Instant time, String scope, String state, String by, String reason) {
            // nothing to record
        }
    };

    /** One order's outcome: passed ({@code refusal} null) or refused by {@code check}. */
    void decision(PreTradeOrder order, String check, RiskRefusal refusal);

    /** A scope changed state: the kill switch thrown or reset, a configuration refused. */
    void state(Instant time, String scope, String state, String by, String reason);
}
