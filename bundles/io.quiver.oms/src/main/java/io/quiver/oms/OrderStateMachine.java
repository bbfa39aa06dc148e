package io.quiver.oms;

import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one order state machine, used in every mode. Each state lists the events it accepts and where they
 * lead; anything else is an {@link IllegalOrderTransitionException}, never silently ignored.
 *
 * <pre>
 * NEW              accepted -> ACCEPTED, rejected -> REJECTED, cancelled -> CANCELLED (never sent)
 * ACCEPTED         triggered -> TRIGGERED, fill -> PARTIALLY_FILLED | FILLED, modified / modify rejected -> ACCEPTED,
 *                  cancelled -> CANCELLED, expired -> EXPIRED
 * TRIGGERED        accepted (the venue took the triggered order) -> TRIGGERED, rejected -> REJECTED,
 *                  fill -> PARTIALLY_FILLED | FILLED, modified / modify rejected -> TRIGGERED, cancelled, expired
 * PARTIALLY_FILLED fill -> PARTIALLY_FILLED | FILLED, modified / modify rejected -> PARTIALLY_FILLED, cancelled, expired
 * PENDING_CANCEL   accepted, triggered, modified / modify rejected, a fill that does not complete -> PENDING_CANCEL,
 *                  a fill that completes -> FILLED, rejected, cancelled, expired
 * CANCELLED, EXPIRED terminal; a late fill (made before the cancel or expiry took effect, reported after it)
 *                  is booked and the state stays
 * FILLED, REJECTED terminal, nothing is accepted
 * </pre>
 *
 * A fill leads to FILLED exactly when it completes the order's quantity. An order the venue holds enters
 * PENDING_CANCEL when a cancel is sent ({@link #pendingCancel}); until the venue answers, whatever it
 * reports first (an acknowledgement, a trigger, fills) is applied and the order stays there.
 */
public final class OrderStateMachine {

    /** The kinds of event, one per {@link OrderEvent} record. */
    public enum Kind {
        ACCEPTED, REJECTED, TRIGGERED, FILLED, MODIFIED, MODIFY_REJECTED, CANCELLED, EXPIRED;

        public static Kind of(OrderEvent e) {
            if (e instanceof OrderEvent.Accepted) {
                return ACCEPTED;
            } else if (e instanceof OrderEvent.Rejected) {
                return REJECTED;
            } else if (e instanceof OrderEvent.Triggered) {
                return TRIGGERED;
            } else if (e instanceof OrderEvent.Filled) {
                return FILLED;
            } else if (e instanceof OrderEvent.Modified) {
                return MODIFIED;
            } else if (e instanceof OrderEvent.ModifyRejected) {
                return MODIFY_REJECTED;
            } else if (e instanceof OrderEvent.Cancelled) {
                return CANCELLED;
            }
            return EXPIRED;
        }
    }

    private static final Map<OrderStatus, Set<Kind>> LEGAL = new EnumMap<>(OrderStatus.class);

    static {
        LEGAL.put(OrderStatus.NEW, EnumSet.of(Kind.ACCEPTED, Kind.REJECTED, Kind.CANCELLED));
        LEGAL.put(OrderStatus.ACCEPTED, EnumSet.of(Kind.TRIGGERED, Kind.FILLED, Kind.MODIFIED, Kind.MODIFY_REJECTED, Kind.CANCELLED,
                Kind.EXPIRED));
        LEGAL.put(OrderStatus.TRIGGERED, EnumSet.of(Kind.ACCEPTED, Kind.REJECTED, Kind.FILLED, Kind.MODIFIED, Kind.MODIFY_REJECTED,
                Kind.CANCELLED, Kind.EXPIRED));
        LEGAL.put(OrderStatus.PARTIALLY_FILLED, EnumSet.of(Kind.FILLED, Kind.MODIFIED, Kind.MODIFY_REJECTED, Kind.CANCELLED,
                Kind.EXPIRED));
        LEGAL.put(OrderStatus.PENDING_CANCEL, EnumSet.of(Kind.ACCEPTED, Kind.REJECTED, Kind.TRIGGERED, Kind.FILLED, Kind.MODIFIED,
                Kind.MODIFY_REJECTED, Kind.CANCELLED, Kind.EXPIRED));
        LEGAL.put(OrderStatus.CANCELLED, EnumSet.of(Kind.FILLED));
        LEGAL.put(OrderStatus.EXPIRED, EnumSet.of(Kind.FILLED));
        for (OrderStatus s : OrderStatus.values()) {
            LEGAL.putIfAbsent(s, EnumSet.noneOf(Kind.class));
        }
    }

    private OrderStateMachine() {
    }

    /** True when an order in {@code from} accepts an event of this kind. */
    public static boolean isLegal(OrderStatus from, Kind kind) {
        return LEGAL.get(from).contains(kind);
    }

    /**
     * The state after {@code kind}; {@code completes} says whether a fill completes the order's quantity.
     * Throws {@link IllegalOrderTransitionException} for an event the state does not accept.
     */
    public static OrderStatus next(OrderStatus from, Kind kind, boolean completes) {
        if (!isLegal(from, kind)) {
            throw new IllegalOrderTransitionException(kind + " is not allowed in state " + from);
        }
        return switch (kind) {
            case ACCEPTED -> from == OrderStatus.NEW ? OrderStatus.ACCEPTED : from;
            case REJECTED -> OrderStatus.REJECTED;
            case TRIGGERED -> from == OrderStatus.PENDING_CANCEL ? from : OrderStatus.TRIGGERED;
            case FILLED -> from.isTerminal() ? from
                    : completes ? OrderStatus.FILLED : from == OrderStatus.PENDING_CANCEL ? from : OrderStatus.PARTIALLY_FILLED;
            case MODIFIED, MODIFY_REJECTED -> from;
            case CANCELLED -> OrderStatus.CANCELLED;
            case EXPIRED -> OrderStatus.EXPIRED;
        };
    }

    /**
     * The state of an order with a cancel on the way: PENDING_CANCEL for one the venue has acknowledged
     * (ACCEPTED, TRIGGERED, PARTIALLY_FILLED); any other state is kept (a NEW order's cancel waits for its
     * acknowledgement, which then leads to PENDING_CANCEL).
     */
    public static OrderStatus pendingCancel(OrderStatus from) {
        return from == OrderStatus.ACCEPTED || from == OrderStatus.TRIGGERED || from == OrderStatus.PARTIALLY_FILLED
                ? OrderStatus.PENDING_CANCEL : from;
    }

    /** An event arrived that the order's state does not allow. */
    public static final class IllegalOrderTransitionException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public IllegalOrderTransitionException(String message) {
            super(message);
        }
    }
}
