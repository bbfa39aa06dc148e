package io.quiver.venue.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.venue.fix.standin.FixBrokerStandIn;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the FIX venue does beyond the contract: partial fills, resends, a dropped line, a restart. */
class FixVenueTest {
    private static final InstrumentId KIT = InstrumentId.of("KIT");
    private static final Instant T = Instant.parse("2026-01-05T14:30:00.125Z"); // milliseconds go over FIX too

    @TempDir
    Path folder;

    private FixBrokerStandIn broker;
    private FixVenue venue;
    private final List<OrderEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        broker = new FixBrokerStandIn(folder.resolve("broker"), Set.of("KIT"), new BigDecimal("100.00"));
        venue = open();
    }

    private FixVenue open() {
        FixVenue v = new FixVenue(FixSettings.of("fix", "127.0.0.1", broker.port(), FixBrokerStandIn.CLIENT, FixBrokerStandIn.BROKER,
                folder.resolve("venue")).withReconnect(1, 1));
        v.open(events::add);
        // the logon is done on both sides when a round trip comes back; a session dropped at once reconnects, so try thrice
        for (int attempt = 1; ; attempt++) {
            try {
                FixTesting.awaitLogon(v);
                v.roundTrip(Duration.ofSeconds(10));
                return v;
            } catch (IllegalStateException | AssertionError e) {
                if (attempt == 3) {
                    v.close(); // a venue left open would hold the session id and fail every later test
                    throw e;
                }
            }
        }
    }

    @AfterEach
    void stop() {
        venue.close();
        broker.close();
    }

    private void sync() {
        venue.roundTrip(Duration.ofSeconds(10));
    }

    private List<OrderEvent> of(String id) {
        return events.stream().filter(e -> e.orderId().value().equals(id)).toList();
    }

    private List<Fill> fills(String id) {
        return of(id).stream().filter(OrderEvent.Filled.class::isInstance).map(e -> ((OrderEvent.Filled) e).fill()).toList();
    }

    @Test
    void aFillInPartsGivesEachPartWithItsStatusAndTheQuantitiesAddUpExactly() {
        broker.fillInParts(3);
        venue.submit("acct", ClientOrderId.of("p-1"), OrderRequest.market(KIT, Side.BUY, Qty.of(10)), T);
        sync();
        List<OrderEvent> mine = of("p-1");
        assertInstanceOf(OrderEvent.Accepted.class, mine.get(0), mine.toString());
        List<OrderStatus> statuses = mine.stream().filter(OrderEvent.Filled.class::isInstance).map(e -> ((OrderEvent.Filled) e).statusAfter()).toList();
        assertEquals(List.of(OrderStatus.PARTIALLY_FILLED, OrderStatus.PARTIALLY_FILLED, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED), statuses);
        assertEquals(List.of(Qty.of(3), Qty.of(3), Qty.of(3), Qty.of(1)), fills("p-1").stream().map(Fill::quantity).toList());
        fills("p-1").forEach(f -> {
            assertEquals(Price.of("100.00"), f.price());
            assertEquals("acct", f.strategyId());
            assertEquals(T, f.time());
        });
    }

    @Test
    void aRepeatedExecutionReportIsNotASecondFillAndAnOrderIdSentAgainIsNotANewOrder() throws Exception {
        venue.submit("acct", ClientOrderId.of("d-1"), OrderRequest.market(KIT, Side.BUY, Qty.of(5)), T);
        sync();
        broker.repeatLastExecution();
        sync();
        assertEquals(1, fills("d-1").size(), of("d-1").toString());
        venue.submit("acct", ClientOrderId.of("d-1"), OrderRequest.market(KIT, Side.BUY, Qty.of(5)), T);
        sync();
        assertEquals(List.of("d-1"), broker.newOrders(), "the same client order id is not sent twice");
    }

    @Test
    void aModifyThenACancelFollowTheOrderUnderItsNewClOrdId() {
        venue.submit("acct", ClientOrderId.of("m-1"), OrderRequest.limit(KIT, Side.BUY, Qty.of(10), Price.of("90.00"), TimeInForce.GTC), T);
        sync();
        venue.modify(ClientOrderId.of("m-1"), OrderRequest.limit(KIT, Side.BUY, Qty.of(6), Price.of("91.00"), TimeInForce.GTC), T);
        sync();
        OrderEvent.Modified m = of("m-1").stream().filter(OrderEvent.Modified.class::isInstance).map(OrderEvent.Modified.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError(of("m-1").toString()));
        assertEquals(Qty.of(6), m.quantity());
        assertEquals(Price.of("91.00"), m.limitPrice());
        venue.cancel(ClientOrderId.of("m-1"), T);
        sync();
        assertInstanceOf(OrderEvent.Cancelled.class, of("m-1").get(of("m-1").size() - 1), of("m-1").toString());
        FixBrokerStandIn.Held held = broker.held().get(0);
        assertFalse(held.isOpen());
        assertTrue(held.clOrdId().startsWith("m-1~c"), "the cancel named the replaced order by its new ClOrdID: " + held.clOrdId());
    }

    @Test
    void anOrderWhileTheLineIsDownIsRefusedAFillMadeMeanwhileArrivesByResendAndACancelAskedMeanwhileIsSent() throws Exception {
        venue.submit("acct", ClientOrderId.of("r-1"), OrderRequest.limit(KIT, Side.BUY, Qty.of(4), Price.of("95.00"), TimeInForce.GTC), T);
        venue.submit("acct", ClientOrderId.of("r-2"), OrderRequest.limit(KIT, Side.SELL, Qty.of(4), Price.of("120.00"), TimeInForce.GTC), T);
        sync();
        long logons = venue.logons();
        broker.dropSession();
        FixTesting.await("the venue sees the line drop", () -> !venue.isConnected());
        venue.submit("acct", ClientOrderId.of("r-3"), OrderRequest.market(KIT, Side.BUY, Qty.of(1)), T);
        OrderEvent.Rejected refused = (OrderEvent.Rejected) of("r-3").get(0);
        assertEquals(FixVenue.NOT_CONNECTED, refused.reasonCode());
        venue.cancel(ClientOrderId.of("r-2"), T);
        broker.marketAt(new BigDecimal("94.50"), T.plusSeconds(60)); // r-1 fills while the client is away
        // QuickFIX/J counts the session logged on a moment before it tells the application: wait for the telling
        FixTesting.await("logged on again", () -> venue.logons() > logons && venue.isConnected());
        sync();
        sync();
        assertEquals(List.of(Qty.of(4)), fills("r-1").stream().map(Fill::quantity).toList(), "the fill made meanwhile, once: " + of("r-1"));
        assertEquals(Price.of("94.50"), fills("r-1").get(0).price());
        FixTesting.await("the cancel asked while down is done", () -> of("r-2").stream().anyMatch(OrderEvent.Cancelled.class::isInstance));
        assertEquals(List.of("r-1", "r-2"), broker.newOrders(), "the refused order never reached the broker");
    }

    @Test
    void aRestartedVenueResumesTheSessionsSequenceNumbers() throws Exception {
        venue.submit("acct", ClientOrderId.of("s-1"), OrderRequest.market(KIT, Side.BUY, Qty.of(1)), T);
        sync();
        venue.close();
        int expected = broker.expectedFromClient();
        assertTrue(expected > 2, "the client has sent its logon, an order and more: " + expected);
        FixTesting.await("the broker sees the logout", () -> !broker.isLoggedOn());
        venue = open();
        sync();
        assertTrue(broker.expectedFromClient() > expected, "the session went on from where it was, not from 1");
        venue.submit("acct", ClientOrderId.of("s-2"), OrderRequest.market(KIT, Side.SELL, Qty.of(1)), T);
        sync();
        assertEquals(1, fills("s-2").size());
    }

    @Test
    void theLogonCarriesTheDecryptedPasswordWhichNeverReachesTheStoreOrTheMessageLogs() throws Exception {
        String password = "Tr4der-pass-77";
        Path key = io.quiver.sdk.spi.Secrets.keyFile(folder.resolve("home"));
        venue.close();
        broker.requireLogin("trader", password);
        FixSettings settings = FixSettings.of("fix", "127.0.0.1", broker.port(), FixBrokerStandIn.CLIENT, FixBrokerStandIn.BROKER,
                folder.resolve("venue")).withReconnect(1).withLogin("trader", io.quiver.sdk.spi.Secrets.encrypt(password, key));
        assertFalse(settings.toString().contains(password));
        FixVenue wrong = new FixVenue(new FixSettings("fix", "127.0.0.1", broker.port(), FixBrokerStandIn.CLIENT, FixBrokerStandIn.BROKER, 30,
                new int[] {1}, null, null, java.time.ZoneId.of("UTC"), folder.resolve("wrong"), "trader",
                io.quiver.sdk.spi.Secrets.encrypt("not-it", key)), key);
        wrong.open(events::add);
        FixTesting.await("the broker refuses a logon with the wrong password", () -> broker.refusedLogons() >= 1);
        assertFalse(wrong.isConnected(), "a wrong password is refused at the logon");
        wrong.close();
        venue = new FixVenue(settings, key);
        venue.open(events::add);
        FixTesting.awaitLogon(venue);
        sync(); // the broker has finished the logon (and any resend it asked for) when its Heartbeat comes
        venue.submit("acct", ClientOrderId.of("pw-1"), OrderRequest.market(KIT, Side.BUY, Qty.of(1)), T);
        sync();
        assertEquals(1, fills("pw-1").size());
        try (var files = java.nio.file.Files.walk(folder.resolve("venue"))) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                assertFalse(java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains(password), "the password is in " + f);
            }
        }
    }

    @Test
    void aSecondVenueOnTheSameSessionIdsStaysDownAndTheFirstTradesOn() {
        FixVenue second = new FixVenue(FixSettings.of("fix2", "127.0.0.1", broker.port(), FixBrokerStandIn.CLIENT, FixBrokerStandIn.BROKER,
                folder.resolve("second")));
        List<OrderEvent> seen = new CopyOnWriteArrayList<>();
        second.open(seen::add); // one line in the log says why
        second.submit("acct", ClientOrderId.of("two-1"), OrderRequest.market(KIT, Side.BUY, Qty.of(1)), T);
        assertEquals(FixVenue.NOT_CONNECTED, ((OrderEvent.Rejected) seen.get(0)).reasonCode());
        second.close();
        venue.submit("acct", ClientOrderId.of("one-1"), OrderRequest.market(KIT, Side.BUY, Qty.of(1)), T);
        sync();
        assertEquals(1, fills("one-1").size(), "the first venue's session is untouched: " + of("one-1"));
    }
}
