package io.quiver.venue.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.spi.ExecutionListener;
import io.quiver.sdk.spi.ReconcilableVenue;
import io.quiver.sdk.spi.Secrets;
import io.quiver.sdk.spi.VenueAccount;
import io.quiver.sdk.spi.VenueOrder;
import io.quiver.venue.alpaca.internal.AlpacaOrders;
import io.quiver.venue.alpaca.internal.AlpacaRest;
import io.quiver.venue.alpaca.internal.OrderLog;
import io.quiver.venue.alpaca.internal.TradeStream;
import io.quiver.venue.alpaca.internal.TrackedOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A venue that trades through a broker's REST order API and its {@code trade_updates} stream, shaped on
 * Alpaca's trading API. An order goes out as {@code POST /v2/orders} with {@code client_order_id} = the
 * client order id, so one sent again after a lost answer or a crash is the same order to the broker (it
 * refuses a second with that id, and the venue then reads the first). Fills, cancels and expiries come on
 * the stream; each fill is identified by the order and the filled quantity it reached, so one told twice
 * (stream and catch-up, or a duplicated update) is booked once, and a gap (an update lost or overtaken) is
 * filled from the broker's fill activities in order. When the stream is back after a drop, every order not
 * ended is asked for, and what happened meanwhile is reported.
 *
 * <p>Requests go out one at a time in the order they were made (a cancel never overtakes its order); a
 * 429 waits as the broker says and tries again. Orders are refused at once ({@code VENUE_NOT_CONNECTED})
 * while the stream is down, as their fills could not be followed.
 *
 * <p>One broker account serves every Quiver account on the venue: which account each order belongs to is
 * written down (synced) before the order goes out, and an account's cash and positions for reconciliation
 * are its starting cash and its orders' fills as the broker booked them.
 */
