package io.quiver.venue.exchange;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
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
import io.quiver.sdk.spi.JournalFields;
import io.quiver.sdk.spi.VenueAccount;
import io.quiver.sdk.spi.VenueOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The exchange's books as a broker keeps them, for reconciliation: every strategy order it received with
 * its status and filled quantity, every fill, and each account's cash and positions. It is kept from the
 * events the exchange reports, so a replay of the exchange's inputs rebuilds it too. Not thread-safe: the
 * exchange calls it under its lock.
 */
final class ExchangeLedger {
    /** Closed orders and fills older than this (venue time) are left out of a snapshot. */
    static final Duration RETENTION = Duration.ofDays(7);

    private static final class Order {
        final String account;
        final ClientOrderId id;
        final Instant received;
        OrderRequest request;
        OrderStatus status = OrderStatus.NEW;
        Qty filled = Qty.ZERO;
        Instant closed;

        Order(String account, ClientOrderId id, OrderRequest request, Instant received) {
            this.account = account;
            this.id = id;
            this.request = request;
            this.received = received;
        }
    }

    private static final class Book {
        boolean funded;
        Money cash = Money.ZERO;
        final Map<InstrumentId, Qty> positions = new TreeMap<>();
        final List<Fill> fills = new ArrayList<>();
    }

    private final Map<ClientOrderId, Order> orders = new LinkedHashMap<>();
    private final Map<String, Book> accounts = new TreeMap<>();

    boolean knows(ClientOrderId id) {
        return orders.containsKey(id);
    }

    /** Opens the account with {@code cash} unless it was opened before; true if it did. */
    boolean openAccount(String account, Money cash) {
        Book b = accounts.computeIfAbsent(account, k -> new Book());
        if (b.funded) {
            return false;
        }
        b.funded = true;
        b.cash = b.cash.plus(cash);
        return true;
    }

    /** An order arrived; its fate follows as events. */
    void received(String account, ClientOrderId id, OrderRequest request, Instant time) {
        orders.put(id, new Order(account, id, request, time));
        accounts.computeIfAbsent(account, k -> new Book());
    }

    /** Books what an event says about an order the ledger received. */
    void apply(OrderEvent event) {
        Order o = orders.get(event.orderId());
        if (o == null) {
            return;
        }
        if (event instanceof OrderEvent.Accepted) {
            o.status = OrderStatus.ACCEPTED;
        } else if (event instanceof OrderEvent.Rejected r) {
            if (o.status == OrderStatus.NEW) { // a duplicate id is refused without touching the order that has it
                close(o, OrderStatus.REJECTED, r.time());
            }
        } else if (event instanceof OrderEvent.Filled f) {
            fill(o, f.fill(), f.statusAfter());
        } else if (event instanceof OrderEvent.Modified m) {
            o.request = o.request.amended(m.quantity(), m.limitPrice(), m.stopPrice());
        } else if (event instanceof OrderEvent.Cancelled c) {
            close(o, OrderStatus.CANCELLED, c.time());
        } else if (event instanceof OrderEvent.Expired e) {
            close(o, OrderStatus.EXPIRED, e.time());
        }
        // Triggered and ModifyRejected leave the order working as it was.
    }

    private static void close(Order o, OrderStatus status, Instant time) {
        o.status = status;
        o.closed = time;
    }

    private void fill(Order o, Fill fill, OrderStatus after) {
        Book b = accounts.get(o.account);
        b.fills.add(fill);
        Money notional = fill.price().times(fill.quantity());
        b.cash = (fill.side() == Side.BUY ? b.cash.minus(notional) : b.cash.plus(notional)).minus(fill.fee());
        Qty pos = b.positions.getOrDefault(fill.instrument(), Qty.ZERO).plus(fill.signedQuantity());
        if (pos.isZero()) {
            b.positions.remove(fill.instrument());
        } else {
            b.positions.put(fill.instrument(), pos);
        }
        o.filled = o.filled.plus(fill.quantity());
        o.status = after;
        if (after == OrderStatus.FILLED) {
            o.closed = fill.time();
        }
    }

    List<VenueOrder> openOrders(String account) {
        return orders.values().stream().filter(o -> o.account.equals(account) && o.status.isOpen()).map(ExchangeLedger::view).toList();
    }

