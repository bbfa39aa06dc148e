package io.quiver.venue.fix.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.venue.fix.FixSettings;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixVenueComponentTest {
    private static final Path STORES = Path.of("data/quiver/fix");
    @org.junit.jupiter.api.io.TempDir
    static Path home;
    private static Path KEY;

    @org.junit.jupiter.api.BeforeAll
    static void key() {
        KEY = io.quiver.sdk.spi.Secrets.keyFile(home);
    }

    /** A configuration as DS gives it: the defaults, with {@code values} by member name. */
    private static FixVenueComponent.Config config(Map<String, Object> values) {
        Map<String, Object> v = new HashMap<>(values);
        return (FixVenueComponent.Config) java.lang.reflect.Proxy.newProxyInstance(FixVenueComponentTest.class.getClassLoader(),
                new Class<?>[] {FixVenueComponent.Config.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return FixVenueComponent.Config.class;
                    }
                    return v.containsKey(method.getName()) ? v.get(method.getName()) : method.getDefaultValue();
                });
    }

    private static String refusal(Map<String, Object> values) {
        Map<String, Object> v = new HashMap<>(Map.of("port", 9878, "sender_comp_id", "QUIVER", "target_comp_id", "BROKER"));
        v.putAll(values);
        return assertThrows(IllegalArgumentException.class, () -> FixVenueComponent.settings(config(v), STORES, KEY)).getMessage();
    }

    @Test
    void theDefaultsGiveASessionThatNeverResetsWithABackoffAndAStoreOfItsOwn() {
        FixSettings s = FixVenueComponent.settings(config(Map.of("port", 9878, "sender_comp_id", "QUIVER", "target_comp_id", "BROKER")), STORES, KEY);
        assertEquals("fix", s.venueId());
        assertEquals("127.0.0.1", s.host());
        assertEquals(30, s.heartbeatSeconds());
        assertArrayEquals(new int[] {1, 2, 5, 10, 30}, s.reconnectSeconds());
        assertNull(s.sessionStart());
        assertEquals(STORES.resolve("fix"), s.storeFolder());
        FixSettings timed = FixVenueComponent.settings(config(Map.of("port", 9878, "sender_comp_id", "Q", "target_comp_id", "B",
                "session_start", "08:00:00", "session_end", "17:30:00", "session_zone", "Europe/London")), STORES, KEY);
        assertEquals(LocalTime.of(17, 30), timed.sessionEnd());
        assertEquals(ZoneId.of("Europe/London"), timed.zone());
    }

    @Test
    void aSettingThatCannotBeUsedIsRefusedNamingItsKey() {
        assertEquals("port: 0 is not a port (1 to 65535)", refusal(Map.of("port", 0)));
        assertEquals("sender.comp.id: required", refusal(Map.of("sender_comp_id", " ")));
        assertEquals("target.comp.id: required", refusal(Map.of("target_comp_id", "")));
        assertEquals("heartbeat.seconds: 0 must be at least 1", refusal(Map.of("heartbeat_seconds", 0)));
        assertEquals("reconnect.seconds: [5, -1] must be one or more waits of at least 1 s", refusal(Map.of("reconnect_seconds", new int[] {5, -1})));
        assertEquals("session.start: '8 am' is not a time of day such as 08:00:00", refusal(Map.of("session_start", "8 am")));
        assertEquals("session.start and session.end: give both, or neither for a session that never resets",
                refusal(Map.of("session_start", "08:00:00")));
        assertEquals("session.zone: 'Mars/Olympus' is not a time zone such as UTC or America/New_York", refusal(Map.of("session_zone", "Mars/Olympus")));
        assertEquals("venue.id: '../x' is not an id: letters, digits, '-' and '_', up to 40", refusal(Map.of("venue_id", "../x")));
        assertEquals("password: store it encrypted, as ENC(...): secret:encrypt in the shell or bin/quiver-secret gives the value",
                refusal(Map.of("password", "plain-text")));
        String otherKeys = io.quiver.sdk.spi.Secrets.encrypt("pw-elsewhere", io.quiver.sdk.spi.Secrets.keyFile(home.resolve("elsewhere")));
        String noKey = refusal(Map.of("password", otherKeys));
        org.junit.jupiter.api.Assertions.assertTrue(noKey.startsWith("password: no secret key at "), noKey);
        io.quiver.sdk.spi.Secrets.encrypt("makes this installation's key", KEY);
        String refused = refusal(Map.of("password", otherKeys));
        org.junit.jupiter.api.Assertions.assertTrue(refused.startsWith("password: the key in ") && !refused.contains("pw-elsewhere"), refused);
    }
}
