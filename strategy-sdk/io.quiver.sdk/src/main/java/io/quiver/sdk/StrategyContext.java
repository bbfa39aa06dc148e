package io.quiver.sdk;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Position;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
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

    /**
     * Enters an order under an id of the caller's choosing, idempotently: if an order with this id exists
     * with the same request, that order stands and nothing is sent again (also after a restart); if it
     * exists with a different request, {@link ClientOrderIdConflictException} is thrown.
     */
    ClientOrderId submit(ClientOrderId orderId, OrderRequest request);

    /**
     * Enters two orders that cancel each other: the first fill of either cancels the other. Returns their
     * ids, {@code <groupId>.1} and {@code <groupId>.2}; idempotent on {@code groupId} like {@link #submit(ClientOrderId, OrderRequest)}.
     */
    List<ClientOrderId> submitOco(ClientOrderId groupId, OrderRequest first, OrderRequest second);

    /**
     * Enters a bracket: {@code entry} now; {@code stopLoss} and {@code takeProfit} (opposite side, same
     * quantity) once the entry is filled, as an OCO pair. Returns the ids {@code <entryId>},
     * {@code <entryId>.sl}, {@code <entryId>.tp}; idempotent on {@code entryId}.
     */
    List<ClientOrderId> submitBracket(ClientOrderId entryId, OrderRequest entry, OrderRequest stopLoss, OrderRequest takeProfit);

    /** A fresh client order id, unique within this runtime, for the methods above. */
    ClientOrderId newOrderId();

    /** Asks to cancel an open order; the result arrives as an order event. Unknown or closed ids are ignored. */
    void cancel(ClientOrderId orderId);

    /**
     * Asks to change an open order's quantity, limit price or stop price (null keeps a value). The result
     * arrives as {@code Modified} or {@code ModifyRejected}; a new quantity must not be below what is filled.
     */
    void modify(ClientOrderId orderId, Qty quantity, Price limitPrice, Price stopPrice);

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

    /**
     * Coarser bars of an instrument, built from its bars as they arrive from now on by its trading sessions
     * ({@link io.quiver.sdk.model.BarAggregator}: five-minute bars from one-minute bars, hourly, daily), the
     * last {@code capacity} complete ones, newest first. A coarse bar is there in the same callback as the
     * bar that completes it. There is no back-fill: the first one is the first whose whole interval came
     * after the call (a partial one is left out).
     */
    BarHistory history(InstrumentId instrument, java.time.Duration interval, int capacity);

    /** Fires {@link Strategy#onTimer} every {@code period} from now, until cancelled; a name is scheduled once. */
    void scheduleEvery(String name, Duration period);

    /**
     * Fires {@link Strategy#onTimer} at every time {@code schedule} gives from now on (e.g.
     * {@code Schedule.cron("55 15 * * MON-FRI", zone)} or {@code Schedule.atClose(instrument, Duration.ofMinutes(-5))}),
     * until cancelled; a name is scheduled once.
     */
    void schedule(String name, Schedule schedule);

    /** Fires {@link Strategy#onTimer} once at {@code time}. */
    void scheduleAt(String name, Instant time);

    /** Cancels a timer by name; unknown names are ignored. */
    void cancelTimer(String name);

    /** A small key-value store that survives restarts and bundle updates of this instance. */
    StateStore state();

    /** A logger whose messages carry the instance id. */
    Logger log();
}
