package io.quiver.feed.alpaca.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A market-data server on 127.0.0.1 that speaks Alpaca's stock data stream ({@code /v2/iex}): {@code connected},
 * {@code auth}, {@code subscribe} with trades, quotes and bars per symbol (or {@code *}), then arrays of
 * {@code t}, {@code q} and {@code b} messages shaped as the provider documents them, prices as JSON numbers.
 * Tests publish through it; it can drop every connection.
 */
public final class MarketDataStandIn implements AutoCloseable {
    public static final String KEY_ID = "PKSTANDIN0000000000";
    public static final String SECRET_KEY = "standin-secret-key-0000000000000000000000";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final Server server;
    private final Map<WebSocket, Subscription> subscribed = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger refusedAuths = new AtomicInteger();
    private long tradeId;

    private static final class Subscription {
        final Set<String> trades = new HashSet<>();
        final Set<String> quotes = new HashSet<>();
        final Set<String> bars = new HashSet<>();
    }

    public MarketDataStandIn() throws IOException, InterruptedException {
        this(0);
    }

    public MarketDataStandIn(int port) throws IOException, InterruptedException {
        server = new Server(new InetSocketAddress("127.0.0.1", port));
        server.setReuseAddr(true);
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            throw new IOException("the stand-in's market-data server did not start");
        }
    }

    public URI url() {
        return URI.create("ws://127.0.0.1:" + server.getPort() + "/v2/iex");
    }

    /** How many connections have subscribed since the start. */
    public int subscriptions() {
        return connections.get();
    }

    /** How many authentications the server refused (wrong keys). */
    public int refusedAuthentications() {
        return refusedAuths.get();
    }

    public boolean anySubscribed() {
        return !subscribed.isEmpty();
    }

    public synchronized void trade(String symbol, BigDecimal price, long size, Instant time) {
        ObjectNode t = JSON.createObjectNode();
        t.put("T", "t").put("S", symbol).put("i", ++tradeId).put("x", "V").put("p", price).put("s", size).put("t", RFC3339.format(time));
        t.putArray("c").add("@");
        t.put("z", "C");
        send(symbol, t, s -> s.trades);
    }

    public synchronized void quote(String symbol, BigDecimal bid, long bidSize, BigDecimal ask, long askSize, Instant time) {
        ObjectNode q = JSON.createObjectNode();
        q.put("T", "q").put("S", symbol).put("bx", "V").put("bp", bid).put("bs", bidSize).put("ax", "V").put("ap", ask).put("as", askSize)
                .put("t", RFC3339.format(time));
        q.putArray("c").add("R");
        q.put("z", "C");
        send(symbol, q, s -> s.quotes);
    }

    public synchronized void bar(String symbol, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, long volume, Instant minute) {
        ObjectNode b = JSON.createObjectNode();
        b.put("T", "b").put("S", symbol).put("o", open).put("h", high).put("l", low).put("c", close).put("v", volume)
                .put("t", DateTimeFormatter.ISO_INSTANT.format(minute)).put("n", 1).put("vw", close);
        send(symbol, b, s -> s.bars);
    }

    /** Closes every connection without a close frame, as a network failure does. */
    public void dropConnections() {
        for (WebSocket w : List.copyOf(subscribed.keySet())) {
            subscribed.remove(w);
            w.closeConnection(1006, "dropped by the stand-in");
        }
    }

    private void send(String symbol, ObjectNode message, java.util.function.Function<Subscription, Set<String>> channel) {
        String text = "[" + message + "]";
        subscribed.forEach((w, s) -> {
            Set<String> wanted = channel.apply(s);
            if (w.isOpen() && (wanted.contains(symbol) || wanted.contains("*"))) {
                w.send(text);
            }
        });
    }

    @Override
    public void close() {
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Server extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);

        Server(InetSocketAddress address) {
            super(address);
            setConnectionLostTimeout(0);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            conn.send("[{\"T\":\"success\",\"msg\":\"connected\"}]");
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            JsonNode m;
            try {
                m = JSON.readTree(message);
            } catch (IOException e) {
                conn.send("[{\"T\":\"error\",\"code\":400,\"msg\":\"invalid syntax\"}]");
                return;
            }
            switch (m.path("action").asText()) {
                case "auth" -> {
                    if (KEY_ID.equals(m.path("key").asText()) && SECRET_KEY.equals(m.path("secret").asText())) {
                        conn.setAttachment(Boolean.TRUE);
                        conn.send("[{\"T\":\"success\",\"msg\":\"authenticated\"}]");
                    } else {
                        refusedAuths.incrementAndGet();
                        conn.send("[{\"T\":\"error\",\"code\":402,\"msg\":\"auth failed\"}]");
                        conn.close(1008, "auth failed");
                    }
                }
                case "subscribe" -> {
                    if (!Boolean.TRUE.equals(conn.getAttachment())) {
                        conn.send("[{\"T\":\"error\",\"code\":401,\"msg\":\"not authenticated\"}]");
                        return;
                    }
                    Subscription s = subscribed.computeIfAbsent(conn, c -> new Subscription());
                    m.path("trades").forEach(v -> s.trades.add(v.asText()));
                    m.path("quotes").forEach(v -> s.quotes.add(v.asText()));
                    m.path("bars").forEach(v -> s.bars.add(v.asText()));
                    ObjectNode r = JSON.createObjectNode();
                    r.put("T", "subscription");
                    ArrayNode t = r.putArray("trades");
                    s.trades.forEach(t::add);
                    ArrayNode q = r.putArray("quotes");
                    s.quotes.forEach(q::add);
                    ArrayNode b = r.putArray("bars");
                    s.bars.forEach(b::add);
                    connections.incrementAndGet();
                    conn.send("[" + r + "]");
                }
                default -> conn.send("[{\"T\":\"error\",\"code\":400,\"msg\":\"invalid syntax\"}]");
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            subscribed.remove(conn);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn != null) {
                subscribed.remove(conn);
                conn.close();
            }
        }
    }

    /** {@code bin/quiver-alpaca-feed [--port 8903] [--symbols SYN1] [--price 100.00] [--step 0.01]}: a trade and a quote per symbol a second, a bar each minute. */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--port", "8903", "--symbols", "SYN1", "--price", "100.00", "--step", "0.01"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!o.containsKey(args[i])) {
                System.err.println("unknown option " + args[i] + "; options: " + o.keySet());
                System.exit(2);
            }
            o.put(args[i], args[i + 1]);
        }
        MarketDataStandIn feed = new MarketDataStandIn(Integer.parseInt(o.get("--port")));
        System.out.println("stand-in market data: " + feed.url() + ", key id " + KEY_ID + "; its secret key is in the operator guide");
        Runtime.getRuntime().addShutdownHook(new Thread(feed::close));
        BigDecimal price = new BigDecimal(o.get("--price"));
        BigDecimal step = new BigDecimal(o.get("--step"));
        java.util.Random random = new java.util.Random(7);
        BigDecimal open = price;
        BigDecimal high = price;
        BigDecimal low = price;
        long volume = 0;
        Instant minute = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        while (true) {
            Thread.sleep(1000);
            Instant now = Instant.now();
            if (!now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).equals(minute)) {
                for (String s : o.get("--symbols").split(",")) {
                    feed.bar(s, open, high, low, price, volume, minute);
                }
                minute = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
                open = price;
                high = price;
                low = price;
                volume = 0;
            }
            price = price.add(step.multiply(BigDecimal.valueOf(random.nextInt(3) - 1))).max(step);
            high = high.max(price);
            low = low.min(price);
            volume += 100;
            for (String s : o.get("--symbols").split(",")) {
                feed.trade(s, price, 100, now);
                feed.quote(s, price.subtract(step), 300, price.add(step), 200, now);
            }
        }
    }
}
