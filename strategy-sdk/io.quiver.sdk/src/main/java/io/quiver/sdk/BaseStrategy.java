package io.quiver.sdk;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A convenient base for strategies: keeps the context and offers short-hands for common orders.
 * Override {@link #start()} instead of {@link #onStart}.
 */
@ConsumerType
public abstract class BaseStrategy implements Strategy {
    private StrategyContext context;

    @Override
    public final void onStart(StrategyContext context) {
        this.context = context;
        start();
    }

    /** Called once the context is available. */
    protected void start() {
    }

    protected final StrategyContext context() {
        if (context == null) {
            throw new IllegalStateException("the strategy has not been started");
        }
        return context;
    }

    protected final ClientOrderId buyMarket(InstrumentId instrument, Qty quantity) {
        return context().submit(OrderRequest.market(instrument, Side.BUY, quantity));
    }

    protected final ClientOrderId sellMarket(InstrumentId instrument, Qty quantity) {
        return context().submit(OrderRequest.market(instrument, Side.SELL, quantity));
    }
}
