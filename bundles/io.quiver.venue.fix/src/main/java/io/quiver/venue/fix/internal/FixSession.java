package io.quiver.venue.fix.internal;

import io.quiver.venue.fix.FixSettings;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DoNotSend;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;
import quickfix.field.PossDupFlag;
import quickfix.field.TestReqID;

/**
 * One FIX 4.4 initiator session on QuickFIX/J: its settings, its file store (synced at every write; Logons left out), logons
 * and reconnection with backoff (QuickFIX/J's {@code ReconnectInterval} list), and a round trip by
 * TestRequest and Heartbeat. Application messages are never resent by the session layer after a
 * reconnection: a ResendRequest gets a gap fill for them, so an order the platform already counted as not
 * sent cannot reach the broker late; the order manager's reconciliation settles what was in flight.
 */
public final class FixSession implements Application {
    private static final Logger LOG = LoggerFactory.getLogger(FixSession.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final FixSettings settings;
    private final SessionID id;
    private final java.nio.file.Path keyFile;
    private final Consumer<Message> messages;
    private final Runnable onLogon;
    private final AtomicLong logons = new AtomicLong();
    private final AtomicLong testRequests = new AtomicLong();
    private final Map<String, CompletableFuture<Long>> roundTrips = new ConcurrentHashMap<>();
    private volatile SocketInitiator initiator;
    private volatile boolean stopping;

    public FixSession(FixSettings settings, Consumer<Message> messages, Runnable onLogon, java.nio.file.Path keyFile) {
        this.settings = settings;
        this.keyFile = keyFile;
        this.id = new SessionID("FIX.4.4", settings.senderCompId(), settings.targetCompId());
        this.messages = messages;
        this.onLogon = onLogon;
    }

    /** The QuickFIX/J settings of the session. */
    SessionSettings sessionSettings() {
        SessionSettings s = new SessionSettings();
        s.setString(id, "ConnectionType", "initiator");
        s.setString(id, "SocketConnectHost", settings.host());
        s.setLong(id, "SocketConnectPort", settings.port());
        s.setLong(id, "HeartBtInt", settings.heartbeatSeconds());
        s.setString(id, "ReconnectInterval", Arrays.stream(settings.reconnectSeconds()).mapToObj(Integer::toString).collect(Collectors.joining(";")));
        if (settings.sessionStart() == null) {
            s.setString(id, "NonStopSession", "Y");
        } else {
            s.setString(id, "StartTime", TIME.format(settings.sessionStart()));
            s.setString(id, "EndTime", TIME.format(settings.sessionEnd()));
            s.setString(id, "TimeZone", settings.zone().getId());
        }
        s.setString(id, "FileStorePath", settings.storeFolder().toString());
        s.setString(id, "FileStoreSync", "Y");
        s.setString(id, "UseDataDictionary", "Y");
        s.setString(id, "DataDictionary", "FIX44.xml");
        s.setString(id, "SLF4JLogHeartbeats", "N");
        return s;
    }

    public synchronized void start() {
        if (initiator != null) {
            return;
        }
        stopping = false;
        if (Session.lookupSession(id) != null) {
            // QuickFIX/J keeps one session per id in the process: a second would take over the first one's
            throw new IllegalArgumentException("venue " + settings.venueId() + ": another FIX venue in this runtime already uses session " + id
                    + "; give this one other sender.comp.id or target.comp.id");
        }
        try {
            SessionSettings s = sessionSettings();
            initiator = new SocketInitiator(this, new MaskedStoreFactory(new FileStoreFactory(s)), s, new MaskedLogFactory(new quickfix.SLF4JLogFactory(s)), new quickfix.fix44.MessageFactory());
            initiator.start();
        } catch (ConfigError | RuntimeException e) {
            initiator = null;
            throw new IllegalArgumentException("venue " + settings.venueId() + ": the FIX session cannot start: " + e.getMessage(), e);
        }
        LOG.info("venue {}: FIX session {} connecting to {}:{}", settings.venueId(), id, settings.host(), settings.port());
    }

    public synchronized void stop() {
        stopping = true;
        if (initiator != null) {
            initiator.stop(true);
            initiator = null;
        }
        roundTrips.values().forEach(f -> f.completeExceptionally(new IllegalStateException("the session stopped")));
        roundTrips.clear();
    }

    public boolean isLoggedOn() {
        Session s = own();
        return s != null && s.isLoggedOn();
    }

    /** This session, once this object has started it (QuickFIX/J's registry is the process's: another venue's is not ours). */
    private Session own() {
        return initiator == null ? null : Session.lookupSession(id);
    }

    public long logons() {
        return logons.get();
    }

    /** Sends an application message; false (and nothing sent or stored) while the session is not logged on. */
    public boolean send(Message m) {
        Session s = own();
        if (s == null || !s.isLoggedOn()) {
            return false;
        }
        try {
            return Session.sendToTarget(m, id);
        } catch (SessionNotFound e) {
            return false;
        }
    }

    /** Sends a TestRequest and waits for its Heartbeat; everything the counterparty sent before it has been handled then. */
    public Duration roundTrip(Duration timeout) {
        Session s = own();
        if (s == null || !s.isLoggedOn()) {
            throw new IllegalStateException("venue " + settings.venueId() + ": the FIX session is not logged on");
        }
        String request = "rt-" + testRequests.incrementAndGet();
        CompletableFuture<Long> answered = new CompletableFuture<>();
        roundTrips.put(request, answered);
        long sent = System.nanoTime();
        s.generateTestRequest(request);
        try {
            return Duration.ofNanos(answered.get(timeout.toNanos(), TimeUnit.NANOSECONDS) - sent);
        } catch (TimeoutException e) {
            throw new IllegalStateException("venue " + settings.venueId() + ": no Heartbeat for TestRequest " + request + " within " + timeout, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("venue " + settings.venueId() + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            roundTrips.remove(request);
        }
    }

    @Override
    public void onCreate(SessionID sessionId) {
        // the store is open; nothing to prepare
    }

    @Override
    public void onLogon(SessionID sessionId) {
        logons.incrementAndGet();
        LOG.info("venue {}: FIX session {} logged on", settings.venueId(), sessionId);
        onLogon.run();
    }

    @Override
    public void onLogout(SessionID sessionId) {
        // a Heartbeat will not come over a line that is gone: those waiting for one are told now, not at their timeout
        roundTrips.values().forEach(f -> f.completeExceptionally(new IllegalStateException("the session logged out")));
        if (stopping) {
            LOG.info("venue {}: FIX session {} logged out", settings.venueId(), sessionId);
        } else {
            LOG.warn("venue {}: FIX session {} logged out; reconnecting", settings.venueId(), sessionId);
        }
    }

    @Override
    public void toAdmin(Message message, SessionID sessionId) {
        try {
            if (message.getHeader().getString(MsgType.FIELD).equals(MsgType.LOGON)) {
                if (!settings.username().isEmpty()) {
                    message.setString(quickfix.field.Username.FIELD, settings.username());
                }
                if (!settings.password().isEmpty()) {
                    // decrypted for this Logon only; the message logs mask it (MaskedLogFactory)
                    message.setString(quickfix.field.Password.FIELD, io.quiver.sdk.spi.Secrets.decrypt("password", settings.password(), keyFile));
                }
            }
        } catch (FieldNotFound e) {
            // every message has a type
        }
    }

    @Override
    public void fromAdmin(Message message, SessionID sessionId) throws FieldNotFound {
        if (message.getHeader().getString(MsgType.FIELD).equals(MsgType.HEARTBEAT) && message.isSetField(TestReqID.FIELD)) {
            CompletableFuture<Long> f = roundTrips.get(message.getString(TestReqID.FIELD));
            if (f != null) {
                f.complete(System.nanoTime());
            }
        }
    }

    @Override
    public void toApp(Message message, SessionID sessionId) throws DoNotSend {
        try {
            if (message.getHeader().isSetField(PossDupFlag.FIELD) && message.getHeader().getBoolean(PossDupFlag.FIELD)) {
                throw new DoNotSend(); // a resend: gap-filled, see the class comment
            }
        } catch (FieldNotFound e) {
            // no flag: a first send
        }
    }

    @Override
    public void fromApp(Message message, SessionID sessionId) {
        messages.accept(message);
    }
}
