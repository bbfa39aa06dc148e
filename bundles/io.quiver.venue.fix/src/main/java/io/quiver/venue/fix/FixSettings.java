package io.quiver.venue.fix;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;

/**
 * The FIX 4.4 session a {@link FixVenue} trades through, as the broker gives it.
 *
 * @param venueId         the venue's id in Quiver (what a strategy's {@code venue} names)
 * @param host            the broker's host
 * @param port            its port
 * @param senderCompId    our SenderCompID
 * @param targetCompId    the broker's TargetCompID
 * @param heartbeatSeconds HeartBtInt sent at logon
 * @param reconnectSeconds the waits between reconnection attempts, the last one repeated (a backoff)
 * @param sessionStart    when the session's day starts, in {@code zone} (null with {@code sessionEnd} null: a session that never resets)
 * @param sessionEnd      when it ends
 * @param zone            the time zone of the session times
 * @param storeFolder     where sequence numbers and sent messages are kept, synced to disk at every message
 * @param username        Username (553) on the Logon, empty for none
 * @param password        Password (554) on the Logon, encrypted ({@code ENC(...)}, {@link io.quiver.sdk.spi.Secrets}), empty
 *                        for none; decrypted for each Logon only
 */
public record FixSettings(String venueId, String host, int port, String senderCompId, String targetCompId, int heartbeatSeconds,
        int[] reconnectSeconds, LocalTime sessionStart, LocalTime sessionEnd, ZoneId zone, Path storeFolder, String username,
        String password) {

    public FixSettings {
        require(venueId, "venue.id");
        require(host, "host");
        require(senderCompId, "sender.comp.id");
        require(targetCompId, "target.comp.id");
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("port: " + port + " is not a port (1 to 65535)");
        }
        if (heartbeatSeconds <= 0) {
            throw new IllegalArgumentException("heartbeat.seconds: " + heartbeatSeconds + " must be at least 1");
        }
        reconnectSeconds = reconnectSeconds.clone();
        if (reconnectSeconds.length == 0 || Arrays.stream(reconnectSeconds).anyMatch(s -> s <= 0)) {
            throw new IllegalArgumentException("reconnect.seconds: " + Arrays.toString(reconnectSeconds) + " must be one or more waits of at least 1 s");
        }
        if ((sessionStart == null) != (sessionEnd == null)) {
            throw new IllegalArgumentException("session.start and session.end: give both, or neither for a session that never resets");
        }
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(storeFolder, "storeFolder");
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        if (!password.isEmpty() && !io.quiver.sdk.spi.Secrets.isEncrypted(password)) {
            throw new IllegalArgumentException("password: store it encrypted, as ENC(...): secret:encrypt in the shell or bin/quiver-secret gives the value");
        }
    }

    /** A session that never resets, with a 30 s heartbeat and a backoff of 1, 2, 5, 10 and then 30 s. */
    public static FixSettings of(String venueId, String host, int port, String senderCompId, String targetCompId, Path storeFolder) {
        return new FixSettings(venueId, host, port, senderCompId, targetCompId, 30, new int[] {1, 2, 5, 10, 30}, null, null,
                ZoneId.of("UTC"), storeFolder, "", "");
    }

    @Override
    public int[] reconnectSeconds() {
        return reconnectSeconds.clone();
    }

    public FixSettings withHeartbeat(int seconds) {
        return new FixSettings(venueId, host, port, senderCompId, targetCompId, seconds, reconnectSeconds, sessionStart, sessionEnd, zone,
                storeFolder, username, password);
    }

    public FixSettings withReconnect(int... seconds) {
        return new FixSettings(venueId, host, port, senderCompId, targetCompId, heartbeatSeconds, seconds, sessionStart, sessionEnd, zone,
                storeFolder, username, password);
    }

    /** The same with a Logon username and an encrypted password. */
    public FixSettings withLogin(String user, String encryptedPassword) {
        return new FixSettings(venueId, host, port, senderCompId, targetCompId, heartbeatSeconds, reconnectSeconds, sessionStart, sessionEnd, zone,
                storeFolder, user, encryptedPassword);
    }

    private static void require(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + ": required");
        }
    }
}
