package io.quiver.venue.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.matching.SelfTradePrevention;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ExchangeDepthTest {
    private static final Instrument X = new Instrument(InstrumentId.of("X"), Price.of("0.01"), Qty.of(1), "USD");

    /** A subscriber's copy of the depth; notes gaps. */
    private static final class Mirror implements ExchangeMarketDataListener {
        final Map<String, String> levels = new TreeMap<>();
        long lastSeen;
        boolean gap;

        @Override
        public void levelChanged(String venue, InstrumentId instrument, long sequence, io.quiver.sdk.model.Side side, Price price, Qty total,
                int orders) {
            if (sequence != lastSeen + 1) {
                gap = true;
                return;
            }
            lastSeen = sequence;
            if (total.isZero()) {
                levels.remove(side + " " + price);
            } else {
                levels.put(side + " " + price, total + "x" + orders);
            }
        }

        void snapshot(ExchangeBooks books) {
            ExchangeBooks.Depth d = books.depth(X.id(), Integer.MAX_VALUE);
            levels.clear();
            d.bids().forEach(l -> levels.put(l.side() + " " + l.price(), l.totalSize() + "x" + l.orders()));
            d.asks().forEach(l -> levels.put(l.side() + " " + l.price(), l.totalSize() + "x" + l.orders()));
            lastSeen = d.sequence();
            gap = false;
        }
    }

    private static void bars(ExchangeVenue v, SplittableRandom r, int n, Instant[] t) {
        for (int i = 0; i < n; i++) {
            long open = 10_000 + r.nextInt(-50, 51);
            long close = 10_000 + r.nextInt(-50, 51);
            long high = Math.max(open, close) + r.nextInt(0, 20);
            long low = Math.min(open, close) - r.nextInt(0, 20);
            t[0] = t[0].plusSeconds(60);
            v.onBar(new Bar(X.id(), t[0], Price.ofUnits(open, 2), Price.ofUnits(high, 2), Price.ofUnits(low, 2), Price.ofUnits(close, 2),
                    Qty.of(1000)));
        }
    }

    @Test
    void subscribersFollowTheDepthAndResyncAfterAGap() {
        ExchangeVenue v = new ExchangeVenue("exchange", MarketSimulation.defaults(), 50, SelfTradePrevention.NONE,
                new ExchangeVenue.FeeTier(0, 0), Map.of());
        v.addInstrument(X);
        SplittableRandom r = new SplittableRandom(1);
        Instant[] t = {Instant.parse("2020-01-01T00:00:00Z")};
        bars(v, r, 50, t);
        Mirror m = new Mirror();
        v.addMarketDataListener(m);
        m.snapshot(v);
        bars(v, r, 200, t);
        assertFalse(m.gap);
        Mirror fresh = new Mirror();
        fresh.snapshot(v);
        assertEquals(fresh.levels, m.levels);

        v.removeMarketDataListener(m);
        bars(v, r, 5, t);
        v.addMarketDataListener(m);
        bars(v, r, 1, t);
        assertTrue(m.gap);
        m.gap = false;
        assertTrue(v.replaySince(X.id(), m.lastSeen, m));
        Mirror now = new Mirror();
        now.snapshot(v);
        assertEquals(now.levels, m.levels);
        assertEquals(now.lastSeen, m.lastSeen);
    }
}
