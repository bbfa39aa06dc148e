package io.quiver.oms;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of reconciling the books with one venue: every difference found and what was done, and
 * whether orders to the venue are now halted. {@code ordersChecked} and {@code fillsChecked} count what
 * was compared.
 */
public record ReconciliationReport(String venueId, Instant time, ReconciliationPolicy policy, int accounts, int ordersChecked,
        int fillsChecked, List<Discrepancy> discrepancies, boolean halted) {

    public ReconciliationReport {
        discrepancies = List.copyOf(discrepancies);
    }

    public boolean isClean() {
        return discrepancies.isEmpty();
    }
}
