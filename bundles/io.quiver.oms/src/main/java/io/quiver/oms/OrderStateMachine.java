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
 * FILLED, CANCELLED, REJECTED, EXPIRED: terminal, nothing is accepted
 * </pre>
 *
 * A fill leads to FILLED exactly when it completes the order's quantity.
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
            case TRIGGERED -> OrderStatus.TRIGGERED;
            case FILLED -> completes ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
            case MODIFIED, MODIFY_REJECTED -> from;
            case CANCELLED -> OrderStatus.CANCELLED;
            case EXPIRED -> OrderStatus.EXPIRED;
        };
    }

    /** An event arrived that the order's state does not allow. */
    public static final class IllegalOrderTransitionException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public IllegalOrderTransitionException(String message) {
            super(message);
        }
    }
}
