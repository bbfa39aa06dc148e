package io.quiver.venue.alpaca;

import io.quiver.sdk.spi.Secrets;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The broker account an {@link AlpacaVenue} trades through.
 *
 * @param venueId          the venue's id in Quiver (what a strategy's {@code venue} names)
 * @param restUrl          the trading API's base, e.g. {@code https://paper-api.alpaca.markets}
 * @param streamUrl        its trade_updates stream, e.g. {@code wss://paper-api.alpaca.markets/stream}
 * @param keyId            the API key id, encrypted ({@code ENC(...)}, {@link Secrets})
 * @param secretKey        the API secret key, encrypted
 * @param reconnectSeconds waits between stream reconnection attempts, the last one repeated (a backoff)
 * @param requestSeconds   how long one REST request may take before it counts as failed
 * @param heartbeatMillis  how long the stream may be silent before it is pinged; silent for twice that, it is connected again
 * @param storeFolder      where the venue writes down which account each order it sent belongs to
 */
public record AlpacaSettings(String venueId, URI restUrl, URI streamUrl, String keyId, String secretKey, int[] reconnectSeconds,
        int requestSeconds, long heartbeatMillis, Path storeFolder) {

    public AlpacaSettings {
        if (venueId == null || !venueId.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("venue.id: '" + venueId + "' is not an id: letters, digits, '-' and '_', up to 40");
        }
        requireScheme("rest.url", restUrl, "http", "https");
        requireScheme("stream.url", streamUrl, "ws", "wss");
        requireEncrypted("key.id", keyId);
        requireEncrypted("secret.key", secretKey);
        reconnectSeconds = reconnectSeconds.clone();
        if (reconnectSeconds.length == 0 || Arrays.stream(reconnectSeconds).anyMatch(s -> s <= 0)) {
            throw new IllegalArgumentException("reconnect.seconds: " + Arrays.toString(reconnectSeconds) + " must be one or more waits of at least 1 s");
        }
        if (requestSeconds <= 0) {
            throw new IllegalArgumentException("request.seconds: " + requestSeconds + " must be at least 1");
        }
        if (heartbeatMillis < 100) {
            throw new IllegalArgumentException("heartbeat.seconds: " + heartbeatMillis / 1000.0 + " must be at least 0.1");
        }
        Objects.requireNonNull(storeFolder, "storeFolder");
    }

    /** A backoff of 1, 2, 5, 10 and then 30 s, 10 s per request, a ping after 15 s of silence. */
    public static AlpacaSettings of(String venueId, URI restUrl, URI streamUrl, String encryptedKeyId, String encryptedSecretKey, Path storeFolder) {
        return new AlpacaSettings(venueId, restUrl, streamUrl, encryptedKeyId, encryptedSecretKey, new int[] {1, 2, 5, 10, 30}, 10, 15_000, storeFolder);
    }

    @Override
    public int[] reconnectSeconds() {
        return reconnectSeconds.clone();
    }

    public AlpacaSettings withReconnect(int... seconds) {
        return new AlpacaSettings(venueId, restUrl, streamUrl, keyId, secretKey, seconds, requestSeconds, heartbeatMillis, storeFolder);
    }

    public AlpacaSettings withHeartbeat(java.time.Duration silence) {
        return new AlpacaSettings(venueId, restUrl, streamUrl, keyId, secretKey, reconnectSeconds, requestSeconds, silence.toMillis(), storeFolder);
    }

    @Override
    public String toString() {
        // the keys stay out of every log line, even encrypted
        return "AlpacaSettings[" + venueId + ", " + restUrl + ", " + streamUrl + "]";
    }

    private static void requireScheme(String key, URI url, String... schemes) {
        if (url == null || url.getScheme() == null || url.getHost() == null || Arrays.stream(schemes).noneMatch(url.getScheme()::equalsIgnoreCase)) {
            throw new IllegalArgumentException(key + ": '" + url + "' is not a URL starting " + String.join(":// or ", schemes) + "://");
        }
    }

    private static void requireEncrypted(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + ": required");
        }
        if (!Secrets.isEncrypted(value)) {
            throw new IllegalArgumentException(key + ": store it encrypted, as ENC(...): secret:encrypt in the shell or bin/quiver-secret gives the value");
        }
    }
}
