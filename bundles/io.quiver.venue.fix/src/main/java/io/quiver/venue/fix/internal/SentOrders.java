package io.quiver.venue.fix.internal;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.OrderRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The orders a FIX venue has sent and not yet seen end, with the ClOrdID each is known by at the broker now
 * (its own id until a replace is accepted), the ids of cancel and replace requests, and the executions
 * already reported (a resent ExecutionReport is not a second fill). Thread-safe: orders are entered on
 * strategy threads, reports arrive on the session's.
 */
public final class SentOrders {
    /** An order as sent, and as amended by the replaces the broker accepted. */
    public record Sent(ClientOrderId id, String account, OrderRequest request, String clOrdId) {
    }

    private final Map<ClientOrderId, Sent> open = new HashMap<>();
    private final Map<String, ClientOrderId> requests = new HashMap<>();
    private final Set<String> executions = new HashSet<>();
    private final Set<ClientOrderId> ended = new HashSet<>();
    private final Set<ClientOrderId> cancelsToResend = new LinkedHashSet<>();
    private final Set<ClientOrderId> answered = new HashSet<>();

    /** Adds an order to send; false if it was sent before (the same id is the same order). */
    public synchronized boolean add(ClientOrderId id, String account, OrderRequest request) {
        if (open.containsKey(id) || ended.contains(id)) {
            return false;
        }
        open.put(id, new Sent(id, account, request, id.value()));
        return true;
    }

    public synchronized void remove(ClientOrderId id) {
        open.remove(id);
    }

    public synchronized Optional<Sent> get(ClientOrderId id) {
        return Optional.ofNullable(open.get(id));
    }

    /** Remembers that {@code requestId} (a cancel or replace) is about {@code order}. */
    public synchronized void request(String requestId, ClientOrderId order) {
        requests.put(requestId, order);
    }

    /**
     * The order a ClOrdID names: the order itself, or the order of a cancel or replace request; one not
     * seen in this process (after a restart) is read from the id, whose part before {@code ~} is the order's.
     */
    public synchronized ClientOrderId orderOf(String clOrdId) {
        ClientOrderId known = requests.get(clOrdId);
        if (known != null) {
            return known;
        }
        int tilde = clOrdId.indexOf('~');
        return ClientOrderId.of(tilde > 0 ? clOrdId.substring(0, tilde) : clOrdId);
    }

    /** A replace the broker accepted: the order now works as {@code amended}, known as {@code clOrdId}. */
    public synchronized void replaced(ClientOrderId id, OrderRequest amended, String clOrdId) {
        Sent s = open.get(id);
        if (s != null) {
            open.put(id, new Sent(id, s.account(), amended, clOrdId));
        }
    }

    /** The order is done (filled, cancelled, rejected, expired): no more cancels or replaces for it. */
    public synchronized void ended(ClientOrderId id) {
        open.remove(id);
        ended.add(id);
        answered.remove(id);
        cancelsToResend.remove(id);
    }

    /** The broker has said something of the order (any report): it has it. True the first time. */
    public synchronized boolean answered(ClientOrderId id) {
        return answered.add(id);
    }

    /** The open orders the broker has said nothing of yet: sent just before a line dropped, perhaps never received. */
    public synchronized List<Sent> unanswered() {
        return open.values().stream().filter(s -> !answered.contains(s.id())).toList();
    }

    /** True the first time an execution id is seen. */
    public synchronized boolean firstReport(String execId) {
        return executions.add(execId);
    }

    public synchronized void cancelLater(ClientOrderId id) {
        cancelsToResend.add(id);
    }

    public synchronized List<ClientOrderId> takeCancelsToResend() {
        List<ClientOrderId> ids = new ArrayList<>(cancelsToResend);
        cancelsToResend.clear();
        return ids;
    }
}
