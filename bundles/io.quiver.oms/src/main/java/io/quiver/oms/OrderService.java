package io.quiver.oms;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.spi.RiskContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What operators and outside callers (the shell, later the web API) may do with orders: query them and
 * their history, enter, change and cancel them, read the books and the reconciliation reports, compact
 * the journal. The {@link OrderManager} is the one implementation; its market-data, venue-event and
 * set-up methods stay with the runtime that wires it.
 */
@ProviderType
public interface OrderService {

    /** One order as it stands, if the books know it. */
    Optional<Order> order(ClientOrderId id);

    /** The orders that pass {@code filter}, oldest first. */
    List<Order> orders(OrderFilter filter);

    /** Every step of one order's life, oldest first. */
    List<OrderHistoryEntry> history(ClientOrderId id);

    /** How many orders an instance has entered. */
    int orderCount(String strategyId);

    /** An instance's cash. */
    Money cash(String strategyId);

    /** Enters an order for an instance; an invalid one is entered and rejected with a reason code. */
    Order submit(String strategyId, ClientOrderId id, OrderRequest request);

    /** Enters two orders that cancel each other: the first to fill cancels the other. */
    List<Order> submitOco(String strategyId, ClientOrderId groupId, OrderRequest first, OrderRequest second);

    /** Enters a bracket: the entry, and a stop-loss and take-profit that protect what it fills. */
    List<Order> submitBracket(String strategyId, ClientOrderId entryId, OrderRequest entry, OrderRequest stopLoss, OrderRequest takeProfit);

    /** Changes an open order's quantity, limit or stop price (null keeps one); the outcome is an event. */
    void modify(ClientOrderId id, Qty quantity, Price limitPrice, Price stopPrice);

    /** Asks for an order to be cancelled. */
    void cancel(ClientOrderId id, String reason);

    /** Asks for every open order of an instance (or of every instance, for null) to be cancelled; returns how many. */
    int cancelAll(String strategyId, String reason);

    /** Reads the books as the risk checks see them. */
    <T> T readBooks(Function<RiskContext, T> reader);

    /** The last reconciliation report of each venue. */
    List<ReconciliationReport> lastReconciliations();

    /** What was counted since start. */
    OrderStats stats();

    /** Rewrites the journal as a snapshot, forgetting orders closed before {@code keepClosedSince}; returns how many it forgot. */
    int compact(Instant keepClosedSince);

    /** The bytes the journal takes on disk. */
    long journalSizeOnDisk();
}