public final class AlpacaVenue implements ReconcilableVenue {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaVenue.class);
    /** Why an order is refused while the stream is down. */
    public static final String NOT_CONNECTED = "VENUE_NOT_CONNECTED";
    /** Why an order is refused when the broker's rate limit did not let it through. */
    public static final String RATE_LIMITED = "VENUE_RATE_LIMITED";
    private static final int POST_TRIES = 3;
    /** How far before an account's opening its fills are looked for: the broker's clock may differ from ours. */
    private static final Duration CLOCK_MARGIN = Duration.ofHours(1);

    private final AlpacaSettings settings;
    private final Path keyFile;
    private final OrderLog log;
    private final Map<String, TrackedOrder> byClientId = new ConcurrentHashMap<>();
    private final Map<String, ClientOrderId> orderOfBrokerId = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong updatesHandled = new AtomicLong();
    private volatile ExecutionListener listener;
    private volatile AlpacaRest rest;
    private volatile TradeStream stream;
    private ExecutorService commands;
    private ExecutorService events;
    private ScheduledExecutorService streamScheduler;

    public AlpacaVenue(AlpacaSettings settings) {
        this(settings, Secrets.keyFile());
    }

    /** A venue whose encrypted keys are opened with the key in {@code keyFile}. */
    public AlpacaVenue(AlpacaSettings settings, Path keyFile) {
        this.settings = settings;
        this.keyFile = keyFile;
        this.log = new OrderLog(settings.storeFolder());
    }

    @Override
    public String id() {
        return settings.venueId();
    }

    @Override
    public synchronized void open(ExecutionListener l) {
        listener = l;
        String keyId = Secrets.decrypt("key.id", settings.keyId(), keyFile);
        String secret = Secrets.decrypt("secret.key", settings.secretKey(), keyFile);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(settings.requestSeconds())).build();
        rest = new AlpacaRest(http, settings.restUrl(), keyId, secret, Duration.ofSeconds(settings.requestSeconds()));
        commands = Executors.newSingleThreadExecutor(daemon("quiver-alpaca-" + id() + "-rest"));
        events = Executors.newSingleThreadExecutor(daemon("quiver-alpaca-" + id() + "-events"));
        streamScheduler = Executors.newSingleThreadScheduledExecutor(daemon("quiver-alpaca-" + id() + "-stream"));
        stream = new TradeStream(http, settings.streamUrl(), keyId, secret, settings.reconnectSeconds(), Duration.ofMillis(settings.heartbeatMillis()),
                streamScheduler,
                data -> events.execute(() -> handleUpdate(data)), () -> events.execute(this::resync), id());
        stream.start();
    }

    @Override
    public synchronized void close() {
        if (stream != null) {
            stream.stop();
            commands.shutdownNow();
            events.shutdownNow();
            streamScheduler.shutdownNow();
            stream = null;
        }
        listener = null;
        log.close();
    }

    // ---- orders -------------------------------------------------------------------------------------

    @Override
    public boolean supportsNatively(OrderType type) {
        return type == OrderType.MARKET || type == OrderType.LIMIT;
    }

    @Override
    public boolean supportsModify() {
        return true;
    }

    @Override
    public void submit(String account, ClientOrderId orderId, OrderRequest request, Instant time) {
        if (!supportsNatively(request.type())) {
            reportNow(new OrderEvent.Rejected(orderId, time, ReasonCode.UNSUPPORTED_ORDER_TYPE.code(), "venue " + id() + " takes market and limit orders"));
            return;
        }
        if (byClientId.containsKey(orderId.value())) {
            LOG.info("order {} was sent to {} already; not sent again", orderId, id());
            return;
        }
        TradeStream s = stream;
        if (s == null || !s.isListening()) {
            reportNow(new OrderEvent.Rejected(orderId, time, NOT_CONNECTED, "the trade_updates stream of " + settings.streamUrl() + " is down"));
            return;
        }
        TrackedOrder t = new TrackedOrder(orderId, account, request, time);
        byClientId.put(orderId.value(), t);
        log.order(account, orderId, time); // durable before the order can reach the broker
        commands.execute(() -> post(t));
    }

    @Override
    public void cancel(ClientOrderId orderId, Instant time) {
        TrackedOrder t = byClientId.get(orderId.value());
        if (t != null) {
            commands.execute(() -> sendCancel(t));
        }
    }

    @Override
    public void modify(ClientOrderId orderId, OrderRequest amended, Instant time) {
        TrackedOrder t = byClientId.get(orderId.value());
        if (t == null) {
            reportNow(new OrderEvent.ModifyRejected(orderId, time, ReasonCode.UNKNOWN_ORDER.code(), "venue " + id() + " holds no working order " + orderId));
            return;
        }
        commands.execute(() -> sendReplace(t, amended, time));
    }

    private void post(TrackedOrder t) {
        String failure = null;
        try {
            for (int attempt = 1; attempt <= POST_TRIES; attempt++) {
                AlpacaRest.Answer a;
                try {
                    a = rest.post("/v2/orders", AlpacaOrders.newOrder(t.id, t.request));
                } catch (IOException e) {
                    failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
                    pause(attempt);
                    continue;
                }
                if (a.ok()) {
                    t.brokerId(a.body().path("id").asText());
                    orderOfBrokerId.put(t.brokerId, t.id);
                    events.execute(() -> answered(t, a.body()));
                    return;
                }
                if (a.status() == 422 && a.body().path("message").asText().contains("client_order_id must be unique")) {
                    // an earlier try got there and its answer was lost: that order is this one
                    if (adopt(t)) {
                        return;
                    }
                }
                if (a.status() / 100 == 5) {
                    failure = a.message();
                    pause(attempt);
                    continue;
                }
                String code = a.status() == 429 ? RATE_LIMITED : a.status() == 403 ? ReasonCode.INSUFFICIENT_FUNDS.code() : ReasonCode.VENUE_REJECTED.code();
                events.execute(() -> end(t, new OrderEvent.Rejected(t.id, Instant.now(), code, "broker: " + a.message())));
                return;
            }
            // no answer after every try: the broker may hold the order or not; ask it
            if (!adopt(t)) {
                t.unanswered = true;
                LOG.warn("venue {}: order {} got no answer ({}); it is asked for when the broker answers again", id(), t.id, failure);
            }
        } finally {
            t.posted = true;
        }
    }

    /** Reads the order the broker holds under {@code t}'s client order id: true if it answered (found, or never received and refused here). */
    private boolean adopt(TrackedOrder t) {
        try {
            AlpacaRest.Answer a = rest.get("/v2/orders:by_client_order_id", Map.of("client_order_id", t.id.value()));
            if (a.ok()) {
                t.brokerId(a.body().path("id").asText());
                orderOfBrokerId.put(t.brokerId, t.id);
                t.unanswered = false;
                events.execute(() -> snapshot(t, a.body()));
                return true;
            }
            if (a.status() == 404) {
                t.unanswered = false;
                events.execute(() -> end(t, new OrderEvent.Rejected(t.id, Instant.now(), ReasonCode.VENUE_UNAVAILABLE.code(),
                        "the broker did not take the order (it has no order " + t.id + ")")));
                return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private void sendCancel(TrackedOrder t) {
        String brokerId = t.brokerId;
        if (brokerId == null) {
            t.cancelWanted = t.unanswered; // asked for again once the broker says whether it has the order
            return;
        }
        try {
            AlpacaRest.Answer a = rest.delete("/v2/orders/" + brokerId);
            t.cancelWanted = false;
            if (!a.ok()) {
                // not cancelable any more (filled, cancelled): the stream tells how it ended
                LOG.info("venue {}: cancel of {} refused: {}", id(), t.id, a.message());
            }
        } catch (IOException e) {
            t.cancelWanted = true;
            LOG.warn("venue {}: the cancel of {} could not be sent ({}); it is sent again when the stream is back", id(), t.id, e.getMessage());
        }
    }

    private void sendReplace(TrackedOrder t, OrderRequest amended, Instant time) {
        String brokerId = t.brokerId;
        if (brokerId == null) {
            reportLater(new OrderEvent.ModifyRejected(t.id, time, NOT_CONNECTED, "the broker has not confirmed order " + t.id + " yet"));
            return;
        }
        String replacementId = t.id.value() + AlpacaOrders.REPLACEMENT + Long.toString(System.currentTimeMillis(), 36) + "." + requests.incrementAndGet();
        TrackedOrder.Amend amend = new TrackedOrder.Amend(replacementId, amended);
        byClientId.put(replacementId, t); // before the request: the stream may tell of the replacement before its answer
        t.pendingAmend = amend;
        try {
            AlpacaRest.Answer a = rest.patch("/v2/orders/" + brokerId, AlpacaOrders.replace(amended, replacementId));
            if (a.ok()) {
                t.brokerId(a.body().path("id").asText());
                orderOfBrokerId.put(t.brokerId, t.id);
                events.execute(() -> modified(t, amend));
            } else {
                String code = a.status() == 422 ? ReasonCode.ORDER_CLOSED.code() : a.status() == 404 ? ReasonCode.UNKNOWN_ORDER.code() : ReasonCode.VENUE_REJECTED.code();
                events.execute(() -> modifyRefused(t, amend, new OrderEvent.ModifyRejected(t.id, time, code, "broker: " + a.message())));
            }
        } catch (IOException e) {
            events.execute(() -> modifyRefused(t, amend, new OrderEvent.ModifyRejected(t.id, time, NOT_CONNECTED, "the broker did not answer: " + e.getMessage())));
        }
    }

    // ---- what the broker tells (the events thread) --------------------------------------------------

    private void handleUpdate(JsonNode data) {
        try {
            JsonNode order = data.path("order");
            String clientId = order.path("client_order_id").asText();
            TrackedOrder t = byClientId.get(clientId);
            if (t == null) {
                LOG.debug("venue {}: update for order {} not sent by this venue", id(), clientId);
                return;
            }
            String event = data.path("event").asText();
            String brokerId = order.path("id").asText();
            TrackedOrder.Amend amend = t.pendingAmend;
            if (amend != null && clientId.equals(amend.clientOrderId())) {
                t.brokerId(brokerId); // the replacement works now, whether or not its answer has come
                orderOfBrokerId.put(brokerId, t.id);
            }
            if (amend != null && (clientId.equals(amend.clientOrderId()) || event.equals("replaced"))) {
                modified(t, amend);
            }
            switch (event) {
                case "fill", "partial_fill" -> fill(t, data, order);
                case "canceled", "expired", "done_for_day", "rejected" -> snapshot(t, order);
                case "order_replace_rejected" -> {
                    TrackedOrder.Amend a = t.pendingAmend;
                    if (a != null) {
                        modifyRefused(t, a, new OrderEvent.ModifyRejected(t.id, AlpacaOrders.time(data, "timestamp"), ReasonCode.VENUE_REJECTED.code(),
                                "broker: replacement rejected"));
                    }
                }
                case "order_cancel_rejected" -> LOG.info("venue {}: the broker refused to cancel {}", id(), t.id);
                case "replaced" -> { }
                default -> snapshot(t, order); // new, accepted, pending_*: at least an acceptance
            }
        } catch (RuntimeException e) {
            LOG.warn("venue {}: a trade update could not be read ({}): {}", id(), e.getMessage(), data);
        } finally {
            updatesHandled.incrementAndGet();
        }
    }

    private void fill(TrackedOrder t, JsonNode data, JsonNode order) {
        BigDecimal cumulative = AlpacaOrders.filled(order).toBigDecimal();
        BigDecimal qty = new BigDecimal(data.path("qty").asText("0"));
        if (cumulative.compareTo(t.filled) <= 0) {
            return; // told before (a duplicate, or read from the activities already)
        }
        if (cumulative.subtract(qty).compareTo(t.filled) != 0) {
            catchUp(t); // an earlier fill was lost or is late: read them all, in order
        }
        if (cumulative.compareTo(t.filled) > 0 && cumulative.subtract(qty).compareTo(t.filled) == 0) {
            booked(t, AlpacaOrders.fill(t.id, t.account, data, cumulative, AlpacaOrders.time(data, "timestamp")), cumulative);
        } else if (cumulative.compareTo(t.filled) > 0) {
            // the broker's activities do not show the earlier fill yet: never book past a gap; look again shortly
            streamScheduler.schedule(() -> events.execute(() -> catchUp(t)), 1, TimeUnit.SECONDS);
        }
    }

    private void booked(TrackedOrder t, Fill fill, BigDecimal cumulative) {
        if (t.done) {
            return;
        }
        accept(t);
        t.filled = cumulative;
        boolean full = cumulative.compareTo(t.request.quantity().toBigDecimal()) >= 0;
        if (full) {
            t.done = true;
        }
        report(new OrderEvent.Filled(t.id, fill.time(), fill, full ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED));
    }

    /** Books, in order, every fill of {@code t} the broker has and the books lack. */
    private void catchUp(TrackedOrder t) {
        try {
            List<Fill> fills = new ArrayList<>();
            Map<String, BigDecimal> cumulative = new HashMap<>();
            activities(t.created.minus(CLOCK_MARGIN), a -> {
                if (t.brokerIds.contains(a.path("order_id").asText())) {
                    BigDecimal cum = new BigDecimal(a.path("cum_qty").asText());
                    Fill f = AlpacaOrders.fill(t.id, t.account, a, cum, AlpacaOrders.time(a, "transaction_time"));
                    fills.add(f);
                    cumulative.put(f.executionId(), cum);
                }
            });
            fills.sort(Comparator.comparing(f -> cumulative.get(f.executionId())));
            for (Fill f : fills) {
                BigDecimal cum = cumulative.get(f.executionId());
                if (cum.compareTo(t.filled) > 0) {
                    booked(t, f, cum);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("venue {}: the fills of {} could not be read ({}); they are read when the stream is next back", id(), t.id, e.getMessage());
        }
    }

    /**
     * The broker's answer to an order: its acceptance, or its end. Fills it shows come on the stream (reading
     * them here would cost a pass over the account's fill activities per order); if the stream drops first,
     * the resync after it reads them.
     */
    private void answered(TrackedOrder t, JsonNode order) {
        String status = order.path("status").asText();
        if (AlpacaOrders.status(status).isTerminal() && AlpacaOrders.status(status) != OrderStatus.FILLED) {
            snapshot(t, order);
        } else if (!status.equals("pending_new")) {
            accept(t);
        }
    }

    /** The order as the broker holds it now: its missing fills, then its end or its acceptance. */
    private void snapshot(TrackedOrder t, JsonNode order) {
        if (t.done) {
            return;
        }
        if (AlpacaOrders.filled(order).toBigDecimal().compareTo(t.filled) > 0) {
            catchUp(t);
        }
        String status = order.path("status").asText();
        String text = "broker: order " + status;
        switch (status) {
            case "canceled", "done_for_day" -> end(t, new OrderEvent.Cancelled(t.id, AlpacaOrders.time(order, "updated_at"), text));
            case "expired" -> end(t, new OrderEvent.Expired(t.id, AlpacaOrders.time(order, "updated_at")));
            case "rejected", "suspended" -> end(t, new OrderEvent.Rejected(t.id, AlpacaOrders.time(order, "updated_at"), ReasonCode.VENUE_REJECTED.code(), text));
            case "pending_new" -> { }
            default -> accept(t);
        }
    }

    private void accept(TrackedOrder t) {
        if (!t.accepted && !t.done) {
            t.accepted = true;
            report(new OrderEvent.Accepted(t.id, Instant.now()));
        }
    }

    private void end(TrackedOrder t, OrderEvent e) {
        if (!t.done) {
            t.done = true;
            report(e);
        }
    }

    private void modified(TrackedOrder t, TrackedOrder.Amend a) {
        if (a == null || t.pendingAmend != a || t.done) {
            return; // reported already, or refused
        }
        t.pendingAmend = null;
        t.request = a.request();
        report(new OrderEvent.Modified(t.id, Instant.now(), a.request().quantity(), a.request().limitPrice(), a.request().stopPrice()));
    }

    private void modifyRefused(TrackedOrder t, TrackedOrder.Amend a, OrderEvent.ModifyRejected e) {
        if (t.pendingAmend == a) {
            t.pendingAmend = null;
            report(e);
        }
    }

    /** After the stream is back: every order not ended, as the broker holds it; then the cancels that could not be sent. */
    private void resync() {
        for (TrackedOrder t : new LinkedHashSet<>(byClientId.values())) {
            if (t.done || !t.posted) {
                continue; // a POST on its way tells its own outcome
            }
            try {
                AlpacaRest.Answer a = rest.get("/v2/orders:by_client_order_id", Map.of("client_order_id", t.id.value()));
                if (a.status() == 404 && t.unanswered) {
                    t.unanswered = false;
                    end(t, new OrderEvent.Rejected(t.id, Instant.now(), ReasonCode.VENUE_UNAVAILABLE.code(), "the broker did not take the order (it has no order " + t.id + ")"));
                } else if (a.ok()) {
                    JsonNode current = follow(a.body());
                    if (t.unanswered || t.brokerId == null) {
                        t.unanswered = false;
                        t.brokerId(a.body().path("id").asText());
                    }
                    t.brokerId(current.path("id").asText());
                    orderOfBrokerId.put(current.path("id").asText(), t.id);
                    if (!current.path("id").asText().equals(a.body().path("id").asText())) {
                        modified(t, t.pendingAmend);
                    }
                    snapshot(t, current);
                }
            } catch (IOException e) {
                LOG.warn("venue {}: order {} could not be asked for ({}); it is asked for when the stream is next back", id(), t.id, e.getMessage());
            }
            if (t.cancelWanted && !t.done) {
                commands.execute(() -> sendCancel(t));
            }
        }
    }

    /** The order that replaced {@code order}, and the one that replaced that, to the one working now. */
    private JsonNode follow(JsonNode order) throws IOException {
        JsonNode o = order;
        for (int hops = 0; hops < 100 && "replaced".equals(o.path("status").asText()) && o.hasNonNull("replaced_by"); hops++) {
            AlpacaRest.Answer a = rest.get("/v2/orders/" + o.path("replaced_by").asText(), Map.of());
            if (!a.ok()) {
                break;
            }
            o = a.body();
        }
        return o;
    }

    // ---- reconciliation -----------------------------------------------------------------------------

    @Override
    public void openAccount(String account, Money startingCash) {
        log.open(account, startingCash, Instant.now());
    }

    @Override
    public List<VenueOrder> openOrders(String account) {
        List<VenueOrder> open = new ArrayList<>();
        for (JsonNode o : query(() -> rest.get("/v2/orders", Map.of("status", "open", "limit", "500", "direction", "asc")))) {
            ClientOrderId base = AlpacaOrders.baseId(o.path("client_order_id").asText());
            if (log.accountOf(base).filter(account::equals).isPresent()) {
                open.add(venueOrder(account, base, o));
            }
        }
        return open;
    }

    @Override
    public Optional<VenueOrder> order(ClientOrderId orderId) {
        AlpacaRest.Answer a = answerOf(() -> rest.get("/v2/orders:by_client_order_id", Map.of("client_order_id", orderId.value())));
        if (a.status() == 404) {
            return Optional.empty();
        }
        if (!a.ok()) {
            throw new IllegalStateException("venue " + id() + ": the broker did not say whether it has order " + orderId + ": " + a.message());
        }
        JsonNode current = answerOf(() -> follow(a.body()));
        String account = log.accountOf(orderId).orElse("");
        return Optional.of(venueOrder(account, orderId, current));
    }

    @Override
    public List<Fill> fillsSince(String account, Instant since) {
        List<Fill> fills = new ArrayList<>();
        answerOf(() -> {
            activities(since.minusMillis(1), a -> {
                ClientOrderId order = orderOfBroker(a.path("order_id").asText());
                if (order != null && log.accountOf(order).filter(account::equals).isPresent()) {
                    fills.add(AlpacaOrders.fill(order, account, a, new BigDecimal(a.path("cum_qty").asText()), AlpacaOrders.time(a, "transaction_time")));
                }
            });
            return null;
        });
        return fills;
    }

    @Override
    public VenueAccount account(String account) {
        Optional<OrderLog.Opening> opening = log.opening(account);
        Money cash = opening.map(OrderLog.Opening::startingCash).orElse(Money.ZERO);
        Map<InstrumentId, Qty> positions = new LinkedHashMap<>();
        Optional<Instant> first = log.firstOrderAt(account);
        for (Fill f : first.isEmpty() ? List.<Fill>of() : fillsSince(account, first.get().minus(CLOCK_MARGIN))) {
            cash = cash.minus(f.price().times(f.signedQuantity())).minus(f.fee());
            positions.merge(f.instrument(), f.signedQuantity(), Qty::plus);
        }
        positions.values().removeIf(q -> q.signum() == 0);
        return new VenueAccount(account, cash, positions);
    }

    /** The Quiver order of a broker order id: known from this run, or asked of the broker (a replacement's id is its order's). */
    private ClientOrderId orderOfBroker(String brokerId) throws IOException {
        ClientOrderId known = orderOfBrokerId.get(brokerId);
        if (known != null) {
            return known;
        }
        AlpacaRest.Answer a = rest.get("/v2/orders/" + brokerId, Map.of());
        if (!a.ok()) {
            return null;
        }
        ClientOrderId id = AlpacaOrders.baseId(a.body().path("client_order_id").asText());
        orderOfBrokerId.put(brokerId, id);
        return id;
    }

    /** Every fill activity after {@code after}, oldest first, page by page. */
    private void activities(Instant after, IoConsumer<JsonNode> each) throws IOException {
        String token = null;
        for (int page = 0; page < 10_000; page++) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("after", after.toString());
            q.put("direction", "asc");
            q.put("page_size", "100");
            if (token != null) {
                q.put("page_token", token);
            }
            AlpacaRest.Answer a = rest.get("/v2/account/activities/FILL", q);
            if (!a.ok()) {
                throw new IOException("the broker's fill activities: " + a.message());
            }
            for (JsonNode activity : a.body()) {
                each.accept(activity);
            }
            if (a.body().size() < 100) {
                return;
            }
            token = a.body().get(a.body().size() - 1).path("id").asText();
        }
    }

    private VenueOrder venueOrder(String account, ClientOrderId id, JsonNode o) {
        return new VenueOrder(account, id, AlpacaOrders.request(o), AlpacaOrders.status(o.path("status").asText()), AlpacaOrders.filled(o));
    }

    // ---- health, for operators and tests ------------------------------------------------------------

    /** Whether the trade_updates stream is connected and subscribed. */
    public boolean isConnected() {
        TradeStream s = stream;
        return s != null && s.isListening();
    }

    /** How many times the stream came back after a drop. */
    public long reconnects() {
        TradeStream s = stream;
        return s == null ? 0 : s.reconnects();
    }

    /** How many 429 answers the broker has given (each waited out and tried again). */
    public long rateLimited() {
        AlpacaRest r = rest;
        return r == null ? 0 : r.rateLimited();
    }

    /** How many trade updates have been handled (duplicates included). */
    public long updatesHandled() {
        return updatesHandled.get();
    }

    /** Waits until every request made so far is answered and every event it caused reported. */
    public void awaitIdle(Duration timeout) {
        for (ExecutorService e : new ExecutorService[] {commands, events}) {
            CountDownLatch done = new CountDownLatch(1);
            e.execute(done::countDown);
            try {
                if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("venue " + id() + " still busy after " + timeout);
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private void reportNow(OrderEvent e) {
        ExecutorService ev = events;
        if (ev == null) {
            report(e);
        } else {
            ev.execute(() -> report(e));
        }
    }

    private void reportLater(OrderEvent e) {
        events.execute(() -> report(e));
    }

    private void report(OrderEvent e) {
        ExecutionListener l = listener;
        if (l != null) {
            l.onOrderEvent(e);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(250L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface IoCall<T> {
        T call() throws IOException;
    }

    private interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }

    private JsonNode query(IoCall<AlpacaRest.Answer> call) {
        AlpacaRest.Answer a = answerOf(call);
        if (!a.ok()) {
            throw new IllegalStateException("venue " + id() + ": the broker refused a query: " + a.message());
        }
        return a.body();
    }

    private <T> T answerOf(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new IllegalStateException("venue " + id() + ": the broker at " + settings.restUrl() + " did not answer: " + e.getMessage(), e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
