package io.quiver.sdk.spi;

import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Qty;
import java.util.Map;

/** An account's cash and signed positions as a venue books them. */
public record VenueAccount(String account, Money cash, Map<InstrumentId, Qty> positions) {
    public VenueAccount {
        positions = Map.copyOf(positions);
    }
}
