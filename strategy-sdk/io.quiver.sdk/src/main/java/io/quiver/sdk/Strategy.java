package io.quiver.sdk;

import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.Quote;
import io.quiver.sdk.model.TimerEvent;
import io.quiver.sdk.model.Trade;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A trading strategy. Register an implementation as a Declarative Services component providing this
 * interface, with a typed configuration ({@code @ObjectClassDefinition}); every factory configuration
 * becomes one strategy instance.
 *
 * <p>The platform calls one instance from one thread at a time, in event order, so an implementation
 * needs no locks. Callbacks should return quickly; a callback that throws is counted as a fault and
 * repeated faults quarantine the instance. Everything the strategy needs (orders, positions, time,
 * history, state) comes from the {@link StrategyContext} given to {@link #onStart}.
 */
@ConsumerType
public interface Strategy {

    /** The instance starts; keep the context for later callbacks. */
    void onStart(StrategyContext context);

    /** A bar of a subscribed instrument closed. */
    default void onBar(Bar bar) {
    }

    /** The best bid/ask of a subscribed instrument changed. */
    default void onQuote(Quote quote) {
    }

    /** The market printed a trade on a subscribed instrument. */
    default void onTrade(Trade trade) {
    }

    /** One of this strategy's orders changed state (accepted, filled, cancelled, rejected, expired). */
    default void onOrderEvent(OrderEvent event) {
    }

    /** One of this strategy's orders was (partly) filled; called after {@link #onOrderEvent}. */
    default void onFill(Fill fill) {
    }

    /** A timer scheduled through the context fired. */
    default void onTimer(TimerEvent timer) {
    }

    /** The instance stops; the context's state store is still writable here. */
    default void onStop() {
    }
}
