package io.quiver.matching;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sees one live order of a book as it stands: for {@link OrderBook#orders}, which writes a book down so
 * that placing the orders again, in the order visited, into an empty book rebuilds it.
 */
@ConsumerType
@FunctionalInterface
public interface OrderVisitor {
    /** {@code kind} is what the order is now: a triggered stop-limit rests as a LIMIT (stop price 0). */
    void order(long orderId, long account, Side side, OrderKind kind, TimeInForce tif, boolean postOnly, long price, long stopPrice,
            long remaining);
}
