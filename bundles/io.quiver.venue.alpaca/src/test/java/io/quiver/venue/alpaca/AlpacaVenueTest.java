package io.quiver.venue.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.spi.Secrets;
import io.quiver.venue.alpaca.standin.AlpacaBrokerStandIn;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker venue against its stand-in when the broker misbehaves: 429s, lost answers, a dropped stream, duplicated and reordered updates. */
class AlpacaVenueTest {
    private static final InstrumentId SYN = InstrumentId.of("SYN1");

    @TempDir
    Path folder;

    private AlpacaBrokerStandIn broker;
    private AlpacaVenue venue;
    private final List<OrderEvent> events = new CopyOnWriteArrayList<>();
    private int orders;

    @BeforeEach
    void start() throws Exception {
        broker = new AlpacaBrokerStandIn(Set.of("SYN1"), new BigDecimal("100.00"), new BigDecimal("1000000"));
        venue = open();
    }

    private AlpacaVenue open() {
        AlpacaVenue v = new AlpacaVenue(AlpacaTesting.settings("alpaca", broker, folder), AlpacaTesting.keyFile(folder));
        v.open(events::add);
        v.openAccount("acct", Money.of(1_000_000));
        AlpacaTesting.awaitConnected(v);
        return v;
    }

    @AfterEach
    void stop() {
        venue.close();
        broker.close();
    }

    private ClientOrderId buy(int qty) {
        ClientOrderId id = ClientOrderId.of("o-" + ++orders);
        venue.submit("acct", id, OrderRequest.market(SYN, Side.BUY, Qty.of(qty)), Instant.now());
        return id;
    }

    private ClientOrderId restingBuy(int qty, String limit) {
        ClientOrderId id = ClientOrderId.of("o-" + ++orders);
        venue.submit("acct", id, OrderRequest.limit(SYN, Side.BUY, Qty.of(qty), Price.of(limit), TimeInForce.GTC), Instant.now());
        return id;
    }

    private List<Fill> fills(ClientOrderId id) {
        return events.stream().filter(e -> e instanceof OrderEvent.Filled f && f.orderId().equals(id)).map(e -> ((OrderEvent.Filled) e).fill()).toList();
    }

    private Qty filled(ClientOrderId id) {
        return fills(id).stream().map(Fill::quantity).reduce(Qty.ZERO, Qty::plus);
    }

    private <T extends OrderEvent> List<T> of(ClientOrderId id, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(e -> e.orderId().equals(id)).toList();
    }

    @Test
    void aRateLimitedRequestWaitsAndGoesThroughAndIsCounted() {
        broker.rateLimitNext(2);
        ClientOrderId id = buy(5);
        AlpacaTesting.settle(venue, broker);
        assertEquals(Qty.of(5), filled(id));
        assertEquals(2, broker.rateLimitedAnswers());
        assertEquals(2, venue.rateLimited(), "the venue counts the 429s it waited out");
        assertEquals(1, broker.orderCount());
    }

    @Test
    void anOrderWhoseAnswerWasLostIsSentAgainUnderItsIdAndNotTwice() {
        broker.loseNextOrders(1); // the first POST never reaches the books: the retry is the order
        ClientOrderId lost = buy(3);
        broker.failAfterBookingNextOrders(1); // booked, then a 500: the retry is refused as a duplicate id and the venue reads the order
        ClientOrderId booked = buy(4);
        AlpacaTesting.settle(venue, broker);
        assertEquals(Qty.of(3), filled(lost));
        assertEquals(Qty.of(4), filled(booked));
        assertEquals(1, broker.ordersWithClientId("o-1"));
        assertEquals(1, broker.ordersWithClientId("o-2"));
        assertEquals(2, broker.orderCount(), "no order was placed twice");
        assertEquals(1, of(booked, OrderEvent.Accepted.class).size());
    }

    @Test
    void fillsMadeWhileTheStreamWasDownAreReportedWhenItIsBackInOrderAndOnce() {
        ClientOrderId id = restingBuy(9, "90.00");
        AlpacaTesting.settle(venue, broker);
        broker.dropStreams();
        long end = System.nanoTime() + 5_000_000_000L;
        while (venue.isConnected() && System.nanoTime() < end) {
            AlpacaTesting.sleep(1);
        }
        broker.fillInParts(3);
        broker.marketAt(new BigDecimal("89.50"), Instant.now()); // fills while nobody listens
        AlpacaTesting.awaitConnected(venue);
        AlpacaTesting.settle(venue, broker);
        assertEquals(Qty.of(9), filled(id));
        assertEquals(List.of("o-1#3", "o-1#6", "o-1#9"), fills(id).stream().map(Fill::executionId).toList(), "the three fills, in order");
        assertEquals(List.of(Price.of("90.00")), fills(id).stream().map(Fill::price).distinct().toList(), "at the limit");
        assertEquals(1, venue.reconnects());
    }

