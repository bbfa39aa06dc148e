package io.quiver.oms;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The mutable record the order manager keeps of one order; {@link #snapshot()} is what others see. */
final class WorkingOrder {
    /** What an Accepted step means when the order manager, not a venue, took the order. */
    static final String HELD = "held by the order manager (emulated)";

    /**
     * One line of the order's history, kept as what happened; the text is made only when someone asks,
     * so the order path builds no strings. {@code subject} is the event, a trailing move, a message, or null for NEW.
     */
    record Step(Instant time, String what, OrderStatus statusAfter, Object subject) {
    }

    final ClientOrderId id;
    final String strategyId;
    final String venueId;
    final OrderRequest original;
    final Instant created;
    final String group;
    final ClientOrderId parent;
    final boolean emulated;
    final List<ClientOrderId> groupMembers = new ArrayList<>(2);
    final List<Step> history = new ArrayList<>(4);
    OrderRequest request;
    OrderStatus status = OrderStatus.NEW;
    Qty filled = Qty.ZERO;
    Instant updated;
    /** Where the order stands with its venue. */
    Placement placement = Placement.NOT_SENT;
    /** A cancel was asked for and not yet answered (the order stays open meanwhile). */
    boolean cancelRequested;
    /** A bracket exit put to work for its entry's filled quantity (before that, it waits and holds nothing). */
    boolean activated;
    /** A held DAY order's trading day: that of the first market event it was checked against (null before). */
    java.time.LocalDate session;
    Price workingStop;
    Price trailReference;
    /** Buying power held while the order is open: {@code reservePerUnit} for each of the first {@code reserveQty} still to fill. */
    Qty reserveQty = Qty.ZERO;
    io.quiver.sdk.model.Money reservePerUnit = io.quiver.sdk.model.Money.ZERO;

    WorkingOrder(ClientOrderId id, String strategyId, String venueId, OrderRequest request, Instant created, String group,
            ClientOrderId parent, boolean emulated) {
        this.id = id;
        this.strategyId = strategyId;
        this.venueId = venueId;
        this.original = request;
        this.request = request;
        this.created = created;
        this.updated = created;
        this.group = group;
        this.parent = parent;
        this.emulated = emulated;
        if (request.type() == OrderType.STOP || request.type() == OrderType.STOP_LIMIT) {
            this.workingStop = request.stopPrice();
        }
        history.add(new Step(created, "NEW", OrderStatus.NEW, null));
    }

    /** How far an order has got on its way to its venue. */
    enum Placement {
        /** Not sent: just entered, held here for its trigger, or a bracket exit waiting for its entry. */
        NOT_SENT,
        /** Sent (journaled as sent); the venue has not answered. */
        SENT,
        /** The venue has accepted it. */
        ACKNOWLEDGED;

        static Placement of(boolean sent, boolean acknowledged) {
            return acknowledged ? ACKNOWLEDGED : sent ? SENT : NOT_SENT;
        }
    }

    boolean isSent() {
        return placement != Placement.NOT_SENT;
    }

    boolean isAcknowledged() {
        return placement == Placement.ACKNOWLEDGED;
    }

    /** Accepted and waiting for its trigger here, not yet at the venue. */
    boolean isHeld() {
        return emulated && status == OrderStatus.ACCEPTED;
    }

    Order snapshot() {
        return new Order(id, strategyId, request, status, filled, created, updated, group, parent,
                request.type().isTriggered() ? workingStop : null);
    }

    /** The history as it is shown: what happened, the state after it, and the details in words. */
    List<OrderHistoryEntry> historyEntries() {
        List<OrderHistoryEntry> list = new ArrayList<>(history.size());
        for (Step step : history) {
            list.add(new OrderHistoryEntry(step.time(), step.what(), step.statusAfter(), describe(step.subject())));
        }
        return list;
    }

    String describe(Object subject) {
        if (subject == null) {
            return original + " via " + venueId + (emulated ? " (emulated)" : "") + (group != null ? " group " + group : "")
                    + (parent != null ? " parent " + parent : "");
        }
        if (subject instanceof String text) {
            return text;
        }
        if (subject instanceof OrderEvent.Filled f) {
            Fill fill = f.fill();
            return fill.quantity() + " @ " + fill.price() + " fee " + fill.fee() + " exec " + fill.executionId();
        } else if (subject instanceof OrderEvent.Accepted) {
            return "at venue " + venueId;
        } else if (subject instanceof OrderEvent.Triggered t) {
            return "at " + t.price();
        } else if (subject instanceof OrderEvent.Modified m) {
            return "quantity " + m.quantity() + (m.limitPrice() != null ? " limit " + m.limitPrice() : "")
                    + (m.stopPrice() != null ? " stop " + m.stopPrice() : "");
        } else if (subject instanceof OrderEvent.Rejected r) {
            return r.reasonCode() + ": " + r.message();
        } else if (subject instanceof OrderEvent.ModifyRejected r) {
            return r.reasonCode() + ": " + r.message();
        } else if (subject instanceof OrderEvent.Cancelled c) {
            return c.reason();
        } else if (subject instanceof JournalRecords.Trailed t) {
            return "stop " + t.stop() + (t.reference() == null ? "" : " (best price " + t.reference() + ")");
        }
        return "";
    }
}
