package io.quiver.engine.internal;

import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderStatus;

/**
 * The one order state machine, used in every mode. An event that is not legal in the current state is an
 * error ({@link IllegalOrderTransitionException}), never silently ignored.
 *
 * <pre>
 * NEW --accepted--> ACCEPTED --filled (part)--> PARTIALLY_FILLED --filled (rest)--> FILLED
 * NEW --rejected--> REJECTED     ACCEPTED / PARTIALLY_FILLED --cancelled--> CANCELLED, --expired--> EXPIRED
 * </pre>
 */
public final class OrderStateMachine {
    private OrderStateMachine() {
    }

    public static OrderStatus next(OrderStatus from, OrderEvent event) {
        OrderStatus to;
        if (event instanceof OrderEvent.Accepted || event instanceof OrderEvent.Rejected) {
            to = from != OrderStatus.NEW ? null
                    : event instanceof OrderEvent.Accepted ? OrderStatus.ACCEPTED : OrderStatus.REJECTED;
        } else if (!isWorking(from)) {
            to = null;
        } else if (event instanceof OrderEvent.Filled f) {
            to = f.statusAfter();
        } else {
            to = event instanceof OrderEvent.Cancelled ? OrderStatus.CANCELLED : OrderStatus.EXPIRED;
        }
        if (to == null || (event instanceof OrderEvent.Filled && to != OrderStatus.FILLED && to != OrderStatus.PARTIALLY_FILLED)) {
            throw new IllegalOrderTransitionException(event.orderId() + ": " + event.getClass().getSimpleName()
                    + " is not allowed in state " + from);
        }
        return to;
    }

    private static boolean isWorking(OrderStatus s) {
        return s == OrderStatus.ACCEPTED || s == OrderStatus.PARTIALLY_FILLED;
    }

    /** An event arrived that the order's state does not allow. */
    public static final class IllegalOrderTransitionException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        IllegalOrderTransitionException(String message) {
            super(message);
        }
    }
}