    @Test
    void duplicatedAndReorderedUpdatesBookEachFillOnceAndInOrder() {
        broker.duplicateUpdates(true);
        broker.fillInParts(4);
        ClientOrderId a = buy(8);
        AlpacaTesting.settle(venue, broker);
        broker.duplicateUpdates(false);
        broker.reorderUpdates(true);
        ClientOrderId b = buy(12);
        AlpacaTesting.settle(venue, broker);
        broker.reorderUpdates(false);
        AlpacaTesting.settle(venue, broker);
        assertEquals(Qty.of(8), filled(a));
        assertEquals(Qty.of(12), filled(b));
        for (ClientOrderId id : List.of(a, b)) {
            List<String> executions = fills(id).stream().map(Fill::executionId).toList();
            assertEquals(executions.stream().distinct().toList(), executions, "each fill once: " + executions);
            assertEquals(4, executions.size());
        }
        assertEquals(new BigDecimal("20"), broker.positions().get("SYN1"));
        assertEquals(Qty.of(20), venue.account("acct").positions().get(SYN));
        assertEquals(Money.of(1_000_000).minus(Money.of("2000.00")), venue.account("acct").cash());
    }

    @Test
    void aBuyTheAccountCannotPayIsRejectedAsInsufficientFunds() {
        ClientOrderId id = buy(1_000_000);
        AlpacaTesting.settle(venue, broker);
        List<OrderEvent.Rejected> r = of(id, OrderEvent.Rejected.class);
        assertEquals(1, r.size());
        assertEquals(ReasonCode.INSUFFICIENT_FUNDS.code(), r.get(0).reasonCode());
        assertTrue(r.get(0).message().contains("insufficient buying power"), r.get(0).message());
    }

    @Test
    void aReplacedOrderFillsAtItsNewTermsAndACancelEndsOnlyOnce() {
        ClientOrderId id = restingBuy(10, "90.00");
        AlpacaTesting.settle(venue, broker);
        venue.modify(id, OrderRequest.limit(SYN, Side.BUY, Qty.of(6), Price.of("95.00"), TimeInForce.GTC), Instant.now());
        AlpacaTesting.settle(venue, broker);
        assertEquals(1, of(id, OrderEvent.Modified.class).size(), events.toString());
        broker.marketAt(new BigDecimal("94.00"), Instant.now());
        AlpacaTesting.settle(venue, broker);
        assertEquals(Qty.of(6), filled(id));
        assertEquals(Price.of("95.00"), fills(id).get(0).price(), "a limit order reached by the market fills at its limit");
        ClientOrderId other = restingBuy(2, "50.00");
        AlpacaTesting.settle(venue, broker);
        venue.cancel(other, Instant.now());
        venue.cancel(other, Instant.now());
        AlpacaTesting.settle(venue, broker);
        assertEquals(1, of(other, OrderEvent.Cancelled.class).size());
        assertEquals(List.of(), venue.openOrders("acct"));
    }

    @Test
    void ordersAreRefusedWhileTheStreamIsDownAndWrongKeysNeverConnect() throws Exception {
        venue.close();
        Path key = AlpacaTesting.keyFile(folder);
        AlpacaSettings wrong = AlpacaSettings.of("wrong", broker.restUrl(), broker.streamUrl(), Secrets.encrypt(AlpacaBrokerStandIn.KEY_ID, key),
                Secrets.encrypt("not-the-secret", key), folder.resolve("wrong")).withReconnect(1);
        venue = new AlpacaVenue(wrong, key);
        venue.open(events::add);
        long end = System.nanoTime() + 20_000_000_000L;
        while (broker.refusedAuthentications() < 2 && System.nanoTime() < end) { // refused, and refused again after the backoff
            AlpacaTesting.sleep(5);
        }
        assertTrue(broker.refusedAuthentications() >= 2, "the broker refused the keys twice: " + broker.refusedAuthentications());
        assertFalse(venue.isConnected());
        ClientOrderId id = buy(1);
        venue.awaitIdle(java.time.Duration.ofSeconds(5));
        assertEquals(AlpacaVenue.NOT_CONNECTED, of(id, OrderEvent.Rejected.class).get(0).reasonCode());
        assertEquals(0, broker.orderCount());
    }

    @Test
    void afterARestartTheBooksComeFromTheBrokerAndTheOrderLog() {
        ClientOrderId done = buy(5);
        ClientOrderId resting = restingBuy(3, "80.00");
        AlpacaTesting.settle(venue, broker);
        venue.close();
        venue = open(); // a new process: nothing in memory
        assertEquals(List.of(resting), venue.openOrders("acct").stream().map(io.quiver.sdk.spi.VenueOrder::id).toList());
        assertEquals(io.quiver.sdk.model.OrderStatus.FILLED, venue.order(done).orElseThrow().status());
        assertEquals(List.of("o-1#5"), venue.fillsSince("acct", Instant.EPOCH).stream().map(Fill::executionId).toList());
        assertEquals(List.of(), venue.openOrders("someone-else"));
        assertTrue(venue.order(ClientOrderId.of("never-sent")).isEmpty());
    }
}
