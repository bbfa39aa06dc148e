package io.quiver.venue.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's {@code trade_updates} stream: connects, authenticates, listens, and hands each update on;
 * a closed or failed connection is tried again after the backoff's next wait, and {@code onListening} runs
 * each time the stream is back, so the venue can ask for what it missed. Messages may come as text or
 * binary frames (Alpaca's paper endpoint sends binary), each possibly in parts.
 *
 * <p>A connection that goes silent is not trusted: after {@code heartbeat} without a message it is pinged,
 * and after twice that it is given up and connected again. A peer (or a network) can drop a connection
 * without the client ever hearing of it; without this the venue would wait for updates forever.
 */
public final class TradeStream implements WebSocket.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(TradeStream.class);

    private final HttpClient client;
    private final URI url;
    private final String keyId;
    private final String secretKey;
    private final int[] backoffSeconds;
    private final Duration heartbeat;
    private final ScheduledExecutorService scheduler;
    private final Consumer<JsonNode> onUpdate;
    private final Runnable onListening;
    private final String venueId;
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile WebSocket socket;
    private volatile boolean listening;
    private volatile boolean stopped;
    private volatile long lastHeard = System.nanoTime();
    private int attempt;
    private boolean wasUp;
    private boolean retryScheduled;

    public TradeStream(HttpClient client, URI url, String keyId, String secretKey, int[] backoffSeconds, Duration heartbeat,
            ScheduledExecutorService scheduler, Consumer<JsonNode> onUpdate, Runnable onListening, String venueId) {
        this.client = client;
        this.url = url;
        this.keyId = keyId;
        this.secretKey = secretKey;
        this.backoffSeconds = backoffSeconds.clone();
        this.heartbeat = heartbeat;
        this.scheduler = scheduler;
        this.onUpdate = onUpdate;
        this.onListening = onListening;
        this.venueId = venueId;
    }

    public void start() {
        scheduler.execute(this::connect);
        long check = Math.max(50, heartbeat.toMillis() / 4);
        scheduler.scheduleWithFixedDelay(this::checkAlive, check, check, TimeUnit.MILLISECONDS);
    }

    private void checkAlive() {
        WebSocket s = socket;
        if (s == null || stopped) {
            return;
        }
        long silent = System.nanoTime() - lastHeard;
        if (silent > 2 * heartbeat.toNanos()) {
            s.abort();
            retry(s, "was silent for " + Duration.ofNanos(silent).toMillis() + " ms, even to a ping");
        } else if (silent > heartbeat.toNanos()) {
            s.sendPing(ByteBuffer.allocate(0));
        }
    }

    @Override
    public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
        lastHeard = System.nanoTime();
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
        lastHeard = System.nanoTime();
        ws.request(1);
        return null; // the client answers with a pong itself
    }

    /** True once the broker has confirmed the subscription, until the connection ends. */
    public boolean isListening() {
        return listening;
    }

    /** How many times the stream was connected again after it had been up. */
    public long reconnects() {
        return reconnects.get();
    }

    public void stop() {
        stopped = true;
        listening = false;
        WebSocket s = socket;
        if (s != null) {
            s.abort();
        }
    }

    private void connect() {
        synchronized (this) {
            retryScheduled = false;
        }
        if (stopped) {
            return;
        }
        client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(url, this).whenComplete((ws, error) -> {
            if (error != null) {
                retry(null, "cannot connect: " + rootMessage(error));
            }
        });
    }

    @Override
    public void onOpen(WebSocket ws) {
        lastHeard = System.nanoTime();
        socket = ws;
        if (stopped) {
            ws.abort();
            return;
        }
        ObjectNode auth = AlpacaRest.JSON.createObjectNode();
        auth.put("action", "auth").put("key", keyId).put("secret", secretKey);
        ws.sendText(auth.toString(), true);
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        lastHeard = System.nanoTime();
        text.append(data);
        if (last) {
            String message = text.toString();
            text.setLength(0);
            handle(ws, message);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        lastHeard = System.nanoTime();
        byte[] part = new byte[data.remaining()];
        data.get(part);
        binary.writeBytes(part);
        if (last) {
            String message = binary.toString(StandardCharsets.UTF_8);
            binary.reset();
            handle(ws, message);
        }
        ws.request(1);
        return null;
    }

    private void handle(WebSocket ws, String message) {
        JsonNode m;
        try {
            m = AlpacaRest.JSON.readTree(message);
        } catch (IOException e) {
            LOG.warn("venue {}: a stream message that is not JSON was ignored: {}", venueId, abbreviate(message));
            return;
        }
        String stream = m.path("stream").asText();
        JsonNode data = m.path("data");
        switch (stream) {
            case "authorization" -> {
                if ("authorized".equals(data.path("status").asText())) {
                    ws.sendText("{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}", true);
                } else {
                    LOG.error("venue {}: the broker refused the stream's keys ({}); check key.id and secret.key", venueId, data.path("status").asText());
                    ws.abort();
                    retry(ws, "unauthorized");
                }
            }
            case "listening" -> {
                boolean trades = false;
                for (JsonNode s : data.path("streams")) {
                    trades |= "trade_updates".equals(s.asText());
                }
                if (trades && !listening) {
                    listening = true;
                    if (wasUp) {
                        reconnects.incrementAndGet();
                    }
                    wasUp = true;
                    attempt = 0;
                    LOG.info("venue {}: listening to trade_updates at {}", venueId, url);
                    onListening.run();
                }
            }
            case "trade_updates" -> onUpdate.accept(data);
            default -> LOG.debug("venue {}: stream message {} ignored", venueId, stream);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        retry(ws, "closed by the broker (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        retry(ws, "failed: " + rootMessage(error));
    }

    private synchronized void retry(WebSocket ws, String why) {
        if (ws != null && ws != socket) {
            return; // a connection that was replaced already
        }
        socket = null;
        listening = false;
        text.setLength(0);
        binary.reset();
        if (stopped || retryScheduled) {
            return; // one connection at a time: a failure can be told twice (error, then close)
        }
        retryScheduled = true;
        int wait = backoffSeconds[Math.min(attempt, backoffSeconds.length - 1)];
        attempt++;
        LOG.warn("venue {}: the trade_updates stream {}; connecting again in {} s", venueId, why, wait);
        scheduler.schedule(this::connect, wait, TimeUnit.SECONDS);
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
