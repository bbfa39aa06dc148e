package io.quiver.venue.alpaca.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A broker on 127.0.0.1 that speaks the REST order API and the {@code trade_updates} stream the way
 * Alpaca's trading API documents them, for testing the REST/WebSocket venue and for trying it without a
 * real account. One account; orders fill against a price the test (or {@link #marketAt}) sets: market
 * orders at once (whole, or in parts), limit orders when the price reaches them. It can misbehave on
 * purpose: answer 429, drop the streams, duplicate, reorder or delay updates, lose an order or book one
 * and answer 500.
 *
 * <p>REST: {@code POST/GET /v2/orders}, {@code GET /v2/orders/{id}}, {@code GET /v2/orders:by_client_order_id},
 * {@code PATCH/DELETE /v2/orders/{id}}, {@code GET /v2/positions}, {@code GET /v2/account},
 * {@code GET /v2/account/activities/FILL}. Stream: {@code /stream} with {@code auth} and {@code listen}.
 */
public final class AlpacaBrokerStandIn implements AutoCloseable {
    /** The key id and secret the stand-in accepts. */
    public static final String KEY_ID = "PKSTANDIN0000000000";
    public static final String SECRET_KEY = "standin-secret-key-0000000000000000000000";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ACTIVITY_ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private final Set<String> symbols;
    private final HttpServer http;
    private final Stream stream;
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(4, daemon("quiver-alpaca-standin-http"));
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(daemon("quiver-alpaca-standin-stream"));
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, Order> byClientId = new LinkedHashMap<>();
    private final Map<String, BigDecimal> positions = new TreeMap<>();
    private final Map<String, BigDecimal> costBasis = new TreeMap<>();
    private final List<ObjectNode> activities = new ArrayList<>();
    private final List<WebSocket> listening = new CopyOnWriteArrayList<>();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger updatesSent = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger duplicateIds = new AtomicInteger();
    private final AtomicInteger refusedAuths = new AtomicInteger();
    private BigDecimal price;
    private BigDecimal cash;
    /** The market's clock as {@link #marketAt} last set it; null: the wall clock. */
    private Instant marketTime;
    private int fillParts = 1;
    private int rateLimitNext;
    private int loseNext;
    private int failAfterBookingNext;
    private boolean duplicate;
    private boolean reorder;
    private long delayMillis;
    private ObjectNode heldForReorder;
    private long activitySequence;

    /** A broker trading {@code symbols} at {@code price}, with {@code cash} in the account, on free ports. */
    public AlpacaBrokerStandIn(Set<String> symbols, BigDecimal price, BigDecimal cash) throws IOException, InterruptedException {
        this(symbols, price, cash, 0, 0);
    }

    public AlpacaBrokerStandIn(Set<String> symbols, BigDecimal price, BigDecimal cash, int restPort, int streamPort)
            throws IOException, InterruptedException {
        this.symbols = Set.copyOf(symbols);
        this.price = price;
        this.cash = cash;
        // the JDK's server writes headers and body apart; with Nagle on, each answer waits for the client's delayed ACK (40 ms)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", restPort), 0);
        http.createContext("/v2/", this::handle);
        http.setExecutor(httpThreads);
        http.start();
        stream = new Stream(new InetSocketAddress("127.0.0.1", streamPort));
        stream.setReuseAddr(true);
        stream.start();
        if (!stream.started.await(10, TimeUnit.SECONDS)) {
            throw new IOException("the stand-in's stream server did not start");
        }
    }

    public URI restUrl() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    public URI streamUrl() {
        return URI.create("ws://127.0.0.1:" + stream.getPort() + "/stream");
    }

    // ---- the market and misbehaviour ----------------------------------------------------------------

    /** Moves the price; working limit orders it reaches fill at it. */
    public synchronized void marketAt(BigDecimal newPrice, Instant time) {
        price = newPrice;
        marketTime = time;
        for (Order o : List.copyOf(orders.values())) {
            if (o.isOpen() && o.type.equals("limit") && reaches(o)) {
                fillAll(o, o.limit);
            }
        }
    }

    /** Orders from now on fill in {@code parts} equal updates (the last takes the rest). */
    public synchronized void fillInParts(int parts) {
        fillParts = Math.max(1, parts);
    }

    /** The next {@code n} REST requests are answered 429, with the headers Alpaca sends. */
    public synchronized void rateLimitNext(int n) {
        rateLimitNext = n;
    }

    /** The next {@code n} new orders are lost: nothing booked, the connection closed without an answer. */
    public synchronized void loseNextOrders(int n) {
        loseNext = n;
    }

    /** The next {@code n} new orders are booked and then answered 500, as a broker that fails after its commit. */
    public synchronized void failAfterBookingNextOrders(int n) {
        failAfterBookingNext = n;
    }

    /** Closes every stream connection; updates made until the client is back are not sent to it. */
    public void dropStreams() {
        for (WebSocket w : List.copyOf(listening)) {
            listening.remove(w);
            w.closeConnection(1006, "dropped by the stand-in");
        }
    }

    public synchronized void duplicateUpdates(boolean on) {
        duplicate = on;
    }

    /** Sends updates in swapped pairs (the second of two before the first). */
    public synchronized void reorderUpdates(boolean on) {
        reorder = on;
        if (!on && heldForReorder != null) {
            send(heldForReorder);
            heldForReorder = null;
        }
    }

    public synchronized void delayUpdates(Duration delay) {
        delayMillis = delay.toMillis();
    }

    // ---- what the broker holds ----------------------------------------------------------------------

    public int rateLimitedAnswers() {
        return rateLimited.get();
    }

    /** Every trade update made for a listening stream, once per stream (a duplicate counts twice). */
    public int updatesSent() {
        return updatesSent.get();
    }

    /** How many stream authentications the stand-in refused (wrong keys). */
    public int refusedAuthentications() {
        return refusedAuths.get();
    }

    /** How many stream connections have authenticated since the start. */
    public int streamConnections() {
        return connections.get();
    }

    public synchronized BigDecimal cash() {
        return cash;
    }

    /** Signed positions by symbol, without the flat ones. */
    public synchronized Map<String, BigDecimal> positions() {
        Map<String, BigDecimal> p = new TreeMap<>();
        positions.forEach((s, q) -> {
            if (q.signum() != 0) {
                p.put(s, q);
            }
        });
        return p;
    }

    /** How many orders with this client order id the broker has (0 or 1: it refuses a second). */
    public synchronized int ordersWithClientId(String clientOrderId) {
        return byClientId.containsKey(clientOrderId) ? 1 : 0;
    }

    /** What the order entered under {@code clientOrderId} has filled, with every order that replaced it; null if there is none. */
    public synchronized BigDecimal filled(String clientOrderId) {
        Order o = byClientId.get(clientOrderId);
        while (o != null && o.replacedBy != null) {
            o = orders.get(o.replacedBy);
        }
        return o == null ? null : o.filled;
    }

    /** Whether the order entered under {@code clientOrderId} (or what replaced it) is still working. */
    public synchronized boolean isOpen(String clientOrderId) {
        Order o = byClientId.get(clientOrderId);
        while (o != null && o.replacedBy != null) {
            o = orders.get(o.replacedBy);
        }
        return o != null && o.isOpen();
    }

    /** How many new orders came with a client order id the broker had already (each refused). */
    public int duplicateIdsRefused() {
        return duplicateIds.get();
    }

    public synchronized int orderCount() {
        return orders.size();
    }

    /** How many fills the broker has made. */
    public synchronized int fillCount() {
        return activities.size();
    }

    @Override
    public void close() {
        http.stop(0);
        try {
            stream.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.shutdownNow();
        httpThreads.shutdownNow();
    }

    // ---- REST ---------------------------------------------------------------------------------------

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            if (!KEY_ID.equals(x.getRequestHeaders().getFirst("APCA-API-KEY-ID"))
                    || !SECRET_KEY.equals(x.getRequestHeaders().getFirst("APCA-API-SECRET-KEY"))) {
                answer(x, 401, error(40110000, "request is not authorized"));
                return;
            }
            if (takeRateLimit()) {
                rateLimited.incrementAndGet();
                x.getResponseHeaders().add("X-RateLimit-Limit", "200");
                x.getResponseHeaders().add("X-RateLimit-Remaining", "0");
                x.getResponseHeaders().add("X-RateLimit-Reset", Long.toString(Instant.now().getEpochSecond() + 1));
                answer(x, 429, error(42910000, "rate limit exceeded"));
                return;
            }
            String path = x.getRequestURI().getPath();
            Map<String, String> query = query(x.getRequestURI());
            String method = x.getRequestMethod();
            JsonNode body = method.equals("POST") || method.equals("PATCH") ? JSON.readTree(x.getRequestBody()) : null;
            route(x, method, path, query, body);
        } catch (RuntimeException e) {
            answer(x, 500, error(50010000, "internal error: " + e));
        }
    }

    private void route(HttpExchange x, String method, String path, Map<String, String> query, JsonNode body) throws IOException {
        if (path.equals("/v2/orders") && method.equals("POST")) {
            newOrder(x, body);
        } else if (path.equals("/v2/orders") && method.equals("GET")) {
            answer(x, 200, listOrders(query));
        } else if (path.equals("/v2/orders:by_client_order_id") && method.equals("GET")) {
            Order o = orderByClientId(query.getOrDefault("client_order_id", ""));
            answer(x, o == null ? 404 : 200, o == null ? error(40410000, "order not found") : json(o));
        } else if (path.startsWith("/v2/orders/")) {
            String id = path.substring("/v2/orders/".length());
            switch (method) {
                case "GET" -> {
                    Order o = order(id);
                    answer(x, o == null ? 404 : 200, o == null ? error(40410000, "order not found") : json(o));
                }
                case "DELETE" -> cancel(x, id);
                case "PATCH" -> replace(x, id, body);
                default -> answer(x, 405, error(40510000, "method not allowed"));
            }
        } else if (path.equals("/v2/positions") && method.equals("GET")) {
            answer(x, 200, positionsJson());
        } else if (path.equals("/v2/account") && method.equals("GET")) {
            answer(x, 200, accountJson());
        } else if (path.equals("/v2/account/activities/FILL") && method.equals("GET")) {
            answer(x, 200, fillActivities(query));
        } else {
            answer(x, 404, error(40410000, "endpoint not found"));
        }
    }

    private synchronized boolean takeRateLimit() {
        if (rateLimitNext > 0) {
            rateLimitNext--;
            return true;
        }
        return false;
    }

    private void newOrder(HttpExchange x, JsonNode b) throws IOException {
        Order o;
        String refusal;
        int status;
        synchronized (this) {
            if (loseNext > 0) {
                loseNext--;
                x.close(); // no answer: the client cannot know whether the order arrived (it did not)
                return;
            }
            String clientId = text(b, "client_order_id", UUID.randomUUID().toString());
            String symbol = text(b, "symbol", "");
            String side = text(b, "side", "");
            String type = text(b, "type", "");
            BigDecimal qty = decimal(b, "qty");
            BigDecimal limit = decimal(b, "limit_price");
            refusal = null;
            status = 422;
            if (byClientId.containsKey(clientId)) {
                refusal = "client_order_id must be unique";
                duplicateIds.incrementAndGet();
            } else if (!symbols.contains(symbol)) {
                refusal = "asset \"" + symbol + "\" not found";
            } else if (qty == null || qty.signum() <= 0) {
                refusal = "qty must be > 0";
            } else if (!side.equals("buy") && !side.equals("sell")) {
                refusal = "invalid side";
            } else if (!type.equals("market") && !type.equals("limit")) {
                refusal = "invalid order type for this stand-in: " + type;
            } else if (type.equals("limit") && (limit == null || limit.signum() <= 0)) {
                refusal = "limit_price must be > 0";
            } else if (side.equals("buy") && qty.multiply(type.equals("limit") ? limit : price).compareTo(cash) > 0) {
                refusal = "insufficient buying power";
                status = 403;
            }
            if (refusal != null) {
                o = null;
            } else {
                o = new Order(UUID.randomUUID().toString(), clientId, symbol, side, type, qty, limit, text(b, "time_in_force", "day"), Instant.now());
                orders.put(o.id, o);
                byClientId.put(clientId, o);
                update("new", o, null, null);
                if (type.equals("market")) {
                    fillMarket(o);
                } else if (reaches(o)) {
                    fillAll(o, price);
                }
            }
        }
        if (o == null) {
            answer(x, status, error(status == 403 ? 40310000 : 40010001, refusal));
            return;
        }
        boolean fail;
        synchronized (this) {
            fail = failAfterBookingNext > 0;
            if (fail) {
                failAfterBookingNext--;
            }
        }
        if (fail) {
            answer(x, 500, error(50010000, "internal server error"));
        } else {
            answer(x, 200, json(o));
        }
    }

    private synchronized ObjectNode[] cancelLocked(String id) {
        Order o = orders.get(id);
        if (o == null) {
            return new ObjectNode[] {error(40410000, "order not found"), null};
        }
        if (!o.isOpen()) {
            return new ObjectNode[] {error(42210000, "order is not cancelable"), null};
        }
        o.status = "canceled";
        o.canceledAt = Instant.now();
        update("canceled", o, null, null);
        return new ObjectNode[] {null, json(o)};
    }

    private void cancel(HttpExchange x, String id) throws IOException {
        ObjectNode[] r = cancelLocked(id);
        if (r[0] != null) {
            answer(x, r[0].get("code").asInt() == 40410000 ? 404 : 422, r[0]);
        } else {
            x.sendResponseHeaders(204, -1);
        }
    }

    private void replace(HttpExchange x, String id, JsonNode b) throws IOException {
        ObjectNode answer;
        int status = 200;
        synchronized (this) {
            Order old = orders.get(id);
            BigDecimal qty = decimal(b, "qty");
            BigDecimal limit = decimal(b, "limit_price");
            String clientId = text(b, "client_order_id", UUID.randomUUID().toString());
            if (old == null) {
                status = 404;
                answer = error(40410000, "order not found");
            } else if (!old.isOpen()) {
                status = 422;
                answer = error(42210000, "order is not replaceable");
            } else if (byClientId.containsKey(clientId)) {
                status = 422;
                answer = error(40010001, "client_order_id must be unique");
            } else if ((qty != null && qty.compareTo(old.filled) <= 0) || (limit != null && limit.signum() <= 0)) {
                status = 422;
                answer = error(40010001, "qty must exceed the filled quantity and limit_price must be > 0");
            } else {
                Order o = new Order(UUID.randomUUID().toString(), clientId, old.symbol, old.side, old.type, qty != null ? qty : old.qty,
                        limit != null ? limit : old.limit, text(b, "time_in_force", old.tif), Instant.now());
                o.filled = old.filled; // the replacement carries what the order it replaces had filled
                o.filledValue = old.filledValue;
                o.replaces = old.id;
                old.status = "replaced";
                old.replacedBy = o.id;
                old.replacedAt = o.created;
                orders.put(o.id, o);
                byClientId.put(clientId, o);
                update("replaced", old, null, null);
                update("new", o, null, null);
                if (o.type.equals("limit") && reaches(o)) {
                    fillAll(o, price);
                }
                answer = json(o);
            }
        }
        answer(x, status, answer);
    }

    private synchronized ArrayNode listOrders(Map<String, String> q) {
        String status = q.getOrDefault("status", "open");
        int limit = Math.min(500, Integer.parseInt(q.getOrDefault("limit", "50")));
        boolean ascending = q.getOrDefault("direction", "desc").equals("asc");
        Instant after = q.containsKey("after") ? Instant.parse(q.get("after")) : Instant.EPOCH;
        List<Order> list = new ArrayList<>(orders.values().stream()
                .filter(o -> status.equals("all") || (status.equals("open") == o.isOpen()))
                .filter(o -> o.created.isAfter(after)).toList());
        if (!ascending) {
            list.sort(Comparator.comparing((Order o) -> o.created).reversed());
        }
        ArrayNode a = JSON.createArrayNode();
        list.stream().limit(limit).forEach(o -> a.add(json(o)));
        return a;
    }

    private synchronized Order order(String id) {
        return orders.get(id);
    }

    private synchronized Order orderByClientId(String clientId) {
        return byClientId.get(clientId);
    }

    private synchronized ArrayNode positionsJson() {
        ArrayNode a = JSON.createArrayNode();
        positions().forEach((symbol, qty) -> {
            ObjectNode p = a.addObject();
            BigDecimal basis = costBasis.getOrDefault(symbol, BigDecimal.ZERO);
            p.put("asset_id", UUID.nameUUIDFromBytes(symbol.getBytes(StandardCharsets.UTF_8)).toString());
            p.put("symbol", symbol);
            p.put("exchange", "NASDAQ");
            p.put("asset_class", "us_equity");
            p.put("asset_marginable", true);
            p.put("avg_entry_price", basis.divide(qty, 4, RoundingMode.HALF_EVEN).abs().toPlainString());
            p.put("qty", qty.toPlainString());
            p.put("side", qty.signum() > 0 ? "long" : "short");
            p.put("market_value", qty.multiply(price).toPlainString());
            p.put("cost_basis", basis.toPlainString());
            p.put("unrealized_pl", qty.multiply(price).subtract(basis).toPlainString());
            p.put("current_price", price.toPlainString());
            p.put("qty_available", qty.toPlainString());
        });
        return a;
    }

    private synchronized ObjectNode accountJson() {
        ObjectNode a = JSON.createObjectNode();
        BigDecimal longValue = BigDecimal.ZERO;
        for (BigDecimal q : positions.values()) {
            longValue = longValue.add(q.multiply(price));
        }
        a.put("id", "2f0dd7a2-ea19-4b58-9e7b-0a1c1a6c7a77");
        a.put("account_number", "PA3STANDIN01");
        a.put("status", "ACTIVE");
        a.put("currency", "USD");
        a.put("cash", cash.toPlainString());
        a.put("buying_power", cash.toPlainString());
        a.put("portfolio_value", cash.add(longValue).toPlainString());
        a.put("equity", cash.add(longValue).toPlainString());
        a.put("pattern_day_trader", false);
        a.put("trading_blocked", false);
        a.put("account_blocked", false);
        a.put("created_at", RFC3339.format(Instant.parse("2026-01-02T00:00:00Z")));
        return a;
    }

    /** Oldest first with {@code direction=asc}; {@code page_token} is the id of the last activity of the previous page. */
    private synchronized ArrayNode fillActivities(Map<String, String> q) {
        Instant after = q.containsKey("after") ? Instant.parse(q.get("after")) : Instant.EPOCH;
        int pageSize = Math.min(100, Integer.parseInt(q.getOrDefault("page_size", "100")));
        boolean ascending = q.getOrDefault("direction", "desc").equals("asc");
        List<ObjectNode> list = new ArrayList<>(activities.stream()
                .filter(a -> Instant.parse(a.get("transaction_time").asText()).isAfter(after)).toList());
        if (!ascending) {
            java.util.Collections.reverse(list);
        }
        String token = q.get("page_token");
        int start = 0;
        if (token != null) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).get("id").asText().equals(token)) {
                    start = i + 1;
                }
            }
        }
        ArrayNode a = JSON.createArrayNode();
        list.stream().skip(start).limit(pageSize).forEach(a::add);
        return a;
    }

    // ---- fills --------------------------------------------------------------------------------------

    private boolean reaches(Order o) {
        return o.side.equals("buy") ? price.compareTo(o.limit) <= 0 : price.compareTo(o.limit) >= 0;
    }

    private void fillMarket(Order o) {
        fillAll(o, price);
    }

    /** What is left, in {@link #fillInParts} parts. */
    private void fillAll(Order o, BigDecimal at) {
        BigDecimal left = o.qty.subtract(o.filled);
        BigDecimal part = left.divide(BigDecimal.valueOf(fillParts), 0, RoundingMode.DOWN);
        for (int i = 1; i < fillParts && part.signum() > 0; i++) {
            fill(o, part, at);
        }
        fill(o, o.qty.subtract(o.filled), at);
    }

    private void fill(Order o, BigDecimal qty, BigDecimal at) {
        Instant now = marketTime != null ? marketTime : Instant.now();
        o.filled = o.filled.add(qty);
        o.filledValue = o.filledValue.add(qty.multiply(at));
        boolean done = o.filled.compareTo(o.qty) == 0;
        o.status = done ? "filled" : "partially_filled";
        if (done) {
            o.filledAt = now;
        }
        BigDecimal signed = o.side.equals("buy") ? qty : qty.negate();
        positions.merge(o.symbol, signed, BigDecimal::add);
        costBasis.merge(o.symbol, signed.multiply(at), BigDecimal::add);
        cash = cash.subtract(signed.multiply(at));
        String executionId = UUID.randomUUID().toString();
        ObjectNode a = JSON.createObjectNode();
        // Alpaca's activity ids are the transaction time and a unique part; a sequence keeps them in order here
        a.put("id", ACTIVITY_ID.format(now) + String.format("%06d", ++activitySequence) + "::" + executionId);
        a.put("activity_type", "FILL");
        a.put("transaction_time", RFC3339.format(now));
        a.put("type", done ? "fill" : "partial_fill");
        a.put("price", at.toPlainString());
        a.put("qty", qty.toPlainString());
        a.put("side", o.side);
        a.put("symbol", o.symbol);
        a.put("leaves_qty", o.qty.subtract(o.filled).toPlainString());
        a.put("order_id", o.id);
        a.put("cum_qty", o.filled.toPlainString());
        a.put("order_status", o.status);
        activities.add(a);
        ObjectNode extra = JSON.createObjectNode();
        extra.put("execution_id", executionId);
        extra.put("price", at.toPlainString());
        extra.put("qty", qty.toPlainString());
        extra.put("position_qty", positions.get(o.symbol).toPlainString());
        update(done ? "fill" : "partial_fill", o, extra, now);
    }

    // ---- the stream ---------------------------------------------------------------------------------

    private void update(String event, Order o, ObjectNode extra, Instant at) {
        ObjectNode m = JSON.createObjectNode();
        m.put("stream", "trade_updates");
        ObjectNode data = m.putObject("data");
        data.put("event", event);
        if (extra != null) {
            data.setAll(extra);
        }
        data.put("timestamp", RFC3339.format(at != null ? at : Instant.now()));
        data.set("order", json(o));
        if (reorder) {
            if (heldForReorder == null) {
                heldForReorder = m;
                return;
            }
            send(m);
            send(heldForReorder);
            heldForReorder = null;
            return;
        }
        send(m);
        if (duplicate) {
            send(m);
        }
    }

    private void send(ObjectNode m) {
        byte[] bytes = m.toString().getBytes(StandardCharsets.UTF_8);
        List<WebSocket> to = List.copyOf(listening);
        updatesSent.addAndGet(to.size()); // counted when made, so that a test waiting for them never misses one on its way
        Runnable write = () -> {
            for (WebSocket w : to) {
                if (w.isOpen()) {
                    w.send(ByteBuffer.wrap(bytes)); // binary frames, as Alpaca's paper endpoint sends them
                }
            }
        };
        if (delayMillis > 0) {
            sender.schedule(write, delayMillis, TimeUnit.MILLISECONDS);
        } else {
            sender.execute(write);
        }
    }

    private final class Stream extends WebSocketServer {
        final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);

        Stream(InetSocketAddress address) {
            super(address);
            setConnectionLostTimeout(0);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            if (!handshake.getResourceDescriptor().startsWith("/stream")) {
                conn.close(1008, "no such stream");
            }
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            onMessage(conn, ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            JsonNode m;
            try {
                m = JSON.readTree(StandardCharsets.UTF_8.decode(message).toString());
            } catch (IOException e) {
                reply(conn, "{\"stream\":\"error\",\"data\":{\"error\":\"invalid syntax\"}}");
                return;
            }
            String action = m.path("action").asText();
            if (action.equals("auth") || action.equals("authenticate")) {
                boolean ok = KEY_ID.equals(m.path("key").asText()) && SECRET_KEY.equals(m.path("secret").asText());
                conn.setAttachment(ok);
                reply(conn, "{\"stream\":\"authorization\",\"data\":{\"action\":\"authenticate\",\"status\":\""
                        + (ok ? "authorized" : "unauthorized") + "\"}}");
                if (ok) {
                    connections.incrementAndGet();
                } else {
                    refusedAuths.incrementAndGet();
                    conn.close(1008, "unauthorized");
                }
            } else if (action.equals("listen") && Boolean.TRUE.equals(conn.getAttachment())) {
                boolean trades = false;
                for (JsonNode s : m.path("data").path("streams")) {
                    trades |= s.asText().equals("trade_updates");
                }
                // the confirmation goes through the sender, so that every update after it reaches this connection in order
                boolean listen = trades;
                sender.execute(() -> {
                    if (listen) {
                        listening.add(conn);
                    }
                    reply(conn, "{\"stream\":\"listening\",\"data\":{\"streams\":[" + (listen ? "\"trade_updates\"" : "") + "]}}");
                });
            } else {
                reply(conn, "{\"stream\":\"authorization\",\"data\":{\"action\":\"" + action + "\",\"status\":\"unauthorized\"}}");
            }
        }

        private void reply(WebSocket conn, String text) {
            if (conn.isOpen()) {
                conn.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            listening.remove(conn);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn != null) {
                listening.remove(conn);
            }
        }
    }

    // ---- JSON ---------------------------------------------------------------------------------------

    private static final class Order {
        final String id;
        final String clientId;
        final String symbol;
        final String side;
        final String type;
        final BigDecimal qty;
        final BigDecimal limit;
        final String tif;
        final Instant created;
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal filledValue = BigDecimal.ZERO;
        String status = "new";
        Instant filledAt;
        Instant canceledAt;
        Instant replacedAt;
        String replacedBy;
        String replaces;

        Order(String id, String clientId, String symbol, String side, String type, BigDecimal qty, BigDecimal limit, String tif, Instant created) {
            this.id = id;
            this.clientId = clientId;
            this.symbol = symbol;
            this.side = side;
            this.type = type;
            this.qty = qty;
            this.limit = limit;
            this.tif = tif;
            this.created = created;
        }

        boolean isOpen() {
            return status.equals("new") || status.equals("partially_filled") || status.equals("accepted");
        }
    }

    private static ObjectNode json(Order o) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", o.id);
        n.put("client_order_id", o.clientId);
        n.put("created_at", RFC3339.format(o.created));
        n.put("updated_at", RFC3339.format(Instant.now()));
        n.put("submitted_at", RFC3339.format(o.created));
        time(n, "filled_at", o.filledAt);
        n.putNull("expired_at");
        time(n, "canceled_at", o.canceledAt);
        n.putNull("failed_at");
        time(n, "replaced_at", o.replacedAt);
        n.put("replaced_by", o.replacedBy);
        n.put("replaces", o.replaces);
        n.put("asset_id", UUID.nameUUIDFromBytes(o.symbol.getBytes(StandardCharsets.UTF_8)).toString());
        n.put("symbol", o.symbol);
        n.put("asset_class", "us_equity");
        n.putNull("notional");
        n.put("qty", o.qty.toPlainString());
        n.put("filled_qty", o.filled.toPlainString());
        n.put("filled_avg_price", o.filled.signum() == 0 ? null : o.filledValue.divide(o.filled, 4, RoundingMode.HALF_EVEN).toPlainString());
        n.put("order_class", "");
        n.put("order_type", o.type);
        n.put("type", o.type);
        n.put("side", o.side);
        n.put("time_in_force", o.tif);
        n.put("limit_price", o.limit == null ? null : o.limit.toPlainString());
        n.putNull("stop_price");
        n.put("status", o.status);
        n.put("extended_hours", false);
        n.putNull("legs");
        n.putNull("trail_percent");
        n.putNull("trail_price");
        n.putNull("hwm");
        return n;
    }

    private static void time(ObjectNode n, String field, Instant t) {
        if (t == null) {
            n.putNull(field);
        } else {
            n.put(field, RFC3339.format(t));
        }
    }

    private static ObjectNode error(int code, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("code", code);
        n.put("message", message);
        return n;
    }

    private static String text(JsonNode b, String field, String otherwise) {
        JsonNode v = b == null ? null : b.get(field);
        return v == null || v.isNull() ? otherwise : v.asText();
    }

    private static BigDecimal decimal(JsonNode b, String field) {
        String t = text(b, field, null);
        try {
            return t == null ? null : new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static void answer(HttpExchange x, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * {@code bin/quiver-alpaca-broker [--rest-port 8901] [--stream-port 8902] [--symbols SYN1] [--price 100.00] [--step 0.01] [--cash 1000000]}:
     * a broker whose market moves by up to {@code step} a second (seeded), until the process is stopped.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--rest-port", "8901", "--stream-port", "8902", "--symbols", "SYN1", "--price", "100.00",
                "--step", "0.01", "--cash", "1000000"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!o.containsKey(args[i])) {
                System.err.println("unknown option " + args[i] + "; options: " + o.keySet());
                System.exit(2);
            }
            o.put(args[i], args[i + 1]);
        }
        AlpacaBrokerStandIn broker = new AlpacaBrokerStandIn(Set.of(o.get("--symbols").split(",")), new BigDecimal(o.get("--price")),
                new BigDecimal(o.get("--cash")), Integer.parseInt(o.get("--rest-port")), Integer.parseInt(o.get("--stream-port")));
        System.out.println("stand-in broker: REST " + broker.restUrl() + ", stream " + broker.streamUrl() + ", key id " + KEY_ID
                + "; its secret key is in the operator guide");
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        BigDecimal price = new BigDecimal(o.get("--price"));
        BigDecimal step = new BigDecimal(o.get("--step"));
        java.util.Random random = new java.util.Random(7);
        while (true) {
            Thread.sleep(1000);
            price = price.add(step.multiply(BigDecimal.valueOf(random.nextInt(3) - 1))).max(step);
            broker.marketAt(price, Instant.now());
        }
    }
}
