package io.quiver.sdk.live;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket client for a live adapter, on the JDK's {@code java.net.http}: it connects, lets a
 * {@link Handler} speak the provider's protocol (authenticate, subscribe, then {@link Connection#ready()}),
 * hands each whole message on (text or binary frames, each possibly in parts, as UTF-8 text), and when the
 * connection ends or fails connects again after the backoff's next wait; the handler then subscribes again.
 *
 * <p>A connection that goes silent is not trusted: after {@code heartbeat} without a message it is
 * pinged, and after twice that it is given up and connected again. A peer or a network can drop a
 * connection without the client ever hearing of it; without this an adapter would wait forever. So is one
 * that does not become ready (authenticated and subscribed) within {@link #READY_WITHIN} or two heartbeats,
 * whichever is longer: a lost reply must not leave it open and useless. Sends go out one after the other,
 * each after the last has been written (the JDK refuses a send while one is pending).
 */
public final class ReconnectingWebSocket {
    private static final Logger LOG = LoggerFactory.getLogger(ReconnectingWebSocket.class);
    /** How long a connection may take to become ready, at least. */
    public static final Duration READY_WITHIN = Duration.ofSeconds(10);

    /** The provider's protocol. Its methods run on the client's threads, one at a time per connection. */
    public interface Handler {
        /** A connection is open: authenticate (or, for a provider that needs nothing, subscribe and call {@link Connection#ready()}). */
        void onOpen(Connection connection);

        /** A whole message. */
        void onMessage(Connection connection, String message);

        /** The connection became ready (subscribed), the first time or again after a reconnection. */
        default void onReady(boolean again) {
        }
    }

    /** One connection, as the handler sees it. */
    public interface Connection {
        void send(String text);

        /** The provider confirmed the subscription: the stream is up. */
        void ready();

        /** The provider refused us (bad keys, bad subscription): closes and connects again after the backoff, saying {@code why}. */
        void fail(String why);
    }

    private final HttpClient client;
    private final URI url;
    private final int[] backoffSeconds;
    private final Duration heartbeat;
    private final ScheduledExecutorService scheduler;
    private final Handler handler;
    private final String name;
    private final AtomicLong reconnects = new AtomicLong();
    private volatile WebSocket socket;
    private volatile boolean ready;
    private volatile boolean stopped;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile long openedNanos = System.nanoTime();
    private volatile Instant lastMessage;
    private int attempt;
    private boolean wasUp;
    private boolean retryScheduled;

    /**
     * @param name          what the log lines call it, e.g. {@code venue alpaca: the trade_updates stream}
     * @param scheduler     runs connections, waits and the silence check (one thread is enough)
     */
    public ReconnectingWebSocket(HttpClient client, URI url, int[] backoffSeconds, Duration heartbeat, ScheduledExecutorService scheduler,
            Handler handler, String name) {
        this.client = client;
        this.url = url;
        this.backoffSeconds = backoffSeconds.clone();
        this.heartbeat = heartbeat;
        this.scheduler = scheduler;
        this.handler = handler;
        this.name = name;
    }

    public void start() {
        scheduler.execute(this::connect);
        long check = Math.max(50, heartbeat.toMillis() / 4);
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                checkAlive();
            } catch (RuntimeException e) {
                // a ping refused while one is pending: the next check tries again (an exception here would end the checks)
                LOG.debug("{}: liveness check: {}", name, e.toString());
            }
        }, check, check, TimeUnit.MILLISECONDS);
    }

    /** True once the handler called {@link Connection#ready()}, until the connection ends. */
    public boolean isReady() {
        return ready;
    }

    /** How many times the stream became ready again after it had been up. */
    public long reconnects() {
        return reconnects.get();
    }

    /** When the last message arrived; null before the first. */
    public Instant lastMessage() {
        return lastMessage;
    }

    public void stop() {
        stopped = true;
        ready = false;
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
        client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(url, new Listener()).whenComplete((ws, error) -> {
            if (error != null) {
                retry(null, "cannot connect: " + rootMessage(error));
            }
        });
    }

    private void checkAlive() {
        WebSocket s = socket;
        if (s == null || stopped) {
            return;
        }
        long silent = System.nanoTime() - lastHeardNanos;
        long open = System.nanoTime() - openedNanos;
        if (!ready && open > Math.max(READY_WITHIN.toNanos(), 2 * heartbeat.toNanos())) {
            s.abort();
            retry(s, "did not become ready (authenticated and subscribed) within " + Duration.ofNanos(open).toSeconds() + " s");
        } else if (silent > 2 * heartbeat.toNanos()) {
            s.abort();
            retry(s, "was silent for " + Duration.ofNanos(silent).toMillis() + " ms, even to a ping");
        } else if (silent > heartbeat.toNanos()) {
            s.sendPing(ByteBuffer.allocate(0));
        }
    }

    private synchronized void retry(WebSocket ws, String why) {
        if (ws != null && ws != socket) {
            return; // a connection that was replaced already
        }
        socket = null;
        ready = false;
        if (stopped || retryScheduled) {
            return; // one connection at a time: a failure can be told twice (error, then close)
        }
        retryScheduled = true;
        int wait = backoffSeconds[Math.min(attempt, backoffSeconds.length - 1)];
        attempt++;
        LOG.warn("{} {}; connecting again in {} s", name, why, wait);
        scheduler.schedule(this::connect, wait, TimeUnit.SECONDS);
    }

    private synchronized boolean becameReady() {
        boolean again = wasUp;
        if (again) {
            reconnects.incrementAndGet();
        }
        wasUp = true;
        attempt = 0;
        return again;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    }

    /** One per connection, so that parts of a message never mix across connections. */
    private final class Listener implements WebSocket.Listener, Connection {
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        private WebSocket ws;
        private java.util.concurrent.CompletableFuture<?> lastSend = java.util.concurrent.CompletableFuture.completedFuture(null);

        @Override
        public void onOpen(WebSocket webSocket) {
            ws = webSocket;
            lastHeardNanos = System.nanoTime();
            openedNanos = lastHeardNanos;
            socket = webSocket;
            if (stopped) {
                webSocket.abort();
                return;
            }
            handler.onOpen(this);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            heard();
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                deliver(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            heard();
            byte[] part = new byte[data.remaining()];
            data.get(part);
            binary.writeBytes(part);
            if (last) {
                String message = binary.toString(StandardCharsets.UTF_8);
                binary.reset();
                deliver(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            lastHeardNanos = System.nanoTime();
            webSocket.request(1);
            return null; // the client answers with a pong itself
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastHeardNanos = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            retry(webSocket, "was closed by the server (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            retry(webSocket, "failed: " + rootMessage(error));
        }

        private void heard() {
            lastHeardNanos = System.nanoTime();
            lastMessage = Instant.now();
        }

        private void deliver(String message) {
            try {
                handler.onMessage(this, message);
            } catch (RuntimeException e) {
                LOG.warn("{}: a message could not be handled ({}): {}", name, e.getMessage(), message.length() > 200 ? message.substring(0, 200) : message);
            }
        }

        @Override
        public synchronized void send(String message) {
            WebSocket w = ws;
            lastSend = lastSend.handle((r, e) -> null).thenCompose(x -> w.sendText(message, true)).whenComplete((r, e) -> {
                if (e != null) {
                    LOG.warn("{}: a message could not be sent ({}); the connection is given up", name, rootMessage(e));
                    w.abort();
                    retry(w, "could not send");
                }
            });
        }

        @Override
        public void ready() {
            if (!ready && ws == socket) {
                ready = true;
                boolean again = becameReady();
                LOG.info("{} is up at {}", name, url);
                handler.onReady(again);
            }
        }

        @Override
        public void fail(String why) {
            LOG.error("{}: {}", name, why);
            ws.abort();
            retry(ws, why);
        }
    }
}
