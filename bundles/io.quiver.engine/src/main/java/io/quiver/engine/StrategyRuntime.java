package io.quiver.engine;

import io.quiver.oms.OrderService;
import io.quiver.oms.ReconciliationPolicy;
import io.quiver.oms.ReconciliationReport;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.Position;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The strategy instances running in paper or live mode: one per strategy service (one per factory
 * configuration of a strategy component). Ids are the instances' {@code strategy.id}.
 */
@ProviderType
public interface StrategyRuntime {

    List<InstanceInfo> instances();

    Optional<InstanceInfo> instance(String id);

    /** Starts a stopped (or quarantined) instance; throws IllegalArgumentException for unknown ids. */
    void start(String id);

    /** Stops an instance: its open orders are cancelled and its state saved. */
    void stop(String id);

    /** Orders of one instance, or of every instance when {@code id} is null, oldest first. */
    List<Order> orders(String id);

    /** Positions of one instance (every instrument it ever traded). */
    List<Position> positions(String id);

    /** The orders every instance trades through, as operators may see and handle them: orders, histories, accounts, reconciliation. */
    OrderService orderManager();

    /**
     * Reconciles the books with a venue now, by {@code policy}; a SYNC reconciliation lifts a HALT. Throws
     * IllegalArgumentException for a venue that is unknown or keeps no books to reconcile with.
     */
    ReconciliationReport reconcile(String venueId, ReconciliationPolicy policy);

    /**
     * The kill switch: from now on every new order is refused until {@code risk:reset}; every open order of
     * every instance is cancelled at its venue and, with {@code flatten}, every position is closed with a
     * market order. {@code who} and {@code reason} go to the log and the audit trail.
     */
    KillReport kill(String who, String reason, boolean flatten);

    /** What the kill switch did: the cancels it asked for and the market orders that flatten positions. */
    record KillReport(int cancelsRequested, List<Order> flattening) {
    }

    List<FeedInfo> feeds();

    List<VenueInfo> venues();

    /** A market-data feed known to the runtime; {@code health} is null for a feed that tells none (simulated, replayed). */
    record FeedInfo(String id, boolean running, List<String> instruments, long bars, io.quiver.sdk.spi.FeedHealth health) {
        public FeedInfo(String id, boolean running, List<String> instruments, long bars) {
            this(id, running, instruments, bars, null);
        }
    }

    /**
     * A venue known to the runtime and what it does itself: the order types it executes natively (the order
     * manager emulates the others), whether it modifies orders, makes one unit of a batch of calls, and keeps
     * books the runtime can reconcile with after a restart.
     */
    record VenueInfo(String id, boolean simulated, int instances, java.util.Set<io.quiver.sdk.model.OrderType> nativeTypes, boolean modify,
            boolean batches, boolean reconcilable, String costs) {
        public VenueInfo {
            nativeTypes = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(nativeTypes));
        }
    }
}
