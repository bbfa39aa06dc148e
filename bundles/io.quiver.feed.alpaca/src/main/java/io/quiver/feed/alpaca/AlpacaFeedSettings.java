package io.quiver.feed.alpaca;

import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.spi.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The stream an {@link AlpacaFeed} reads.
 *
 * @param feedId           the feed's id in Quiver (what a strategy's {@code feed} names)
 * @param url              the stream, e.g. {@code wss://stream.data.alpaca.markets/v2/iex}
 * @param keyId            the API key id, encrypted ({@code ENC(...)}, {@link Secrets})
 * @param secretKey        the API secret key, encrypted
 * @param instruments      what to subscribe to, with their ticks
 * @param trades           subscribe to trades
 * @param quotes           subscribe to quotes
 * @param bars             subscribe to minute bars
 * @param reconnectSeconds waits between reconnections, the last one repeated
 * @param heartbeat        silence after which the stream is pinged; silent for twice that, it is connected again
 */
public record AlpacaFeedSettings(String feedId, URI url, String keyId, String secretKey, List<Instrument> instruments, boolean trades,
        boolean quotes, boolean bars, int[] reconnectSeconds, Duration heartbeat) {

    public AlpacaFeedSettings {
        if (feedId == null || !feedId.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("feed.id: '" + feedId + "' is not an id: letters, digits, '-' and '_', up to 40");
        }
        if (url == null || url.getScheme() == null || url.getHost() == null || !(url.getScheme().equals("ws") || url.getScheme().equals("wss"))) {
            throw new IllegalArgumentException("url: '" + url + "' is not a URL starting ws:// or wss://");
        }
        for (String[] key : new String[][] {{"key.id", keyId}, {"secret.key", secretKey}}) {
            if (key[1] == null || key[1].isBlank()) {
                throw new IllegalArgumentException(key[0] + ": required");
            }
            if (!Secrets.isEncrypted(key[1])) {
                throw new IllegalArgumentException(key[0] + ": store it encrypted, as ENC(...): secret:encrypt in the shell or bin/quiver-secret gives the value");
            }
        }
        instruments = List.copyOf(instruments);
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("instruments: at least one symbol is required");
        }
        if (!trades && !quotes && !bars) {
            throw new IllegalArgumentException("channels: subscribe to at least one of trades, quotes and bars");
        }
        reconnectSeconds = reconnectSeconds.clone();
        if (reconnectSeconds.length == 0 || Arrays.stream(reconnectSeconds).anyMatch(s -> s <= 0)) {
            throw new IllegalArgumentException("reconnect.seconds: " + Arrays.toString(reconnectSeconds) + " must be one or more waits of at least 1 s");
        }
        if (heartbeat.toMillis() < 100) {
            throw new IllegalArgumentException("heartbeat.seconds: must be at least 0.1");
        }
    }

    @Override
    public int[] reconnectSeconds() {
        return reconnectSeconds.clone();
    }

    @Override
    public String toString() {
        return "AlpacaFeedSettings[" + feedId + ", " + url + ", " + instruments.size() + " instruments]"; // never the keys
    }
}
