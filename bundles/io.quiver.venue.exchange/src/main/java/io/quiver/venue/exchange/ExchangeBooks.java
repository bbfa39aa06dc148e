package io.quiver.venue.exchange;

import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Read-only views of the simulated exchange's order books, as consistent snapshots. */
@ProviderType
public interface ExchangeBooks {

    /** One price level: side, price, total size, number of orders. */
    record Level(io.quiver.sdk.model.Side side, Price price, Qty totalSize, int orders) {
    }

    /** A snapshot of the top {@code levels} levels of each side, best first, with the depth sequence it is as of. */
    record Depth(InstrumentId instrument, long sequence, Price lastTradePrice, List<Level> bids, List<Level> asks) {
    }

    /** The instruments with a book, in symbol order. */
    List<InstrumentId> instruments();

    /** A depth snapshot; throws IllegalArgumentException for an instrument without a book. */
    Depth depth(InstrumentId instrument, int levels);

    /**
     * Replays the depth updates of an instrument after {@code lastSeen} to {@code to} and returns true,
     * or returns false (replaying nothing) if they are no longer all held: take a snapshot instead.
     */
    boolean replaySince(InstrumentId instrument, long lastSeen, ExchangeMarketDataListener to);
}
