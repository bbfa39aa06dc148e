package io.quiver.venue.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The broker's REST API: JSON in and out, the key headers on every request, and its rate limit honoured:
 * a 429 waits as {@code Retry-After} or {@code X-RateLimit-Reset} say (or backs off, doubling from 250 ms)
 * and tries again, up to {@value #RATE_LIMIT_TRIES} times.
 */
public final class AlpacaRest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int RATE_LIMIT_TRIES = 8;

    /** An answer: the status and the JSON body (missing for none). */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** The broker's message for an error, or the status alone. */
        public String message() {
            String m = body.path("message").asText("");
            return "HTTP " + status + (body.has("code") ? " code " + body.path("code").asText() : "") + (m.isEmpty() ? "" : ": " + m);
        }
    }

    private final HttpClient client;
    private final URI base;
    private final String keyId;
    private final String secretKey;
    private final Duration timeout;
    private final AtomicLong rateLimited = new AtomicLong();
    private final LongConsumer sleeper;

    public AlpacaRest(HttpClient client, URI base, String keyId, String secretKey, Duration timeout) {
        this(client, base, keyId, secretKey, timeout, AlpacaRest::sleep);
    }

    AlpacaRest(HttpClient client, URI base, String keyId, String secretKey, Duration timeout, LongConsumer sleeper) {
        this.client = client;
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.keyId = keyId;
        this.secretKey = secretKey;
        this.timeout = timeout;
        this.sleeper = sleeper;
    }

    /** How many 429 answers the broker has given. */
    public long rateLimited() {
        return rateLimited.get();
    }

    public Answer get(String path, Map<String, String> query) throws IOException {
        return call("GET", path + query(query), null);
    }

    public Answer post(String path, JsonNode body) throws IOException {
        return call("POST", path, body);
    }

    public Answer patch(String path, JsonNode body) throws IOException {
        return call("PATCH", path, body);
    }

    public Answer delete(String path) throws IOException {
        return call("DELETE", path, null);
    }

    private Answer call(String method, String pathAndQuery, JsonNode body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout)
                .header("APCA-API-KEY-ID", keyId).header("APCA-API-SECRET-KEY", secretKey).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest request = b.build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> r;
            try {
                r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(method + " " + pathAndQuery + " interrupted");
            }
            if (r.statusCode() == 429) {
                rateLimited.incrementAndGet();
                if (attempt < RATE_LIMIT_TRIES) {
                    sleeper.accept(waitMillis(r, attempt, Instant.now()));
                    continue;
                }
            }
            byte[] bytes = r.body();
            JsonNode json;
            try {
                json = bytes == null || bytes.length == 0 ? MissingNode.getInstance() : JSON.readTree(bytes);
            } catch (IOException e) {
                json = MissingNode.getInstance(); // an HTML error page from a proxy: the status says enough
            }
            return new Answer(r.statusCode(), json);
        }
    }

    /** How long to wait after a 429: Retry-After (seconds), else until X-RateLimit-Reset (epoch seconds), else a doubling backoff; 100 ms to 60 s. */
    static long waitMillis(HttpResponse<?> r, int attempt, Instant now) {
        long backoff = Math.min(10_000, 250L << Math.min(attempt - 1, 6));
        long wait = header(r, "Retry-After").map(s -> s * 1000)
                .or(() -> header(r, "X-RateLimit-Reset").map(reset -> reset * 1000 - now.toEpochMilli()))
                .orElse(backoff);
        return Math.max(100, Math.min(60_000, wait));
    }

    private static Optional<Long> header(HttpResponse<?> r, String name) {
        try {
            return r.headers().firstValue(name).map(String::trim).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String query(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
