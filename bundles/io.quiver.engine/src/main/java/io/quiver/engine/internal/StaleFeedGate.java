package io.quiver.engine.internal;

import io.quiver.oms.MarginRules;
import io.quiver.oms.PreTradeGate;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;
import java.util.Optional;
import java.util.function.Function;

/**
 * Refuses new orders of a strategy whose market-data feed has gone silent ({@code STALE_MARKET_DATA}), then
 * asks the risk chain. A strategy deciding on prices that stopped coming trades blind; cancels are not
 * orders and still go, and so do the orders the kill switch sends to flatten.
 */
final class StaleFeedGate implements PreTradeGate {
    private final PreTradeGate risk;
    private final Function<String, Optional<String>> staleFeedOf;

    /** @param staleFeedOf for a strategy id, why its feed counts as stale now; empty while it is fresh */
    StaleFeedGate(PreTradeGate risk, Function<String, Optional<String>> staleFeedOf) {
        this.risk = risk;
        this.staleFeedOf = staleFeedOf;
    }

    @Override
    public RiskRefusal check(PreTradeOrder order, RiskContext books) {
        if (!order.id().value().startsWith(StrategyRuntimeComponent.FLATTEN_PREFIX)) {
            Optional<String> stale = staleFeedOf.apply(order.strategyId());
            if (stale.isPresent()) {
                return new RiskRefusal(ReasonCode.STALE_MARKET_DATA, stale.get());
            }
        }
        return risk.check(order, books);
    }

    @Override
    public MarginRules margin(String strategyId) {
        return risk.margin(strategyId);
    }
}
