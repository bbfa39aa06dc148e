package io.quiver.engine.internal;

import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.spi.MarketDataFeed;
import io.quiver.sdk.spi.MarketDataListener;
import java.util.List;

/** A feed of one instrument that the test drives by hand, bar by bar, for tests that wire the runtime themselves. */
class HandFeed implements MarketDataFeed {
    private final String id;
    private final Instrument instrument;
    volatile MarketDataListener listener;

    HandFeed(String id, Instrument instrument) {
        this.id = id;
        this.instrument = instrument;
    }

    /** Publishes one bar to the runtime, as a live feed would. */
    void publish(Bar bar) {
        listener.onBar(bar);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<Instrument> instruments() {
        return List.of(instrument);
    }

    @Override
    public void start(MarketDataListener l) {
        listener = l;
    }

    @Override
    public void stop() {
        listener = null;
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }
}
