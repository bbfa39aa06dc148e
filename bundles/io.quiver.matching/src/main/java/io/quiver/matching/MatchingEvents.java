package io.quiver.matching;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the outcome of every command, synchronously and in order. Fees are exact integers in units
 * of (price unit x size unit x 1/1,000,000): {@code price * size * feeRate} with the rate in millionths
 * (1 bp = 100 millionths), so nothing is rounded.
 */
@ConsumerType
public interface MatchingEvents {

    /** The order passed validation; trades (if any) follow. */
    void accepted(long orderId);

    void rejected(long orderId, RejectReason reason);

    /**
     * A trade between the incoming (taker) order and a resting (maker) order, at the maker's price.
     * {@code takerLeft} and {@code makerLeft} are the sizes each has left after the trade.
     */
    void trade(long takerOrderId, long takerAccount, long makerOrderId, long makerAccount, Side takerSide, long price, long size,
            long takerFee, long makerFee, long takerLeft, long makerLeft);

    /** The order's remaining {@code size} left the book. */
    void cancelled(long orderId, long size, CancelReason reason);

    /** The order now has this price and remaining size (sent before any trade the amend causes). */
    void amended(long orderId, long price, long size);

    /** A stop order's condition was met; it now enters the book as a market or limit order. */
    void triggered(long orderId);
}
