package io.quiver.venue.alpaca.internal;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An order this venue sent, as far as the broker has told of it. The broker's ids and the cancel or
 * replacement on its way are written by the thread that talks REST; what was reported (acceptance, the
 * filled quantity, the end) only by the thread that reports events, so each is reported once.
 */
public final class TrackedOrder {
    /** A replacement asked for: its client order id and the order it makes. */
    public record Amend(String clientOrderId, OrderRequest request) {
    }

    public final ClientOrderId id;
    public final String account;
    public final Instant created;
    /** The broker's ids of this order and of every order that replaced it. */
    public final Set<String> brokerIds = ConcurrentHashMap.newKeySet();
    public volatile OrderRequest request;
    /** The broker's id of the order working now (the last replacement); null until the broker answers. */
    public volatile String brokerId;
    public volatile Amend pendingAmend;
    /** The broker's answer to the order was lost: it may or may not hold it. */
    public volatile boolean unanswered;
    /** The order's POST has been answered or given up on. */
    public volatile boolean posted;
    /** A cancel could not be sent; it is sent again when the stream is back. */
    public volatile boolean cancelWanted;

    // reported state: the events thread only
    public BigDecimal filled = BigDecimal.ZERO;
    public boolean accepted;
    public boolean done;

    public TrackedOrder(ClientOrderId id, String account, OrderRequest request, Instant created) {
        this.id = id;
        this.account = account;
        this.request = request;
        this.created = created;
    }

    public void brokerId(String id) {
        brokerId = id;
        brokerIds.add(id);
    }
}
