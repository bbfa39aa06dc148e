package io.quiver.oms;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.spi.Venue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an event on one order of an OCO group or a bracket does to the others: a fill cancels the OCO
 * siblings; a bracket entry's fill puts its exits to work for the filled part at once; an entry that
 * ends releases or cancels its exits; a filled exit cancels what is left of its entry. It decides only;
 * the order manager journals and sends.
 */
final class Contingencies {
    private static final Logger LOG = LoggerFactory.getLogger(Contingencies.class);

    /** The order manager's side of a decision, done inside its operation. */
    interface Actions {
        void requestCancel(WorkingOrder w, String reason);

        void cancelLocally(WorkingOrder w, String reason);

        /** A bracket exit starts to work for {@code entry}'s filled quantity. */
        void release(WorkingOrder exit, WorkingOrder entry, Instant now);

        /** A working exit grows to {@code grown}: here if it has not been sent, else by a modification at {@code venue}. */
        void grow(WorkingOrder exit, OrderRequest grown, Venue venue, Instant now);
    }

    private final Function<ClientOrderId, WorkingOrder> orders;
    private final Function<String, Venue> venues;
    private final Supplier<Instant> clock;
    private final Actions actions;

    Contingencies(Function<ClientOrderId, WorkingOrder> orders, Function<String, Venue> venues, Supplier<Instant> clock, Actions actions) {
        this.orders = orders;
        this.venues = venues;
        this.clock = clock;
        this.actions = actions;
    }

    /** After {@code e} was applied to {@code w}. */
    void afterEvent(WorkingOrder w, OrderEvent e) {
        boolean filled = e instanceof OrderEvent.Filled;
        if (filled && w.group != null) {
            for (WorkingOrder sibling : siblings(w)) {
                if (sibling.status.isOpen() && !sibling.cancelRequested) {
                    actions.requestCancel(sibling, "OCO: " + w.id + " filled");
                } else if (sibling.status.isTerminal() && sibling.filled.isPositive()) {
                    LOG.warn("OCO {}: both {} and {} filled (the second fill came before the cancel took effect)", w.group, sibling.id, w.id);
                }
            }
        }
        if (filled && w.parent == null && w.group != null) {
            protectFilled(w);
        }
        if (w.status.isTerminal() && w.parent == null && w.group != null) {
            entryEnded(w);
        }
        if (filled && w.parent != null) {
            WorkingOrder entry = orders.apply(w.parent);
            if (entry != null && entry.status.isOpen() && !entry.cancelRequested) {
                actions.requestCancel(entry, "bracket exit " + w.id + " filled");
            }
        }
    }

    /**
     * A bracket entry filled in part: its exits work at once for what has filled and grow with each further
     * fill. Exits the venue holds grow by a modification, so on a venue that cannot modify they wait for
     * the entry to end instead (held exits always grow here).
     */
    private void protectFilled(WorkingOrder entry) {
        Venue venue = venues.apply(entry.venueId);
        boolean venueModifies = venue != null && venue.supportsModify();
        List<WorkingOrder> exits = new ArrayList<>();
        for (WorkingOrder exit : exits(entry)) {
            if (!exit.emulated && !venueModifies) {
                return;
            }
            exits.add(exit);
        }
        Instant now = clock.get();
        for (WorkingOrder exit : exits) {
            if (exit.status == OrderStatus.NEW && !exit.activated) {
                actions.release(exit, entry, now);
            } else if (exit.activated && exit.status.isOpen() && !exit.cancelRequested && exit.request.quantity().compareTo(entry.filled) < 0) {
                actions.grow(exit, exit.request.amended(entry.filled, null, null), venue, now);
            }
        }
    }

    /** A bracket entry ended: its exits work for the quantity filled, or are cancelled if nothing was. */
    void entryEnded(WorkingOrder entry) {
        Instant now = clock.get();
        for (WorkingOrder exit : exits(entry)) {
            if (exit.status != OrderStatus.NEW || exit.activated) {
                continue;
            }
            if (entry.filled.isPositive() && entry.status != OrderStatus.REJECTED) {
                actions.release(exit, entry, now);
            } else {
                actions.cancelLocally(exit, "bracket entry " + entry.id + " ended unfilled (" + entry.status + ")");
            }
        }
    }

    private List<WorkingOrder> exits(WorkingOrder entry) {
        List<WorkingOrder> list = new ArrayList<>(2);
        for (ClientOrderId id : entry.groupMembers) {
            WorkingOrder o = orders.apply(id);
            if (o != entry && entry.id.equals(o.parent)) {
                list.add(o);
            }
        }
        return list;
    }

    private List<WorkingOrder> siblings(WorkingOrder w) {
        List<WorkingOrder> list = new ArrayList<>(2);
        for (ClientOrderId id : w.groupMembers) {
            WorkingOrder o = orders.apply(id);
            if (o != w && Objects.equals(o.parent, w.parent)) {
                list.add(o);
            }
        }
        return list;
    }
}