    Optional<VenueOrder> order(ClientOrderId id) {
        return Optional.ofNullable(orders.get(id)).map(ExchangeLedger::view);
    }

    private static VenueOrder view(Order o) {
        return new VenueOrder(o.account, o.id, o.request, o.status, o.filled);
    }

    List<Fill> fillsSince(String account, Instant since) {
        Book b = accounts.get(account);
        return b == null ? List.of() : b.fills.stream().filter(f -> !f.time().isBefore(since)).toList();
    }

    VenueAccount account(String account) {
        Book b = accounts.get(account);
        return b == null ? new VenueAccount(account, Money.ZERO, Map.of()) : new VenueAccount(account, b.cash, b.positions);
    }

    // ---- snapshots ----------------------------------------------------------------------------

    /** The ledger as records: accounts, then orders (open ones, and closed ones within the retention), then fills. */
    void writeTo(List<String> out, Instant now) {
        Instant keepSince = now.minus(RETENTION);
        accounts.forEach((name, b) -> {
            out.add(JournalFields.record("L-ACCOUNT").add(name).add(b.funded).add(b.cash.toBigDecimal().toPlainString()).toString());
            b.positions.forEach((i, q) -> out.add(JournalFields.record("L-POSITION").add(name).add(i).add(q).toString()));
        });
        for (Order o : orders.values()) {
            if (o.closed == null || !o.closed.isBefore(keepSince)) {
                OrderRequest r = o.request;
                out.add(JournalFields.record("L-ORDER").add(o.account).add(o.id).add(o.received).add(o.status).add(o.filled).add(o.closed)
                        .add(r.instrument()).add(r.side()).add(r.type()).add(r.quantity()).add(r.limitPrice()).add(r.stopPrice())
                        .add(r.timeInForce()).toString());
            }
        }
        accounts.forEach((name, b) -> b.fills.stream().filter(f -> !f.time().isBefore(keepSince)).forEach(f -> out.add(JournalFields
                .record("L-FILL").add(f.orderId()).add(f.executionId()).add(f.strategyId()).add(f.instrument()).add(f.side()).add(f.quantity())
                .add(f.price()).add(f.fee().toBigDecimal().toPlainString()).add(f.time()).toString())));
    }

    /** Reads one record {@link #writeTo} wrote; false if it is not a ledger record. */
    boolean read(List<String> v) {
        switch (v.get(0)) {
            case "L-ACCOUNT" -> {
                Book b = accounts.computeIfAbsent(v.get(1), k -> new Book());
                b.funded = Boolean.parseBoolean(v.get(2));
                b.cash = Money.of(v.get(3));
            }
            case "L-POSITION" -> accounts.get(v.get(1)).positions.put(InstrumentId.of(v.get(2)), Qty.of(v.get(3)));
            case "L-ORDER" -> {
                OrderRequest r = new OrderRequest(InstrumentId.of(v.get(7)), Side.valueOf(v.get(8)), OrderType.valueOf(v.get(9)),
                        Qty.of(v.get(10)), price(v.get(11)), price(v.get(12)), null, TimeInForce.valueOf(v.get(13)));
                Order o = new Order(v.get(1), ClientOrderId.of(v.get(2)), r, Instant.parse(v.get(3)));
                o.status = OrderStatus.valueOf(v.get(4));
                o.filled = Qty.of(v.get(5));
                o.closed = v.get(6) == null ? null : Instant.parse(v.get(6));
                orders.put(o.id, o);
            }
            case "L-FILL" -> accounts.get(v.get(3)).fills.add(new Fill(ClientOrderId.of(v.get(1)), v.get(2), v.get(3), InstrumentId.of(v.get(4)),
                    Side.valueOf(v.get(5)), Qty.of(v.get(6)), Price.of(v.get(7)), Money.of(v.get(8)), Instant.parse(v.get(9))));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static Price price(String s) {
        return s == null ? null : Price.of(s);
    }

    /** Orders by id, for a test that compares two ledgers. */
    Map<ClientOrderId, VenueOrder> orders() {
        Map<ClientOrderId, VenueOrder> out = new HashMap<>();
        orders.values().forEach(o -> out.put(o.id, view(o)));
        return out;
    }
}
