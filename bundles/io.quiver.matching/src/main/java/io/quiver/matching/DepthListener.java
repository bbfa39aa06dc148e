package io.quiver.matching;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives incremental depth (L2) updates: after each command, one update per price level whose total
 * size or order count changed, bids best first, then asks best first. {@code sequence} counts updates
 * from 1 without gaps; {@code totalSize == 0} means the level is gone. A snapshot
 * ({@link OrderBook#levels} with {@link OrderBook#depthSequence}) plus the updates after its sequence
 * rebuild the book's depth exactly.
 */
@ConsumerType
@FunctionalInterface
public interface DepthListener {
    void levelChanged(long sequence, Side side, long price, long totalSize, int orderCount);
}
