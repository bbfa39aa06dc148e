package io.quiver.venue.exchange;

import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import java.time.Instant;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: every service of this type receives the simulated exchange's public market data, per
 * instrument: depth updates ({@code sequence} counts from 1 without gaps per instrument; a zero
 * {@code totalSize} means the level is gone) and trade prints (strategies' and the simulated flow's
 * alike). Called under the venue's lock: return quickly.
 */
@ConsumerType
public interface ExchangeMarketDataListener {
    void levelChanged(String venue, InstrumentId instrument, long sequence, Side side, Price price, Qty totalSize, int orders);

    /** A trade printed: {@code aggressor} is the side of the incoming order. */
    default void traded(String venue, InstrumentId instrument, Instant time, Side aggressor, Price price, Qty size) {
    }
}
