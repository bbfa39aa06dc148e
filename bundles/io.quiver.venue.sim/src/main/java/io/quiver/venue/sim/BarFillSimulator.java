package io.quiver.venue.sim;

import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.spi.ExecutionListener;
import io.quiver.sdk.spi.MarketDataListener;
import io.quiver.sdk.spi.Venue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A venue that fills orders from the bars it is shown. An order only ever fills on a bar that arrives
 * after it was submitted, so a strategy can never trade at a price it could not have known:
 * <ul>
 * <li>market: the whole quantity at the next bar's open;</li>
 * <li>limit buy at L: at the open if the open is at or below L, else at L if the low reaches L (sells mirror);</li>
 * <li>stop buy at S: at the open if the open is at or above S, else at S if the high reaches S (sells mirror);</li>
 * <li>IOC and FOK orders get one bar: filled on it or cancelled; DAY orders expire at the first bar of a
 * later UTC day; GTC orders work until filled or cancelled.</li>
 * </ul>
 * Fees are {@code feeBps} basis points of the notional, exact. Thread-safe.
 */
public final class BarFillSimulator implements Venue, MarketDataListener {
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final String id;
    private final BigDecimal feeBps;
    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    private final Map<InstrumentId, LinkedHashMap<ClientOrderId, Working>> working = new HashMap<>();
    private final Set<ClientOrderId> seen = new HashSet<>();
    private final Map<ClientOrderId, InstrumentId> instrumentOf = new HashMap<>();
    private ExecutionListener listener;
    private long executions;

    private record Working(String account, ClientOrderId id, OrderRequest request, Instant submitted) {
    }

    public BarFillSimulator(String id, BigDecimal feeBps) {
        this.id = Objects.requireNonNull(id, "id");
        if (feeBps.signum() < 0) {
            throw new IllegalArgumentException("fee must not be negative, was " + feeBps + " bps");
        }
        this.feeBps = feeBps;
    }

