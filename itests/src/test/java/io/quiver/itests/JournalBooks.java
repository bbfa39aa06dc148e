package io.quiver.itests;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Books worked out from the raw records of a journal as {@code bin/quiver-journal} prints them, with plain
 * BigDecimal sums and none of the product's replay code: accounts, orders, fills, cash and positions.
 * One reader for the order manager's journal ({@link #ofOrderManager}) and one for the simulated venue's
 * ({@link #ofVenue}); the crash test compares the two.
 */
final class JournalBooks {
    /** One order: whose it is, its side and instrument, whether it went out, and whether it is still open. */
    static final class Order {
        final String account;
        final String side;
        final String instrument;
        boolean sent;
        boolean open = true;
        String rejectCode;

        Order(String account, String side, String instrument) {
            this.account = account;
            this.side = side;
            this.instrument = instrument;
        }
    }

    record Fill(String orderId, String executionId, BigDecimal quantity, BigDecimal price, BigDecimal fee) {
    }

    final Map<String, BigDecimal> startingCash = new TreeMap<>();
    final Map<String, Order> orders = new LinkedHashMap<>();
    final List<Fill> fills = new ArrayList<>();
    /** Order ids entered more than once (venue) or executions booked more than once (both): must stay empty. */
    final List<String> duplicates = new ArrayList<>();

    static JournalBooks ofOrderManager(List<String> lines) {
        JournalBooks b = new JournalBooks();
        Set<String> executions = new HashSet<>();
        for (String line : lines) {
            String[] v = line.split("\t", -1);
            switch (v[0]) {
                case "ACCOUNT" -> b.startingCash.putIfAbsent(v[1], new BigDecimal(v[3]));
                case "ORDER" -> {
                    if (b.orders.put(v[4], new Order(v[2], v[8], v[7])) != null) {
                        b.duplicates.add("order " + v[4] + " entered twice");
                    }
                }
                case "SENT" -> b.orders.get(v[1]).sent = true;
                case "EVENT" -> {
                    Order o = b.orders.get(v[2]);
                    switch (v[1]) {
                        case "FILLED" -> {
                            if (!executions.add(v[4])) {
                                b.duplicates.add("execution " + v[4] + " booked twice");
                            }
                            b.fills.add(new Fill(v[2], v[4], new BigDecimal(v[5]), new BigDecimal(v[6]), new BigDecimal(v[7])));
                            o.open = !"FILLED".equals(v[9]);
                        }
                        case "REJECTED" -> {
                            o.open = false;
                            o.rejectCode = v[4];
                        }
                        case "CANCELLED", "EXPIRED" -> o.open = false;
                        default -> {
                        }
                    }
                }
                default -> {
                }
            }
        }
        return b;
    }

    static JournalBooks ofVenue(List<String> lines) {
        JournalBooks b = new JournalBooks();
        Set<String> executions = new HashSet<>();
        for (String line : lines) {
            String[] v = line.split("\t", -1);
            switch (v[0]) {
                case "ACCOUNT" -> b.startingCash.putIfAbsent(v[1], new BigDecimal(v[2]));
                case "ORDER" -> {
                    Order o = new Order(v[3], v[6], v[5]);
                    o.sent = true;
                    o.open = "ACCEPTED".equals(v[1]);
                    if (b.orders.put(v[4], o) != null) {
                        b.duplicates.add("order " + v[4] + " entered twice");
                    }
                }
                case "CLOSE" -> b.orders.get(v[1]).open = false;
                case "FILL" -> {
                    if (!executions.add(v[2])) {
                        b.duplicates.add("execution " + v[2] + " made twice");
                    }
                    b.fills.add(new Fill(v[1], v[2], new BigDecimal(v[3]), new BigDecimal(v[4]), new BigDecimal(v[5])));
                    b.orders.get(v[1]).open = false; // the simulated venue fills whole orders
                }
                default -> {
                }
            }
        }
        return b;
    }

    Set<String> executionIds() {
        Set<String> ids = new HashSet<>();
        fills.forEach(f -> ids.add(f.executionId()));
        return ids;
    }

    /** The same books without one account's orders and fills (those of another venue). */
    JournalBooks without(String account) {
        JournalBooks b = new JournalBooks();
        startingCash.forEach((a, c) -> {
            if (!a.equals(account)) {
                b.startingCash.put(a, c);
            }
        });
        orders.forEach((id, o) -> {
            if (!o.account.equals(account)) {
                b.orders.put(id, o);
            }
        });
        fills.forEach(f -> {
            if (b.orders.containsKey(f.orderId())) {
                b.fills.add(f);
            }
        });
        b.duplicates.addAll(duplicates);
        return b;
    }

    /** The executions of one account's orders. */
    Set<String> executionIdsOf(String account) {
        Set<String> ids = new HashSet<>();
        fills.forEach(f -> {
            if (orders.get(f.orderId()).account.equals(account)) {
                ids.add(f.executionId());
            }
        });
        return ids;
    }

    /** The ids of one account's orders. */
    Set<String> orderIdsOf(String account) {
        Set<String> ids = new HashSet<>();
        orders.forEach((id, o) -> {
            if (o.account.equals(account)) {
                ids.add(id);
            }
        });
        return ids;
    }

    Set<String> openOrderIds() {
        Set<String> ids = new HashSet<>();
        orders.forEach((id, o) -> {
            if (o.open) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Cash per account: starting cash, minus what buys cost, plus what sells brought, minus fees. */
    Map<String, BigDecimal> cash() {
        Map<String, BigDecimal> cash = new TreeMap<>(startingCash);
        for (Fill f : fills) {
            Order o = orders.get(f.orderId());
            BigDecimal notional = f.quantity().multiply(f.price());
            cash.merge(o.account, ("BUY".equals(o.side) ? notional.negate() : notional).subtract(f.fee()), BigDecimal::add);
        }
        cash.replaceAll((k, v) -> v.stripTrailingZeros());
        return cash;
    }

    /** Signed position per account and instrument, as "account instrument". */
    Map<String, BigDecimal> positions() {
        Map<String, BigDecimal> positions = new HashMap<>();
        for (Fill f : fills) {
            Order o = orders.get(f.orderId());
            positions.merge(o.account + " " + o.instrument, "BUY".equals(o.side) ? f.quantity() : f.quantity().negate(), BigDecimal::add);
        }
        positions.replaceAll((k, v) -> v.stripTrailingZeros());
        positions.values().removeIf(v -> v.signum() == 0);
        return positions;
    }
}
