package io.quiver.oms;

import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What the order manager asks before it puts a new order to work: the risk chain. It is called under the
 * order manager's lock, after the order's own checks (quantity, prices, tick and lot) have passed, and
 * only for orders that go to work at once (a bracket's children are checked by their entry).
 */
@ConsumerType
public interface PreTradeGate {

    /** Lets everything through; the order manager's own checks still apply. */
    PreTradeGate NONE = new PreTradeGate() {
        @Override
        public RiskRefusal check(PreTradeOrder order, RiskContext books) {
            return null;
        }

        @Override
        public MarginRules margin(String strategyId) {
            return MarginRules.CASH;
        }
    };

    /** Null to let the order pass, or why it is refused. */
    RiskRefusal check(PreTradeOrder order, RiskContext books);

    /** How much buying power the strategy's orders hold while they are open. */
    MarginRules margin(String strategyId);

    /**
     * A venue answered one of the strategy's orders: accepted it, or {@code rejected} it (the venue's own
     * rejection, not the order manager's or the chain's). Called under the order manager's lock as the
     * answer is applied, never on replay; the default ignores it.
     */
    default void venueAnswered(String strategyId, boolean rejected, java.time.Instant time) {
    }
}
