package io.quiver.venue.fix;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.spi.ExecutionListener;
import io.quiver.sdk.spi.Venue;
import io.quiver.venue.fix.internal.ExecutionReports;
import io.quiver.venue.fix.internal.FixSession;
import io.quiver.venue.fix.internal.OrderMessages;
import io.quiver.venue.fix.internal.SentOrders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Message;

/**
 * A venue that trades through a broker's FIX 4.4 session: orders go out as NewOrderSingle,
 * OrderCancelRequest and OrderCancelReplaceRequest, and come back as ExecutionReports and
 * OrderCancelRejects. A client order id is the ClOrdID itself, so an order resent after a crash is the
 * same order to the broker; a cancel or replace goes under {@code <id>~c<n>} or {@code <id>~r<n>} (FIX wants a
 * new ClOrdID per request), mapped back to the order. The session (sequence numbers, messages sent) is kept
 * in QuickFIX/J's file store with every write synced, so a restart resumes it with resends and gap fills;
 * a dropped session reconnects with the settings' backoff. Orders entered while the session is down are
 * rejected at once ({@code VENUE_NOT_CONNECTED}) rather than queued behind a reconnection.
 */
public final class FixVenue implements Venue {
    private static final Logger LOG = LoggerFactory.getLogger(FixVenue.class);
    /** Why an order is refused while the session is down. */
    public static final String NOT_CONNECTED = "VENUE_NOT_CONNECTED";

    private final FixSettings settings;
    private final SentOrders orders = new SentOrders();
    private final FixSession session;
    private final AtomicLong requests = new AtomicLong();
    private volatile ExecutorService afterLogon;
    private volatile ExecutionListener listener;

    public FixVenue(FixSettings settings) {
        this(settings, io.quiver.sdk.spi.Secrets.keyFile());
    }

    /** A venue whose encrypted password is opened with the key in {@code keyFile}. */
    public FixVenue(FixSettings settings, java.nio.file.Path keyFile) {
        this.settings = settings;
        this.session = new FixSession(settings, this::onMessage, this::onLogon, keyFile);
    }

    @Override
    public String id() {
        return settings.venueId();
    }

    @Override
    public synchronized void open(ExecutionListener l) {
        this.listener = l;
        afterLogon = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "quiver-fix-" + settings.venueId() + "-logon");
            t.setDaemon(true);
            return t;
        });
        try {
            session.start();
        } catch (IllegalArgumentException e) {
            // the venue stays down and says why; its orders are refused as NOT_CONNECTED
            LOG.error("{}", e.getMessage());
        }
    }

    @Override
    public void submit(String account, ClientOrderId orderId, OrderRequest request, Instant time) {
        if (!supportsNatively(request.type())) {
            report(new OrderEvent.Rejected(orderId, time, "UNSUPPORTED_ORDER_TYPE", "venue " + id() + " takes market and limit orders"));
            return;
        }
        if (!orders.add(orderId, account, request)) {
            LOG.info("order {} was sent to {} already; not sent again", orderId, id());
            return;
        }
        send(orderId, OrderMessages.newOrder(account, orderId, request, time), time);
    }

    @Override
    public void cancel(ClientOrderId orderId, Instant time) {
        Optional<SentOrders.Sent> sent = orders.get(orderId);
        if (sent.isEmpty()) {
            return; // unknown or closed: ignored, as every venue does
        }
        String requestId = orderId.value() + "~c" + nextRequest();
        orders.request(requestId, orderId);
        if (!session.send(OrderMessages.cancel(sent.get(), requestId, time))) {
            // asked again when the session is back: a cancel must not be lost to a dropped line
            orders.cancelLater(orderId);
            LOG.warn("venue {}: the FIX session is down; the cancel of {} is sent when it is back", id(), orderId);
        }
    }

    @Override
    public boolean supportsModify() {
        return true;
    }

    @Override
    public void modify(ClientOrderId orderId, OrderRequest amended, Instant time) {
        Optional<SentOrders.Sent> sent = orders.get(orderId);
        if (sent.isEmpty()) {
            report(new OrderEvent.ModifyRejected(orderId, time, "UNKNOWN_ORDER", "venue " + id() + " holds no working order " + orderId));
            return;
        }
        String requestId = orderId.value() + "~r" + nextRequest();
        orders.request(requestId, orderId);
        if (!session.send(OrderMessages.replace(sent.get(), requestId, amended, time))) {
            report(new OrderEvent.ModifyRejected(orderId, time, NOT_CONNECTED, "the FIX session to " + settings.host() + ":" + settings.port()
                    + " is not logged on"));
        }
    }

    @Override
    public boolean supportsNatively(OrderType type) {
        return type == OrderType.MARKET || type == OrderType.LIMIT;
    }

    /** Whether the FIX session is logged on. */
    public boolean isConnected() {
        return session.isLoggedOn();
    }

    /** How many times the session has logged on since the venue was opened. */
    public long logons() {
        return session.logons();
    }

    /**
     * A TestRequest answered by the broker's Heartbeat: when it returns, every message the broker sent
     * before the Heartbeat has been handled. Returns the round trip.
     */
    public Duration roundTrip(Duration timeout) {
        return session.roundTrip(timeout);
    }

    @Override
    public synchronized void close() {
        session.stop();
        if (afterLogon != null) {
            afterLogon.shutdownNow();
        }
    }

    /** Unique within the process and across restarts (the clock's millisecond, then a counter). */
    private String nextRequest() {
        return Long.toString(System.currentTimeMillis(), 36) + "." + requests.incrementAndGet();
    }

    private void send(ClientOrderId orderId, Message m, Instant time) {
        if (!session.send(m)) {
            orders.remove(orderId);
            report(new OrderEvent.Rejected(orderId, time, NOT_CONNECTED, "the FIX session to " + settings.host() + ":" + settings.port()
                    + " is not logged on"));
        }
    }

    /** At each logon, on a thread of its own: QuickFIX/J tells of a logon before both sides are done with it. */
    private void onLogon() {
        ExecutorService e = afterLogon;
        if (e != null && !e.isShutdown()) {
            e.execute(this::settle);
        }
    }

    /**
     * Once a round trip shows the session settled (resends done): the status of every order the broker has
     * said nothing of (sent as the line dropped, it may never have arrived: FIX 4.4 answers an unknown order
     * as rejected), then the cancels asked while the session was down. If the line drops again first, the
     * next logon does it.
     */
    private void settle() {
        // a slow broker (or a loaded machine) may miss one round trip: ask again while the session is up, so
        // that the orders are not left unresolved until a logon that may never come
        while (true) {
            try {
                session.roundTrip(Duration.ofSeconds(Math.min(5, settings.heartbeatSeconds())));
                break;
            } catch (IllegalStateException e) {
                if (!session.isLoggedOn() || Thread.currentThread().isInterrupted()) {
                    LOG.info("venue {}: the session did not settle after its logon ({}); the next logon checks the orders", id(), e.getMessage());
                    return;
                }
            }
        }
        Instant now = Instant.now();
        for (SentOrders.Sent s : orders.unanswered()) {
            session.send(OrderMessages.status(s));
        }
        for (ClientOrderId id : orders.takeCancelsToResend()) {
            cancel(id, now);
        }
    }

    private void onMessage(Message m) {
        List<OrderEvent> events = ExecutionReports.events(m, orders);
        events.forEach(this::report);
    }

    private void report(OrderEvent e) {
        ExecutionListener l = listener;
        if (l != null) {
            l.onOrderEvent(e);
        }
    }
}
