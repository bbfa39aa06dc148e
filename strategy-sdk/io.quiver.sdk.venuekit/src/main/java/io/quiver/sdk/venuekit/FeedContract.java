package io.quiver.sdk.venuekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Quote;
import io.quiver.sdk.model.Trade;
import io.quiver.sdk.spi.MarketDataFeed;
import io.quiver.sdk.spi.MarketDataListener;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the platform relies on from every market-data feed, as JUnit 5 tests: extend this class in a test
 * of your adapter, build the feed in {@link #createFeed()} and make it publish in {@link #publish} (a live
 * adapter's test drives its stand-in server there; a simulated feed may just wait). Events must come for
 * the feed's own instruments, on one thread, in time order per instrument, with prices on each
 * instrument's tick and consistent bars and quotes; none may come after {@code stop} returns.
 */
public abstract class FeedContract {
    /** How long a feed may take to publish what {@link #publish} asked for. */
    protected static final Duration PATIENCE = Duration.ofSeconds(15);

    protected MarketDataFeed feed;
    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A new feed, not started. */
    protected abstract MarketDataFeed createFeed();

    /** Makes the running feed publish at least {@code events} more events (a stand-in sends them; a timer-driven feed may do nothing). */
    protected void publish(MarketDataFeed running, int events) {
    }

    @BeforeEach
    void createTheFeed() {
        feed = createFeed();
    }

    @AfterEach
    void stopTheFeed() {
        feed.stop();
    }

    @Test
    void itPublishesInstrumentsWithDistinctIds() {
        List<Instrument> instruments = feed.instruments();
        assertFalse(instruments.isEmpty(), "a feed publishes at least one instrument");
        Set<InstrumentId> ids = new HashSet<>();
        instruments.forEach(i -> assertTrue(ids.add(i.id()), "instrument " + i.id() + " listed twice"));
        assertFalse(feed.id().isBlank(), "a feed has an id");
    }

    @Test
    void eventsComeForItsInstrumentsOnOneThreadInTimeOrderWithPricesOnTheirTicks() {
        start();
        awaitEvents(10);
        Map<InstrumentId, Instrument> known = new HashMap<>();
        feed.instruments().forEach(i -> known.put(i.id(), i));
        Map<InstrumentId, Instant> last = new HashMap<>();
        for (Object e : List.copyOf(events)) {
            InstrumentId id = instrumentOf(e);
            Instrument i = known.get(id);
            assertTrue(i != null, "an event for " + id + ", which the feed does not list: " + e);
            Instant t = timeOf(e);
            Instant before = last.put(id, t);
            assertTrue(before == null || !t.isBefore(before), "time goes back for " + id + ": " + before + " then " + t);
            check(e, i);
        }
        assertEquals(1, threads.size(), "events come from one thread: " + threads);
        assertTrue(feed.isRunning());
    }

    @Test
    void noEventComesAfterStopReturns() throws InterruptedException {
        start();
        awaitEvents(3);
        feed.stop();
        assertFalse(feed.isRunning(), "a stopped feed says so");
        int seen = events.size();
        publish(feed, 3);
        Thread.sleep(300);
        assertEquals(seen, events.size(), "events after stop: " + events.subList(seen, events.size()));
    }

    private void start() {
        feed.start(new MarketDataListener() {
            @Override
            public void onBar(Bar bar) {
                seen(bar);
            }

            @Override
            public void onQuote(Quote quote) {
                seen(quote);
            }

            @Override
            public void onTrade(Trade trade) {
                seen(trade);
            }
        });
    }

    private void seen(Object event) {
        threads.add(Thread.currentThread());
        events.add(event);
    }

    private void awaitEvents(int n) {
        publish(feed, n);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (events.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(events.size() + " events within " + PATIENCE + ", not " + n);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static InstrumentId instrumentOf(Object e) {
        return e instanceof Bar b ? b.instrument() : e instanceof Quote q ? q.instrument() : ((Trade) e).instrument();
    }

    private static Instant timeOf(Object e) {
        return e instanceof Bar b ? b.time() : e instanceof Quote q ? q.time() : ((Trade) e).time();
    }

    private static void check(Object e, Instrument i) {
        if (e instanceof Bar b) {
            onTick(i, b, b.open(), b.high(), b.low(), b.close());
            assertFalse(b.low().isGreaterThan(b.open()) || b.low().isGreaterThan(b.close()) || b.high().isLessThan(b.open())
                    || b.high().isLessThan(b.close()), "a bar's low and high hold its open and close: " + b);
            assertFalse(b.volume().signum() < 0, "a bar's volume is not negative: " + b);
        } else if (e instanceof Quote q) {
            onTick(i, q, q.bid(), q.ask());
            assertFalse(q.bid() != null && q.ask() != null && q.bid().isGreaterThan(q.ask()), "a quote's bid is not above its ask: " + q);
        } else {
            Trade t = (Trade) e;
            onTick(i, t, t.price());
            assertTrue(t.price().signum() > 0, "a trade has a price: " + t);
        }
    }

    private static void onTick(Instrument i, Object event, Price... prices) {
        for (Price p : prices) {
            if (p != null) {
                assertTrue(p.isMultipleOf(i.tickSize()), "a price off " + i.id() + "'s tick " + i.tickSize() + ": " + event);
            }
        }
    }
}