    /** Makes an instrument tradable here. */
    public synchronized void addInstrument(Instrument instrument) {
        instruments.put(instrument.id(), instrument);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized void open(ExecutionListener listener) {
        this.listener = listener;
    }

    @Override
    public synchronized void close() {
        this.listener = null;
    }

    @Override
    public synchronized void submit(String account, ClientOrderId orderId, OrderRequest r, Instant time) {
        String problem;
        String code;
        Instrument instrument = instruments.get(r.instrument());
        if (!seen.add(orderId)) {
            code = RejectReason.DUPLICATE_ORDER_ID;
            problem = "order id " + orderId + " was used before";
        } else if (instrument == null) {
            code = RejectReason.UNKNOWN_INSTRUMENT;
            problem = r.instrument() + " is not traded on " + id;
        } else if (!r.quantity().isPositive()) {
            code = RejectReason.INVALID_QUANTITY;
            problem = "quantity must be positive, was " + r.quantity();
        } else if (!r.quantity().isMultipleOf(instrument.lotSize())) {
            code = RejectReason.INVALID_QUANTITY;
            problem = "quantity " + r.quantity() + " is not a multiple of the lot size " + instrument.lotSize();
        } else {
            problem = priceProblem(r, instrument);
            code = problem == null ? null : RejectReason.INVALID_PRICE;
        }
        if (code != null) {
            emit(new OrderEvent.Rejected(orderId, time, code, problem));
            return;
        }
        instrumentOf.put(orderId, r.instrument());
        working.computeIfAbsent(r.instrument(), k -> new LinkedHashMap<>()).put(orderId, new Working(account, orderId, r, time));
        emit(new OrderEvent.Accepted(orderId, time));
    }

    private static String priceProblem(OrderRequest r, Instrument instrument) {
        Price price = switch (r.type()) {
            case MARKET -> null;
            case LIMIT -> r.limitPrice();
            case STOP -> r.stopPrice();
        };
        if (r.type() == OrderType.MARKET) {
            return r.limitPrice() == null && r.stopPrice() == null ? null : "a market order takes no limit or stop price";
        }
        String name = r.type() == OrderType.LIMIT ? "limit" : "stop";
        if (price == null) {
            return "a " + name + " order needs a " + name + " price";
        }
        if (price.signum() <= 0) {
            return name + " price must be positive, was " + price;
        }
        if (!price.isMultipleOf(instrument.tickSize())) {
            return name + " price " + price + " is not a multiple of the tick size " + instrument.tickSize();
        }
        return null;
    }

    @Override
    public synchronized void cancel(ClientOrderId orderId, Instant time) {
        InstrumentId instrument = instrumentOf.get(orderId);
        Map<ClientOrderId, Working> orders = instrument == null ? null : working.get(instrument);
        if (orders != null && orders.remove(orderId) != null) {
            instrumentOf.remove(orderId);
            emit(new OrderEvent.Cancelled(orderId, time, "cancelled on request"));
        }
    }

    /** Ids of the orders working here now, in submission order. */
    public synchronized List<ClientOrderId> workingOrders() {
        List<ClientOrderId> ids = new ArrayList<>();
        working.values().forEach(m -> ids.addAll(m.keySet()));
        return ids;
    }

    /** Fills and expires the orders working on the bar's instrument, oldest first. */
    @Override
    public synchronized void onBar(Bar bar) {
        LinkedHashMap<ClientOrderId, Working> orders = working.get(bar.instrument());
        if (orders == null || orders.isEmpty()) {
            return;
        }
        Iterator<Working> it = orders.values().iterator();
        List<OrderEvent> events = new ArrayList<>();
        while (it.hasNext()) {
            Working w = it.next();
            OrderRequest r = w.request();
            if (r.timeInForce() == TimeInForce.DAY && laterDay(w.submitted(), bar.time())) {
                it.remove();
                instrumentOf.remove(w.id());
                events.add(new OrderEvent.Expired(w.id(), bar.time()));
                continue;
            }
            Price price = fillPrice(r, bar);
            if (price != null) {
                it.remove();
                instrumentOf.remove(w.id());
                events.add(fill(w, price, bar.time()));
            } else if (r.timeInForce() == TimeInForce.IOC || r.timeInForce() == TimeInForce.FOK) {
                it.remove();
                instrumentOf.remove(w.id());
                events.add(new OrderEvent.Cancelled(w.id(), bar.time(), r.timeInForce() + " order not filled on the first bar"));
            }
        }
        events.forEach(this::emit);
    }

    private static boolean laterDay(Instant submitted, Instant now) {
        return now.atOffset(ZoneOffset.UTC).toLocalDate().isAfter(submitted.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    /** The price the order fills at on this bar, or null if it does not fill. */
    static Price fillPrice(OrderRequest r, Bar bar) {
        boolean buy = r.side() == Side.BUY;
        return switch (r.type()) {
            case MARKET -> bar.open();
            case LIMIT -> {
                Price limit = r.limitPrice();
                if (buy ? bar.open().compareTo(limit) <= 0 : bar.open().compareTo(limit) >= 0) {
                    yield bar.open();
                }
                yield (buy ? bar.low().compareTo(limit) <= 0 : bar.high().compareTo(limit) >= 0) ? limit : null;
            }
            case STOP -> {
                Price stop = r.stopPrice();
                if (buy ? bar.open().compareTo(stop) >= 0 : bar.open().compareTo(stop) <= 0) {
                    yield bar.open();
                }
                yield (buy ? bar.high().compareTo(stop) >= 0 : bar.low().compareTo(stop) <= 0) ? stop : null;
            }
        };
    }

    private OrderEvent fill(Working w, Price price, Instant time) {
        Qty qty = w.request().quantity();
        Money notional = price.times(qty);
        Money fee = Money.of(notional.toBigDecimal().multiply(feeBps).divide(TEN_THOUSAND));
        executions++;
        Fill fill = new Fill(w.id(), id + "-" + executions, w.account(), w.request().instrument(), w.request().side(), qty,
                price, fee, time);
        return new OrderEvent.Filled(w.id(), time, fill, OrderStatus.FILLED);
    }

    private void emit(OrderEvent event) {
        if (listener != null) {
            listener.onOrderEvent(event);
        }
    }
}
