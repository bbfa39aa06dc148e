package io.quiver.sdk.spi;

import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import java.util.List;

/**
 * What a risk check may read about the books, as they stand before the order it checks. Quantities are
 * signed where they are positions (short is negative) and unsigned where they are order quantities.
 */
@org.osgi.annotation.versioning.ProviderType
public interface RiskContext {

    /** The instrument's trading rules, or null if the runtime does not know it. */
    Instrument instrument(InstrumentId instrument);

    /** The strategy's position in the instrument, signed. */
    Qty position(String strategyId, InstrumentId instrument);

    /** The instruments the strategy holds a position in or has open orders on, each once. */
    List<InstrumentId> instruments(String strategyId);

    /** What is still to fill of the strategy's open orders on one side of the instrument. */
    Qty openQuantity(String strategyId, InstrumentId instrument, Side side);

    /** How many orders of the strategy are open. */
    int openOrders(String strategyId);

    /** How many orders the strategy has entered at or after {@code since} and not had rejected (a scan: ask once, then count). */
    int ordersEntered(String strategyId, java.time.Instant since);

    /** Cash plus every position at its mark. */
    Money equity(String strategyId);

    /** Cash less what open orders hold reserved. */
    Money freeCash(String strategyId);

    /** The cash the order would reserve when accepted (zero for a sell the position covers). */
    Money cashRequired(PreTradeOrder order);

    /**
     * The price the order is judged at: the last trade, else the mid quote, else the last close; null
     * when the instrument has had no market data yet.
     */
    Price referencePrice(InstrumentId instrument);

    /** The price a position is valued at (the last mark), or null. */
    Price mark(String strategyId, InstrumentId instrument);
}
