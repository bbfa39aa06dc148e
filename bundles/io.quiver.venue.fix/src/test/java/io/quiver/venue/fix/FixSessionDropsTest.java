package io.quiver.venue.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.venue.fix.standin.FixBrokerStandIn;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chaos, bounded: the broker drops the session at random points 100 times while orders are entered,
 * filled in parts, modified and cancelled. At the end no order reached the broker twice, no order refused
 * while the line was down reached it at all, and every order's fills as the venue reported them (each
 * execution once) add up to what the broker filled, exactly.
 */
class FixSessionDropsTest {
    private static final int DROPS = Integer.getInteger("quiver.fix.drops", 100);
    private static final InstrumentId KIT = InstrumentId.of("KIT");

    @TempDir
    Path folder;

    private static boolean answered(List<OrderEvent> events, String id) {
        return events.stream().anyMatch(e -> e.orderId().value().equals(id) && (e instanceof OrderEvent.Accepted || e instanceof OrderEvent.Rejected));
    }

    @Test
    void hundredDroppedSessionsLoseNoFillAndRepeatNoOrder() throws Exception {
        Random random = new Random(20261201);
        List<OrderEvent> events = new CopyOnWriteArrayList<>();
        BigDecimal market = new BigDecimal("100.00");
        try (FixBrokerStandIn broker = new FixBrokerStandIn(folder.resolve("broker"), Set.of("KIT"), market)) {
            broker.fillInParts(2);
            FixVenue venue = new FixVenue(FixSettings.of("fix", "127.0.0.1", broker.port(), FixBrokerStandIn.CLIENT, FixBrokerStandIn.BROKER,
                    folder.resolve("venue")).withReconnect(1));
            venue.open(events::add);
            try {
                Instant now = Instant.parse("2026-01-05T14:30:00Z");
                int next = 0;
                Set<String> refused = new HashSet<>();
                List<String> submitted = new java.util.ArrayList<>();
                for (int drop = 0; drop < DROPS; drop++) {
                    long logons = venue.logons();
                    FixTesting.await("logged on", venue::isConnected);
                    int before = 1 + random.nextInt(4); // operations before the drop: it comes at a random point of the traffic
                    for (int op = 0; op < before + 2; op++) {
                        if (op == before) {
                            broker.dropSession();
                        }
                        now = now.plusSeconds(1);
                        String id = "c" + ++next;
                        int what = random.nextInt(5);
                        if (what <= 2) {
                            submitted.add(id);
                        }
                        switch (what) {
                            case 0 -> venue.submit("acct", ClientOrderId.of(id), OrderRequest.market(KIT, random.nextBoolean() ? Side.BUY : Side.SELL,
                                    Qty.of(1 + random.nextInt(5))), now);
                            case 1, 2 -> venue.submit("acct", ClientOrderId.of(id), OrderRequest.limit(KIT, random.nextBoolean() ? Side.BUY : Side.SELL,
                                    Qty.of(1 + random.nextInt(5)), Price.of(market.add(BigDecimal.valueOf(random.nextInt(5) - 2)).toPlainString()),
                                    TimeInForce.GTC), now);
                            case 3 -> venue.cancel(ClientOrderId.of("c" + (1 + random.nextInt(next))), now);
                            default -> {
                                market = market.add(BigDecimal.valueOf(random.nextInt(3) - 1));
                                broker.marketAt(market, now);
                            }
                        }
                    }
                    FixTesting.await("logged on again after drop " + drop, () -> venue.logons() > logons && venue.isConnected());
                    events.stream().filter(e -> e instanceof OrderEvent.Rejected r && r.reasonCode().equals(FixVenue.NOT_CONNECTED))
                            .forEach(e -> refused.add(e.orderId().value()));
                }
                // after the last logon the session settles: every order sent is answered (accepted, or rejected as unknown to the broker)
                try {
                    FixTesting.await("every order sent is answered", () -> submitted.stream().allMatch(id -> answered(events, id)));
                } catch (AssertionError e) {
                    List<String> hanging = submitted.stream().filter(id -> !answered(events, id)).toList();
                    throw new AssertionError(e.getMessage() + ": " + hanging + ", of them at the broker "
                            + hanging.stream().filter(broker.newOrders()::contains).toList() + "; their events "
                            + events.stream().filter(x -> hanging.contains(x.orderId().value())).toList(), e);
                }
                venue.roundTrip(Duration.ofSeconds(10));
                broker.marketAt(market, now.plusSeconds(1));
                venue.roundTrip(Duration.ofSeconds(10));

                List<String> received = broker.newOrders();
                assertEquals(received.size(), new HashSet<>(received).size(), "no order reached the broker twice: " + received);
                assertTrue(received.stream().noneMatch(refused::contains), "an order refused while the line was down never reached the broker");
                Set<String> executions = new HashSet<>();
                Map<String, BigDecimal> reported = new HashMap<>();
                for (OrderEvent e : events) {
                    if (e instanceof OrderEvent.Filled f) {
                        assertTrue(executions.add(f.fill().executionId()), "execution " + f.fill().executionId() + " reported twice");
                        reported.merge(f.orderId().value(), f.fill().signedQuantity().toBigDecimal(), BigDecimal::add);
                    }
                }
                Map<String, BigDecimal> atBroker = new HashMap<>();
                for (FixBrokerStandIn.Held h : broker.held()) {
                    if (h.signedFilled().signum() != 0) {
                        atBroker.merge(h.orderClOrdId(), h.signedFilled(), BigDecimal::add);
                    }
                }
                assertEquals(atBroker.keySet(), reported.keySet(), "the orders with fills");
                atBroker.forEach((id, qty) -> assertEquals(0, qty.compareTo(reported.get(id)), "order " + id + ": broker " + qty + ", venue " + reported.get(id)));
                assertTrue(executions.size() > DROPS / 5, "the run traded: " + executions.size() + " executions");
                long unknown = events.stream().filter(e -> e instanceof OrderEvent.Rejected r && r.reasonCode().equals("FIX_UNKNOWN_ORDER")).count();
                System.out.printf("%d drops: %d orders entered, %d at the broker, %d refused while the line was down, %d lost in a drop and found"
                        + " unknown by their status, %d executions; none lost, none twice%n", DROPS, submitted.size(), received.size(), refused.size(),
                        unknown, executions.size());
            } finally {
                venue.close();
            }
        }
    }
}
