package io.quiver.sdk;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Position;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.slf4j.Logger;

/**
 * Everything a strategy instance may see and do. The same context is given in backtest, paper and live
 * mode; only what stands behind it differs. Not thread-safe: use it from the strategy's callbacks only.
 */
@ProviderType
public interface StrategyContext {

    /** The instance id, e.g. {@code sma-demo}. */
    String strategyId();

    /** The current time of this run: simulated in a backtest, the system clock otherwise. */
    Instant now();

    /** The instruments this instance is subscribed to. */
    List<InstrumentId> instruments();

    /** Trading rules of an instrument. */
    Instrument instrument(InstrumentId id);

    /**
     * Enters an order and returns its client order id at once. The outcome arrives later through
     * {@link Strategy#onOrderEvent}; an invalid order is rejected with a reason code, never thrown.
     */
    ClientOrderId submit(OrderRequest request);

    /** Asks to cancel an open order; the result arrives as an order event. Unknown or closed ids are ignored. */
    void cancel(ClientOrderId orderId);

    /** The order with this id, if it belongs to this instance. */
    Optional<Order> order(ClientOrderId orderId);

    /** This instance's orders that are not yet in a terminal state, oldest first. */
    List<Order> openOrders();

    /** This instance's position in an instrument (flat if none). */
    Position position(InstrumentId instrument);

    /** Cash of this instance's account. */
    Money cash();

    /** Cash plus every position marked at its last price. */
    Money equity();

    /** The last {@code capacity} bars of an instrument, newest first; capacity grows to the largest asked for. */
    BarHistory history(InstrumentId instrument, int capacity);

    /** Fires {@link Strategy#onTimer} every {@code period} from now, until cancelled; a name is scheduled once. */
    void scheduleEvery(String name, Duration period);

    /** Fires {@link Strategy#onTimer} once at {@code time}. */
    void scheduleAt(String name, Instant time);

    /** Cancels a timer by name; unknown names are ignored. */
    void cancelTimer(String name);

    /** A small key-value store that survives restarts and bundle updates of this instance. */
    StateStore state();

    /** A logger whose messages carry the instance id. */
    Logger log();
}
