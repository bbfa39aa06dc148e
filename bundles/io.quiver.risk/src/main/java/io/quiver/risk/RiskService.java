package io.quiver.risk;

import io.quiver.oms.PreTradeGate;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.spi.RiskContext;
import java.util.Collection;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The runtime's risk layer: the chain of checks the order manager asks before every new order, the kill
 * switch, and the audit trail of every decision. Configured by {@code etc/io.quiver.risk.cfg} and one
 * {@code etc/io.quiver.risk.strategy-<name>.cfg} per instance; changes apply at once.
 */
@ProviderType
public interface RiskService {

    /** The chain the paper and live runtime's order manager uses: audited, with the kill switch. */
    PreTradeGate gate();

    /** A fresh chain on the limits in force now, for one backtest: its own counters, no kill switch, no audit. */
    PreTradeGate backtestGate();

    /**
     * A fresh chain for one backtest of several instances (a portfolio): the limits in force now, with
     * {@code instanceLimits} over them for the instances they name (over the instance's own scope, if it has one).
     */
    PreTradeGate backtestGate(java.util.Map<String, RiskLimits> instanceLimits);

    RiskStatus status();

    /** The limits in force for each of {@code strategies}, with their usage read from {@code books}. */
    List<LimitUsage> limits(RiskContext books, Collection<String> strategies);

    /**
     * Throws the kill switch: from now on every new order is refused ({@code KILLED}) until {@link #reset}.
     * Journaled before it returns, so it holds across a crash; audited with {@code who} and {@code reason}.
     * Cancelling the open orders and flattening is the runtime's part.
     */
    void kill(String who, String reason);

    /** Lifts the kill switch; audited. Does nothing when it is not thrown. */
    void reset(String who);

    /**
     * Judges the breakers of {@code strategies} on the books now, so that a loss trips a breaker even while
     * no order is sent; the runtime calls it about every second, under the order manager's lock.
     */
    void evaluate(RiskContext books, Collection<String> strategies);

    /** Lifts a tripped breaker of one instance; audited. Returns false when it was not tripped. */
    boolean resetBreaker(String strategyId, String who);

    /** Lets one order with this id pass a thrown kill switch and every check: the orders that flatten positions. */
    void exempt(ClientOrderId id);

    /** The last {@code n} lines of the audit trail, oldest first. */
    List<String> audit(int n);
}
