package io.quiver.backtest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Splits a portfolio's capital between its instances ("sleeves"), at the start and at every rebalance.
 * A plain function of what it is shown, so a portfolio backtest stays deterministic.
 */
@ConsumerType
public interface Allocator {

    /**
     * What an allocator knows of one instance when it decides.
     *
     * @param weight   the plan's {@code instance.<id>.weight}, or null
     * @param equity   the instance's equity now
     * @param returns  its daily time-weighted returns over the allocator's look-back, oldest first (empty before the first day)
     * @param drawdown how far its compounded returns are below their peak now, from 0 (at a peak) to 1
     */
    record Sleeve(String id, BigDecimal weight, io.quiver.sdk.model.Money equity, double[] returns, double drawdown) {
    }

    /**
     * The share of the portfolio's equity each instance should hold, by id: each from 0 to 1, together at
     * most 1 (the rest stays unallocated, as cash of the portfolio). Every sleeve must have a weight.
     */
    Map<String, BigDecimal> weights(List<Sleeve> sleeves);

    /** How many daily returns the allocator looks back over (what {@link Sleeve#returns()} holds at most); 0 for none. */
    default int lookback() {
        return 0;
    }
}
