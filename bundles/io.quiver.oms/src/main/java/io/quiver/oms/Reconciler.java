package io.quiver.oms;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.spi.ReconcilableVenue;
import io.quiver.sdk.spi.VenueAccount;
import io.quiver.sdk.spi.VenueOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One reconciliation of the books with a venue, in this order, per account on the venue:
 * <ol>
 * <li>fills: every venue fill not booked here (by execution id) is a {@link Discrepancy#MISSED_FILL};</li>
 * <li>orders this side thinks open and sent: never received by the venue ({@link Discrepancy#NEVER_SENT},
 * rejected here and not sent again), acknowledged there but not here ({@link Discrepancy#MISSED_ACK}),
 * closed there ({@link Discrepancy#CLOSED_AT_VENUE}), or unknown there ({@link Discrepancy#UNKNOWN_AT_VENUE});</li>
 * <li>orders open at the venue that this side does not know ({@link Discrepancy#UNKNOWN_ORDER}, reported only);</li>
 * <li>positions and cash, compared after the above.</li>
 * </ol>
 * With {@link ReconciliationPolicy#SYNC} the venue's side is applied to orders and fills; with
 * {@link ReconciliationPolicy#HALT} nothing is changed and orders to the venue are halted if anything differs.
 * Position or cash differences that remain after syncing cannot be explained by orders and always halt.
 */
final class Reconciler {
    private final OrderManager books;
    private final ReconcilableVenue venue;
    private final ReconciliationPolicy policy;
    private final Instant now;
    private final List<Discrepancy> found = new ArrayList<>();
    private boolean unresolved;
    private int ordersChecked;
    private final Set<String> checkedExecutions = new HashSet<>();

    Reconciler(OrderManager books, ReconcilableVenue venue, ReconciliationPolicy policy, Instant now) {
        this.books = books;
        this.venue = venue;
        this.policy = policy;
        this.now = now;
    }

    ReconciliationReport run() {
        Map<String, Account> accounts = books.accountsOn(venue.id());
        for (Map.Entry<String, Account> a : accounts.entrySet()) {
            venue.openAccount(a.getKey(), a.getValue().startingCash());
            reconcileFills(a.getKey());
            reconcileOrders(a.getKey());
            reconcileBalances(a.getKey(), a.getValue(), 0);
        }
        boolean halted = unresolved || (policy == ReconciliationPolicy.HALT && !found.isEmpty());
        return new ReconciliationReport(venue.id(), now, policy, accounts.size(), ordersChecked, checkedExecutions.size(), found, halted);
    }

    private boolean sync() {
        return policy == ReconciliationPolicy.SYNC;
    }

    /** Books the venue's fills the books lack (with SYNC); returns how many it booked. */
    private int reconcileFills(String account) {
        Map<ClientOrderId, WorkingOrder> orders = books.ordersForReconciliation();
        // Only an order the books think open can have a fill they missed; none can be older than the oldest of them.
        Instant since = null;
        for (WorkingOrder w : orders.values()) {
            if (w.strategyId.equals(account) && w.isSent() && w.status.isOpen() && (since == null || w.created.isBefore(since))) {
                since = w.created;
            }
        }
        if (since == null) {
            return 0;
        }
        int booked = 0;
        for (Fill fill : venue.fillsSince(account, since)) {
            checkedExecutions.add(fill.executionId());
            if (books.isBooked(fill.executionId())) {
                continue;
            }
            WorkingOrder w = orders.get(fill.orderId());
            String detail = fill.side() + " " + fill.quantity() + " " + fill.instrument() + " @ " + fill.price() + " exec " + fill.executionId();
            if (w == null && books.wasForgotten(fill.time())) {
                continue; // booked long ago; the order was closed before the journal was compacted
            }
            if (w == null) {
                found.add(new Discrepancy(Discrepancy.UNKNOWN_FILL, account, fill.orderId().value(), detail, "reported; books unchanged"));
                unresolved = true;
                continue;
            }
            if (!sync()) {
                found.add(new Discrepancy(Discrepancy.MISSED_FILL, account, w.id.value(), detail, "halted; not booked"));
                continue;
            }
            if (w.status == OrderStatus.NEW && w.isSent()) {
                books.applyFromReconciliation(w, new OrderEvent.Accepted(w.id, fill.time()));
            }
            Qty after = w.filled.plus(fill.quantity());
            OrderStatus status = after.compareTo(w.request.quantity()) == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
            books.applyFromReconciliation(w, new OrderEvent.Filled(w.id, fill.time(), fill, status));
            found.add(new Discrepancy(Discrepancy.MISSED_FILL, account, w.id.value(), detail, "booked"));
            booked++;
        }
        return booked;
    }

    private void reconcileOrders(String account) {
        Set<ClientOrderId> openHere = new HashSet<>();
        for (WorkingOrder w : List.copyOf(books.ordersForReconciliation().values())) {
            if (!w.strategyId.equals(account) || !w.status.isOpen() || !w.isSent()) {
                continue;
            }
            ordersChecked++;
            openHere.add(w.id);
            Optional<VenueOrder> there = venue.order(w.id);
            if (there.isEmpty()) {
                boolean neverAcked = w.status == OrderStatus.NEW;
                String kind = neverAcked ? Discrepancy.NEVER_SENT : Discrepancy.UNKNOWN_AT_VENUE;
                String detail = "books: " + w.status + "; venue: no such order";
                if (!sync()) {
                    found.add(new Discrepancy(kind, account, w.id.value(), detail, "halted; unchanged"));
                } else if (neverAcked) {
                    books.applyFromReconciliation(w, new OrderEvent.Rejected(w.id, now, ReasonCode.NOT_SENT_BEFORE_RESTART.code(),
                            "the venue never received the order before the restart; it is not sent again"));
                    found.add(new Discrepancy(kind, account, w.id.value(), detail, "rejected " + ReasonCode.NOT_SENT_BEFORE_RESTART.code()));
                } else {
                    books.applyFromReconciliation(w, new OrderEvent.Cancelled(w.id, now, "unknown at venue " + venue.id() + " after restart"));
                    found.add(new Discrepancy(kind, account, w.id.value(), detail, "cancelled"));
                }
                continue;
            }
            VenueOrder v = there.get();
            if (w.status == OrderStatus.NEW) {
                if (sync()) {
                    books.applyFromReconciliation(w, new OrderEvent.Accepted(w.id, now));
                }
                found.add(new Discrepancy(Discrepancy.MISSED_ACK, account, w.id.value(), "books: NEW; venue: " + v.status(),
                        sync() ? "accepted" : "halted; unchanged"));
            }
            if (v.status().isTerminal() && w.status.isOpen() && v.status() != OrderStatus.FILLED) {
                String detail = "books: " + w.status + "; venue: " + v.status() + " with " + v.filledQuantity() + " filled";
                if (sync()) {
                    OrderEvent close = switch (v.status()) {
                        case EXPIRED -> new OrderEvent.Expired(w.id, now);
                        case REJECTED -> new OrderEvent.Rejected(w.id, now, ReasonCode.VENUE_REJECTED.code(), "rejected at venue " + venue.id());
                        default -> new OrderEvent.Cancelled(w.id, now, "closed at venue " + venue.id() + " while the runtime was down");
                    };
                    if (OrderStateMachine.isLegal(w.status, OrderStateMachine.Kind.of(close))) {
                        books.applyFromReconciliation(w, close);
                        found.add(new Discrepancy(Discrepancy.CLOSED_AT_VENUE, account, w.id.value(), detail, "closed as " + v.status()));
                    } else {
                        found.add(new Discrepancy(Discrepancy.CLOSED_AT_VENUE, account, w.id.value(), detail, "cannot apply; reported"));
                        unresolved = true;
                    }
                } else {
                    found.add(new Discrepancy(Discrepancy.CLOSED_AT_VENUE, account, w.id.value(), detail, "halted; unchanged"));
                }
            } else if (v.filledQuantity().compareTo(w.filled) != 0 && sync() && !caughtUp(account, w, v)) {
                found.add(new Discrepancy(Discrepancy.POSITION_MISMATCH, account, w.id.value(), "books filled " + w.filled
                        + "; venue filled " + v.filledQuantity(), "reported"));
                unresolved = true;
            }
        }
        for (VenueOrder v : venue.openOrders(account)) {
            if (!openHere.contains(v.id()) && books.ordersForReconciliation().get(v.id()) == null) {
                found.add(new Discrepancy(Discrepancy.UNKNOWN_ORDER, account, v.id().value(), v.request() + " " + v.status(),
                        "reported; left working at the venue"));
                unresolved = true;
            }
        }
    }

    /**
     * A venue that trades on while it is reconciled can fill an order after its fills were read: read them
     * again, book what is new, and see whether the books now agree.
     */
    private boolean caughtUp(String account, WorkingOrder w, VenueOrder v) {
        reconcileFills(account);
        return venue.order(w.id).map(VenueOrder::filledQuantity).orElse(v.filledQuantity()).compareTo(w.filled) == 0;
    }

    private void reconcileBalances(String account, Account books, int pass) {
        VenueAccount there = venue.account(account);
        if (sync() && reconcileFills(account) > 0 && pass < 3) {
            // the venue filled more while it was read: the balances just read may not include it; look again
            reconcileBalances(account, books, pass + 1);
            return;
        }
        Set<InstrumentId> instruments = new TreeSet<>(there.positions().keySet());
        books.instruments().forEach(instruments::add);
        Map<InstrumentId, String> differ = new TreeMap<>();
        for (InstrumentId i : instruments) {
            Qty here = books.quantity(i);
            Qty venueQty = there.positions().getOrDefault(i, Qty.ZERO);
            if (here.compareTo(venueQty) != 0) {
                differ.put(i, "books " + here + ", venue " + venueQty);
            }
        }
        boolean halting = !sync();
        differ.forEach((i, d) -> {
            found.add(new Discrepancy(Discrepancy.POSITION_MISMATCH, account, null, i + ": " + d, halting ? "halted" : "halted; needs an operator"));
            unresolved = true;
        });
        // capital a portfolio moved between its accounts is the order manager's allocation; the venue is not told of it
        Money cash = books.cash().minus(books.transferred());
        if (cash.compareTo(there.cash()) != 0) {
            found.add(new Discrepancy(Discrepancy.CASH_MISMATCH, account, null, "books " + cash + ", venue " + there.cash(),
                    halting ? "halted" : "halted; needs an operator"));
            unresolved = true;
        }
    }
}
