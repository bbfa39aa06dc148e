package io.quiver.venue.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.venue.alpaca.standin.AlpacaBrokerStandIn;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
 * Chaos, bounded: the broker's stream is dropped {@value #DEFAULT_DROPS} times (or {@code -Dquiver.alpaca.drops=N})
 * while orders are working, with 429s, lost and failed answers, duplicated and reordered updates thrown in
 * (seeded). At the end no order reached the broker twice, no fill is lost or booked twice, and the books
 * the venue's events make equal the broker's, order by order.
 */
class AlpacaStreamDropsTest {
    private static final int DEFAULT_DROPS = 100;
    private static final InstrumentId SYN = InstrumentId.of("SYN1");

    @TempDir
    Path folder;

    @Test
    void dropsRateLimitsAndMisorderedUpdatesLoseAndRepeatNothing() throws Exception {
        int drops = Integer.getInteger("quiver.alpaca.drops", DEFAULT_DROPS);
        Random random = new Random(42);
        List<OrderEvent> events = new CopyOnWriteArrayList<>();
        try (AlpacaBrokerStandIn broker = new AlpacaBrokerStandIn(Set.of("SYN1"), new BigDecimal("100.00"), new BigDecimal("100000000"))) {
            AlpacaVenue venue = new AlpacaVenue(AlpacaTesting.settings("alpaca", broker, folder), AlpacaTesting.keyFile(folder));
            venue.open(events::add);
            venue.openAccount("acct", Money.of(100_000_000));
            List<ClientOrderId> sent = new ArrayList<>();
            int failedAfterBooking = 0;
            BigDecimal price = new BigDecimal("100.00");
            try {
                for (int round = 0; round < drops; round++) {
                    AlpacaTesting.awaitConnected(venue);
                    broker.rateLimitNext(random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0);
                    broker.duplicateUpdates(random.nextInt(4) == 0);
                    broker.reorderUpdates(random.nextInt(4) == 0);
                    broker.fillInParts(1 + random.nextInt(3));
                    if (random.nextInt(10) == 0) {
                        broker.loseNextOrders(1);
                    } else if (random.nextInt(10) == 0) {
                        broker.failAfterBookingNextOrders(1);
                        failedAfterBooking++;
                    }
                    for (int i = 0; i < 2; i++) {
                        ClientOrderId id = ClientOrderId.of("c-" + round + "-" + i);
                        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                        OrderRequest r = random.nextBoolean() ? OrderRequest.market(SYN, side, Qty.of(1 + random.nextInt(9)))
                                : OrderRequest.limit(SYN, side, Qty.of(1 + random.nextInt(9)),
                                        Price.of(price.add(new BigDecimal(side == Side.BUY ? "-0.05" : "0.05"))), TimeInForce.GTC);
                        venue.submit("acct", id, r, Instant.now());
                        sent.add(id);
                    }
                    if (random.nextInt(3) == 0 && !sent.isEmpty()) {
                        venue.cancel(sent.get(random.nextInt(sent.size())), Instant.now());
                    }
                    AlpacaTesting.sleep(random.nextInt(30)); // the drop comes at a random point of the orders' lives
                    price = price.add(new BigDecimal(random.nextInt(21) - 10).movePointLeft(2));
                    broker.marketAt(price, Instant.now());
                    broker.dropStreams();
                    long noticed = System.nanoTime() + 10_000_000_000L;
                    while (venue.isConnected() && System.nanoTime() < noticed) {
                        AlpacaTesting.sleep(1);
                    }
                }
                broker.reorderUpdates(false);
                broker.duplicateUpdates(false);
                AlpacaTesting.awaitConnected(venue);
                awaitBooksEqual(venue, broker, events, sent);
                System.out.println("broker venue chaos: " + drops + " stream drops, " + sent.size() + " orders (" + broker.orderCount()
                        + " at the broker), " + broker.fillCount() + " fills, " + venue.rateLimited() + " 429s waited out, " + venue.reconnects()
                        + " reconnections");
            } finally {
                venue.close();
            }
            Map<ClientOrderId, BigDecimal> filled = filledByOrder(events);
            Set<String> executions = new HashSet<>();
            for (OrderEvent e : events) {
                if (e instanceof OrderEvent.Filled f) {
                    assertTrue(executions.add(f.fill().executionId()), "a fill booked twice: " + f.fill().executionId());
                }
            }
            for (ClientOrderId id : sent) {
                BigDecimal atBroker = broker.filled(id.value());
                BigDecimal here = filled.getOrDefault(id, BigDecimal.ZERO);
                assertEquals(0, (atBroker == null ? BigDecimal.ZERO : atBroker).compareTo(here), "order " + id + " filled at the broker "
                        + atBroker + ", in the books " + here);
                assertTrue(broker.ordersWithClientId(id.value()) <= 1);
            }
            assertTrue(broker.streamConnections() > drops, "every drop was a real one: " + broker.streamConnections() + " connections");
            assertEquals(failedAfterBooking, broker.duplicateIdsRefused(), "only a retry after a failed answer met its own order");
            BigDecimal held = broker.positions().getOrDefault("SYN1", BigDecimal.ZERO);
            assertEquals(0, held.compareTo(position(events)), "the broker holds " + held + ", the books " + position(events));
        }
    }

    private static void awaitBooksEqual(AlpacaVenue venue, AlpacaBrokerStandIn broker, List<OrderEvent> events, List<ClientOrderId> sent) {
        long end = System.nanoTime() + 60_000_000_000L;
        String last = "";
        while (System.nanoTime() < end) {
            venue.awaitIdle(java.time.Duration.ofSeconds(30));
            Map<ClientOrderId, BigDecimal> filled = filledByOrder(events);
            last = "";
            for (ClientOrderId id : sent) {
                BigDecimal atBroker = broker.filled(id.value());
                BigDecimal here = filled.getOrDefault(id, BigDecimal.ZERO);
                if (atBroker != null && atBroker.compareTo(here) != 0) {
                    last = id + ": broker " + atBroker + ", books " + here;
                    break;
                }
                if (atBroker != null && !broker.isOpen(id.value()) && !ended(events, id)) {
                    last = id + " ended at the broker (filled " + atBroker + ") but not in the books: "
                            + events.stream().filter(e -> e.orderId().equals(id)).toList();
                    break;
                }
            }
            if (last.isEmpty()) {
                return;
            }
            AlpacaTesting.sleep(50);
        }
        throw new AssertionError("the books did not come to equal the broker's in 60 s: " + last);
    }

    private static boolean ended(List<OrderEvent> events, ClientOrderId id) {
        return events.stream().anyMatch(e -> e.orderId().equals(id) && (e instanceof OrderEvent.Cancelled || e instanceof OrderEvent.Rejected
                || e instanceof OrderEvent.Expired || (e instanceof OrderEvent.Filled f && f.statusAfter().isTerminal())));
    }

    private static Map<ClientOrderId, BigDecimal> filledByOrder(List<OrderEvent> events) {
        Map<ClientOrderId, BigDecimal> filled = new HashMap<>();
        for (OrderEvent e : events) {
            if (e instanceof OrderEvent.Filled f) {
                filled.merge(f.orderId(), f.fill().quantity().toBigDecimal(), BigDecimal::add);
            }
        }
        return filled;
    }

    private static BigDecimal position(List<OrderEvent> events) {
        BigDecimal p = BigDecimal.ZERO;
        for (OrderEvent e : events) {
            if (e instanceof OrderEvent.Filled f) {
                Fill fill = f.fill();
                p = p.add(fill.signedQuantity().toBigDecimal());
            }
        }
        return p;
    }
}
