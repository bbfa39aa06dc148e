package io.quiver.venue.exchange;

import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: every service of this type receives the simulated exchange's depth updates, per
 * instrument: {@code sequence} counts from 1 without gaps per instrument; a zero {@code totalSize} means
 * the level is gone. Called under the venue's lock: return quickly.
 */
@ConsumerType
public interface ExchangeDepthListener {
    void levelChanged(String venue, InstrumentId instrument, long sequence, Side side, Price price, Qty totalSize, int orders);
}
