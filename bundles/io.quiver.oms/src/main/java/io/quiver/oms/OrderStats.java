package io.quiver.oms;

import java.util.Map;
import java.util.Set;

/**
 * What the order manager counted since it started: venue events its state machine refused (each one a
 * fault of a venue or of the books), rejections by reason code, and the venues whose orders are halted.
 */
public record OrderStats(long refusedVenueEvents, Map<String, Long> rejectionsByCode, Set<String> haltedVenues) {
    public OrderStats {
        rejectionsByCode = Map.copyOf(rejectionsByCode);
        haltedVenues = Set.copyOf(haltedVenues);
    }
}
