package io.quiver.venue.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quiver.sdk.live.ReconnectingWebSocket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's {@code trade_updates} stream: authenticates, listens, and hands each update on; the
 * connection itself (reconnection with backoff, silence, frames) is a {@link ReconnectingWebSocket}.
 * {@code onListening} runs each time the stream is up again, so the venue can ask for what it missed.
 */
public final class TradeStream implements ReconnectingWebSocket.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(TradeStream.class);

    private final String keyId;
    private final String secretKey;
    private final Consumer<JsonNode> onUpdate;
    private final Runnable onListening;
    private final String venueId;
    private final ReconnectingWebSocket socket;

    public TradeStream(HttpClient client, URI url, String keyId, String secretKey, int[] backoffSeconds, Duration heartbeat,
            ScheduledExecutorService scheduler, Consumer<JsonNode> onUpdate, Runnable onListening, String venueId) {
        this.keyId = keyId;
        this.secretKey = secretKey;
        this.onUpdate = onUpdate;
        this.onListening = onListening;
        this.venueId = venueId;
        this.socket = new ReconnectingWebSocket(client, url, backoffSeconds, heartbeat, scheduler, this,
                "venue " + venueId + ": the trade_updates stream");
    }

    public void start() {
        socket.start();
    }

    public void stop() {
        socket.stop();
    }

    /** True once the broker has confirmed the subscription, until the connection ends. */
    public boolean isListening() {
        return socket.isReady();
    }

    /** How many times the stream was up again after it had been up. */
    public long reconnects() {
        return socket.reconnects();
    }

    @Override
    public void onOpen(ReconnectingWebSocket.Connection c) {
        ObjectNode auth = AlpacaRest.JSON.createObjectNode();
        auth.put("action", "auth").put("key", keyId).put("secret", secretKey);
        c.send(auth.toString());
    }

    @Override
    public void onMessage(ReconnectingWebSocket.Connection c, String message) {
        JsonNode m;
        try {
            m = AlpacaRest.JSON.readTree(message);
        } catch (IOException e) {
            LOG.warn("venue {}: a stream message that is not JSON was ignored: {}", venueId, message.length() > 120 ? message.substring(0, 120) : message);
            return;
        }
        JsonNode data = m.path("data");
        switch (m.path("stream").asText()) {
            case "authorization" -> {
                if ("authorized".equals(data.path("status").asText())) {
                    c.send("{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}");
                } else {
                    c.fail("the broker refused the stream's keys (" + data.path("status").asText() + "); check key.id and secret.key");
                }
            }
            case "listening" -> {
                for (JsonNode s : data.path("streams")) {
                    if ("trade_updates".equals(s.asText())) {
                        c.ready();
                    }
                }
            }
            case "trade_updates" -> onUpdate.accept(data);
            default -> LOG.debug("venue {}: stream message {} ignored", venueId, m.path("stream").asText());
        }
    }

    @Override
    public void onReady(boolean again) {
        onListening.run();
    }
}
