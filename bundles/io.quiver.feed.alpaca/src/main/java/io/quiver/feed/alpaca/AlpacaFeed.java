package io.quiver.feed.alpaca;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quiver.sdk.live.ReconnectingWebSocket;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Quote;
import io.quiver.sdk.model.Trade;
import io.quiver.sdk.spi.FeedHealth;
import io.quiver.sdk.spi.MarketDataFeed;
import io.quiver.sdk.spi.MarketDataListener;
import io.quiver.sdk.spi.Secrets;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live trades, quotes and minute bars from Alpaca's stock data stream over WebSocket, normalised into the
 * SDK's model: {@code connected}, then {@code auth} and {@code subscribe} for the settings' symbols, then
 * arrays of {@code t}, {@code q} and {@code b} messages. Prices are read from the JSON numbers as exact
 * decimals; a minute bar is stamped with its end (the provider stamps its start). A dropped or silent connection is connected again with the backoff and subscribed again.
 *
 * <p>Events reach the listener from one thread, in time order per instrument: one older than the last
 * delivered for its instrument (or with a price off the instrument's tick) is left out and counted
 * ({@link FeedHealth#dropped()}), never delivered late.
 */
public final class AlpacaFeed implements MarketDataFeed, ReconnectingWebSocket.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaFeed.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int LOGGED_DROPS = 10;
    private static final Duration BAR = Duration.ofMinutes(1);

    private final AlpacaFeedSettings settings;
    private final Path keyFile;
    private final Map<String, Instrument> bySymbol = new LinkedHashMap<>();
    private final Map<InstrumentId, Instant> lastTime = new HashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private volatile Duration lag;
    private volatile MarketDataListener listener;
    private volatile boolean running;
    private ReconnectingWebSocket socket;
    private ExecutorService delivery;
    private ScheduledExecutorService scheduler;
    private String keyId;
    private String secretKey;

    public AlpacaFeed(AlpacaFeedSettings settings) {
        this(settings, Secrets.keyFile());
    }

    public AlpacaFeed(AlpacaFeedSettings settings, Path keyFile) {
        this.settings = settings;
        this.keyFile = keyFile;
        settings.instruments().forEach(i -> bySymbol.put(i.id().symbol(), i));
    }

    @Override
    public String id() {
        return settings.feedId();
    }

    @Override
    public List<Instrument> instruments() {
        return List.copyOf(bySymbol.values());
    }

    @Override
    public synchronized void start(MarketDataListener l) {
        if (socket != null) {
            throw new IllegalStateException("feed " + id() + " is already started");
        }
        keyId = Secrets.decrypt("key.id", settings.keyId(), keyFile);
        secretKey = Secrets.decrypt("secret.key", settings.secretKey(), keyFile);
        listener = l;
        running = true;
        delivery = Executors.newSingleThreadExecutor(daemon("quiver-feed-" + id()));
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("quiver-feed-" + id() + "-socket"));
        socket = new ReconnectingWebSocket(HttpClient.newHttpClient(), settings.url(), settings.reconnectSeconds(), settings.heartbeat(), scheduler,
                this, "feed " + id() + ": the market-data stream");
        socket.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        listener = null;
        if (socket != null) {
            socket.stop();
            scheduler.shutdownNow();
            delivery.shutdown();
            try {
                if (!delivery.awaitTermination(5, TimeUnit.SECONDS)) {
                    delivery.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public Optional<FeedHealth> health() {
        ReconnectingWebSocket s = socket;
        return Optional.of(new FeedHealth(s != null && s.isReady(), s == null ? null : s.lastMessage(), lag, s == null ? 0 : s.reconnects(),
                dropped.get()));
    }

    /** How many events have reached the listener. */
    public long delivered() {
        return events.get();
    }

    // ---- the provider's protocol --------------------------------------------------------------------

    @Override
    public void onOpen(ReconnectingWebSocket.Connection c) {
        // the server speaks first ("connected")
    }

    @Override
    public void onMessage(ReconnectingWebSocket.Connection c, String text) {
        Instant received = Instant.now();
        JsonNode messages;
        try {
            messages = JSON.readTree(text);
        } catch (IOException e) {
            LOG.warn("feed {}: a message that is not JSON was ignored", id());
            return;
        }
        for (JsonNode m : messages.isArray() ? messages : JSON.createArrayNode().add(messages)) {
            switch (m.path("T").asText()) {
                case "success" -> {
                    if ("connected".equals(m.path("msg").asText())) {
                        ObjectNode auth = JSON.createObjectNode();
                        auth.put("action", "auth").put("key", keyId).put("secret", secretKey);
                        c.send(auth.toString());
                    } else if ("authenticated".equals(m.path("msg").asText())) {
                        c.send(subscription().toString());
                    }
                }
                case "subscription" -> c.ready();
                case "error" -> c.fail("the provider refused us: " + m.path("code").asText() + " " + m.path("msg").asText()
                        + (m.path("code").asInt() == 402 ? "; check key.id and secret.key" : ""));
                case "t", "q", "b" -> {
                    Object event = event(m);
                    if (event != null) {
                        delivery.execute(() -> deliver(event, received));
                    }
                }
                default -> LOG.debug("feed {}: message {} ignored", id(), m.path("T").asText());
            }
        }
    }

    private ObjectNode subscription() {
        ObjectNode s = JSON.createObjectNode();
        s.put("action", "subscribe");
        ArrayNode symbols = JSON.createArrayNode();
        bySymbol.keySet().forEach(symbols::add);
        if (settings.trades()) {
            s.set("trades", symbols.deepCopy());
        }
        if (settings.quotes()) {
            s.set("quotes", symbols.deepCopy());
        }
        if (settings.bars()) {
            s.set("bars", symbols.deepCopy());
        }
        return s;
    }

    /** The message as the SDK's event; null for a symbol not subscribed. */
    private Object event(JsonNode m) {
        Instrument instrument = bySymbol.get(m.path("S").asText());
        if (instrument == null) {
            return null;
        }
        InstrumentId id = instrument.id();
        Instant time = Instant.parse(m.path("t").asText());
        return switch (m.path("T").asText()) {
            case "t" -> new Trade(id, time, price(m, "p"), qty(m, "s"));
            case "q" -> new Quote(id, time, price(m, "bp"), price(m, "ap"), qty(m, "bs"), qty(m, "as"));
            // the provider stamps a minute bar with its start; it is complete, and known, a minute later
            default -> new Bar(id, time.plus(BAR), price(m, "o"), price(m, "h"), price(m, "l"), price(m, "c"), qty(m, "v"));
        };
    }

    private static Price price(JsonNode m, String field) {
        return Price.of(m.path(field).decimalValue());
    }

    private static Qty qty(JsonNode m, String field) {
        return Qty.of(m.path(field).decimalValue());
    }

    /** On the delivery thread: in time order per instrument, on the tick, and nothing after stop. */
    private void deliver(Object event, Instant received) {
        MarketDataListener l = listener;
        if (!running || l == null) {
            return;
        }
        InstrumentId id;
        Instant time;
        boolean onTick;
        Price tick;
        if (event instanceof Trade t) {
            id = t.instrument();
            time = t.time();
            tick = bySymbol.get(id.symbol()).tickSize();
            onTick = t.price().isMultipleOf(tick);
        } else if (event instanceof Quote q) {
            id = q.instrument();
            time = q.time();
            tick = bySymbol.get(id.symbol()).tickSize();
            onTick = q.bid().isMultipleOf(tick) && q.ask().isMultipleOf(tick);
        } else {
            Bar b = (Bar) event;
            id = b.instrument();
            time = b.time();
            tick = bySymbol.get(id.symbol()).tickSize();
            onTick = b.open().isMultipleOf(tick) && b.high().isMultipleOf(tick) && b.low().isMultipleOf(tick) && b.close().isMultipleOf(tick);
        }
        Instant last = lastTime.get(id);
        if (!onTick || (last != null && time.isBefore(last))) {
            long n = dropped.incrementAndGet();
            if (n <= LOGGED_DROPS) {
                LOG.warn("feed {}: left out {} ({}){}", id(), event, onTick ? "older than " + last : "a price off the tick " + tick,
                        n == LOGGED_DROPS ? "; further ones are counted in feed:list" : "");
            }
            return;
        }
        lastTime.put(id, time);
        lag = Duration.between(time, received);
        events.incrementAndGet();
        try {
            if (event instanceof Trade t) {
                l.onTrade(t);
            } else if (event instanceof Quote q) {
                l.onQuote(q);
            } else {
                l.onBar((Bar) event);
            }
        } catch (RuntimeException e) {
            LOG.error("feed {}: the listener failed on {}", id(), event, e); // the next event still comes
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
