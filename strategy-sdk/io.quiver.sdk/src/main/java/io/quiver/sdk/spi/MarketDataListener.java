package io.quiver.sdk.spi;

import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Quote;
import io.quiver.sdk.model.Trade;
import org.osgi.annotation.versioning.ConsumerType;

/** Receives normalised market data events. */
@ConsumerType
public interface MarketDataListener {

    default void onBar(Bar bar) {
    }

    default void onQuote(Quote quote) {
    }

    default void onTrade(Trade trade) {
    }
}
