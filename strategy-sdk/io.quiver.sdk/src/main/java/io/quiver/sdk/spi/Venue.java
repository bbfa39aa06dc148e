package io.quiver.sdk.spi;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderType;
import java.time.Instant;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where orders go: a simulated exchange, a paper account or a live broker, registered as an OSGi
 * service. The platform opens the venue once with its listener and reports every order event through it.
 * A venue that simulates fills from market data also implements {@link MarketDataListener}; the
 * platform then gives it each event before the strategies see it.
 */
@ConsumerType
public interface Venue {

    /** Service property holding the venue id. */
    String ID_PROPERTY = "venue.id";

    /** A stable id, e.g. {@code sim}. */
    String id();

    /** Attaches the platform; events for every account are reported to {@code listener}. */
    void open(ExecutionListener listener);

    /**
     * Sends an order for {@code account} (the strategy instance id). The answer (accepted, rejected,
     * fills) comes through the listener, possibly before this method returns.
     */
    void submit(String account, ClientOrderId orderId, OrderRequest request, Instant time);

    /** Asks to cancel an open order; unknown or closed ids are ignored. */
    void cancel(ClientOrderId orderId, Instant time);

    /**
     * True when this venue executes {@code type} itself. The order manager holds the other types and
     * emulates them from market data, sending a market or limit order here when they trigger.
     */
    default boolean supportsNatively(OrderType type) {
        return type == OrderType.MARKET || type == OrderType.LIMIT;
    }

    /** True when {@link #modify} is implemented. */
    default boolean supportsModify() {
        return false;
    }

    /**
     * Asks to change the quantity or prices of a working order to those of {@code amended}; the outcome
     * arrives as {@code Modified} or {@code ModifyRejected}. Only called when {@link #supportsModify()}.
     */
    default void modify(ClientOrderId orderId, OrderRequest amended, Instant time) {
        throw new UnsupportedOperationException("venue " + id() + " cannot modify orders");
    }

    /**
     * Runs several of the calls above, made by the calling thread, as one unit: a venue that persists what
     * it is told may save once for all of them and report their outcomes after that. The default runs them
     * as they come.
     */
    default void inBatch(Runnable calls) {
        calls.run();
    }

    /** True when {@link #inBatch} makes one unit of its calls (one save for all); false when it runs them one by one. */
    /** What fills cost here, in words (commission, slippage, fill limits), for results to name; empty if nothing. */
    default String costs() {
        return "";
    }

    default boolean batches() {
        return false;
    }

    /** Detaches the platform; open orders stay as they are. */
    void close();
}
