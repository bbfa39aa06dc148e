package io.quiver.sdk.costs;

import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Moves the price a market order (or a triggered stop) fills at against the order, as the market does
 * to a real one. The result is rounded to the tick away from the order's favour.
 */
@ConsumerType
public interface SlippageModel {
    /**
     * @param price      the price the fill rules give
     * @param barVolume  the volume of the bar it fills on (zero if unknown)
     * @param spread     the last quoted spread of the instrument, or null if none was seen
     */
    Price apply(Side side, Price price, Qty quantity, Qty barVolume, Price spread, Price tick);

    String describe();
}
