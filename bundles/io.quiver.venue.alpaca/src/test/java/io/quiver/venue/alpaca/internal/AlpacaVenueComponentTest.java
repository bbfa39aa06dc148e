package io.quiver.venue.alpaca.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.spi.Secrets;
import io.quiver.venue.alpaca.AlpacaSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlpacaVenueComponentTest {
    private static final Path STORES = Path.of("data/quiver/alpaca");

    @TempDir
    Path home;

    /** A configuration as DS gives it: the defaults, with {@code values} by member name. */
    private static AlpacaVenueComponent.Config config(Map<String, Object> values) {
        Map<String, Object> v = new HashMap<>(values);
        return (AlpacaVenueComponent.Config) java.lang.reflect.Proxy.newProxyInstance(AlpacaVenueComponentTest.class.getClassLoader(),
                new Class<?>[] {AlpacaVenueComponent.Config.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return AlpacaVenueComponent.Config.class;
                    }
                    return v.containsKey(method.getName()) ? v.get(method.getName()) : method.getDefaultValue();
                });
    }

    private Map<String, Object> good() {
        Path key = Secrets.keyFile(home);
        return new HashMap<>(Map.of("rest_url", "https://paper-api.alpaca.markets", "stream_url", "wss://paper-api.alpaca.markets/stream",
                "key_id", Secrets.encrypt("PKTESTKEY", key), "secret_key", Secrets.encrypt("very-secret", key)));
    }

    private String refusal(Map<String, Object> changes) {
        Map<String, Object> v = good();
        v.putAll(changes);
        return assertThrows(IllegalArgumentException.class, () -> AlpacaVenueComponent.settings(config(v), STORES, Secrets.keyFile(home))).getMessage();
    }

    @Test
    void theDefaultsGiveABackoffAHeartbeatAndAStoreOfItsOwn() {
        AlpacaSettings s = AlpacaVenueComponent.settings(config(good()), STORES, Secrets.keyFile(home));
        assertEquals("alpaca", s.venueId());
        assertEquals(URI.create("wss://paper-api.alpaca.markets/stream"), s.streamUrl());
        assertEquals(15_000, s.heartbeatMillis());
        assertEquals(STORES.resolve("alpaca"), s.storeFolder());
        assertFalse(s.toString().contains("ENC("), "the settings never print the keys, not even encrypted: " + s);
    }

    @Test
    void aValueThatCannotBeUsedIsRefusedNamingItsKeyAndNeverTheSecret() {
        assertTrue(refusal(Map.of("rest_url", "")).startsWith("rest.url: required"));
        assertTrue(refusal(Map.of("stream_url", "https://not-a-stream")).startsWith("stream.url:"));
        assertTrue(refusal(Map.of("rest_url", "ftp://host")).startsWith("rest.url:"));
        assertTrue(refusal(Map.of("venue_id", "bad id")).startsWith("venue.id:"));
        assertTrue(refusal(Map.of("reconnect_seconds", new int[] {0})).startsWith("reconnect.seconds:"));
        assertTrue(refusal(Map.of("heartbeat_seconds", 0.0)).startsWith("heartbeat.seconds:"));
        String plain = refusal(Map.of("secret_key", "plain-secret-value"));
        assertTrue(plain.startsWith("secret.key: store it encrypted"), plain);
        assertFalse(plain.contains("plain-secret-value"));
        String otherKey = refusal(Map.of("key_id", Secrets.encrypt("x", home.resolve("other").resolve("quiver.key"))));
        assertTrue(otherKey.startsWith("key.id"), otherKey);
    }
}
