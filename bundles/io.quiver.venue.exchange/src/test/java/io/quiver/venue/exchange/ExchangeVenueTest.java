package io.quiver.venue.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.matching.SelfTradePrevention;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeVenueTest {
    private static final Instrument X = new Instrument(InstrumentId.of("X"), Price.of("0.05"), Qty.of(10), "USD");
    private static final Instant T = Instant.parse("2020-01-01T00:00:00Z");
    private final List<OrderEvent> events = new ArrayList<>();

    private ExchangeVenue venue(MarketSimulation sim, SelfTradePrevention stp) {
        ExchangeVenue v = new ExchangeVenue("exchange", sim, 10, stp, new ExchangeVenue.FeeTier(0, 0),
                Map.of("a", new ExchangeVenue.FeeTier(100, 100), "b", new ExchangeVenue.FeeTier(100, 250)));
        v.addInstrument(X);
        v.open(events::add);
        return v;
    }

    private static ClientOrderId id(String s) {
        return ClientOrderId.of(s);
    }

    private List<String> summary() {
        List<String> out = new ArrayList<>();
        for (OrderEvent e : events) {
            if (e instanceof OrderEvent.Filled f) {
                out.add("filled " + f.orderId() + " " + f.fill().quantity() + "@" + f.fill().price() + " fee " + f.fill().fee() + " "
                        + f.statusAfter());
            } else if (e instanceof OrderEvent.Rejected r) {
                out.add("rejected " + r.orderId() + " " + r.reasonCode());
            } else {
                out.add(e.getClass().getSimpleName().toLowerCase() + " " + e.orderId());
            }
        }
        events.clear();
        return out;
    }

    @Test
    void ordersQueueFillPartiallyAndPayTheirTiersExactly() {
        ExchangeVenue v = venue(new MarketSimulation(1, 1, 0, 1), SelfTradePrevention.NONE);
        v.submit("a", id("a1"), OrderRequest.limit(X.id(), Side.SELL, Qty.of(20), Price.of("100.05"), TimeInForce.GTC), T);
        v.submit("a", id("a2"), OrderRequest.limit(X.id(), Side.SELL, Qty.of(20), Price.of("100.05"), TimeInForce.GTC), T);
        v.submit("b", id("b1"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(30), Price.of("100.10"), TimeInForce.IOC), T);
        // b1 takes a1 (first in time) whole, then 10 of a2, at the resting price 100.05.
        // taker fee 100.05 * 20 * 0.00025 = 0.50025; maker fee 100.05 * 20 * 0.0001 = 0.2001
        assertEquals(List.of("accepted a1", "accepted a2", "accepted b1",
                "filled b1 20@100.05 fee 0.50025 PARTIALLY_FILLED", "filled a1 20@100.05 fee 0.2001 FILLED",
                "filled b1 10@100.05 fee 0.250125 FILLED", "filled a2 10@100.05 fee 0.10005 PARTIALLY_FILLED"), summary());
    }

    /**
     * A smaller quantity keeps the order's place in the queue; a larger one sends it to the back. The
     * quantity is the whole order's, what it has filled included. A refused modification leaves the
     * order working as it was.
     */
    @Test
    void aModificationKeepsOrLosesThePlaceInTheQueueAsARealBookDoes() {
        ExchangeVenue v = venue(new MarketSimulation(1, 1, 0, 1), SelfTradePrevention.NONE);
        v.submit("a", id("a1"), OrderRequest.limit(X.id(), Side.SELL, Qty.of(30), Price.of("100.05"), TimeInForce.GTC), T);
        v.submit("a", id("a2"), OrderRequest.limit(X.id(), Side.SELL, Qty.of(30), Price.of("100.05"), TimeInForce.GTC), T);
        v.submit("b", id("b1"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(10), Price.of("100.05"), TimeInForce.IOC), T);
        summary();
        // a1 has 20 left of 30: down to 20 in all leaves it 10 to fill, first in the queue still.
        v.modify(id("a1"), OrderRequest.limit(X.id(), Side.SELL, Qty.of(20), Price.of("100.05"), TimeInForce.GTC), T);
        v.submit("b", id("b2"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(10), Price.of("100.05"), TimeInForce.IOC), T);
        assertEquals(List.of("modified a1", "accepted b2", "filled b2 10@100.05 fee 0.250125 FILLED", "filled a1 10@100.05 fee 0.10005 FILLED"),
                summary());
        // a2 grows from 30 to 40: behind a3, which came later.
        v.submit("a", id("a3"), OrderRequest.limit(X.id(), Side.SELL, Qty.of(10), Price.of("100.05"), TimeInForce.GTC), T);
        v.modify(id("a2"), OrderRequest.limit(X.id(), Side.SELL, Qty.of(40), Price.of("100.05"), TimeInForce.GTC), T);
        v.submit("b", id("b3"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(10), Price.of("100.05"), TimeInForce.IOC), T);
        assertEquals(List.of("accepted a3", "modified a2", "accepted b3", "filled b3 10@100.05 fee 0.250125 FILLED",
                "filled a3 10@100.05 fee 0.10005 FILLED"), summary());
        // Off the tick, or not above what it has filled: refused, and a2 works on.
        v.modify(id("a2"), OrderRequest.limit(X.id(), Side.SELL, Qty.of(40), Price.of("100.07"), TimeInForce.GTC), T);
        v.modify(id("a2"), OrderRequest.stop(X.id(), Side.SELL, Qty.of(40), Price.of("99.00"), TimeInForce.GTC), T);
        v.modify(id("nope"), OrderRequest.limit(X.id(), Side.SELL, Qty.of(10), Price.of("100.05"), TimeInForce.GTC), T);
        List<String> refused = new ArrayList<>();
        for (OrderEvent e : events) {
            refused.add(e instanceof OrderEvent.ModifyRejected r ? r.orderId() + " " + r.reasonCode() : e.toString());
        }
        events.clear();
        assertEquals(List.of("a2 INVALID_PRICE", "a2 NOT_AMENDABLE", "nope ORDER_CLOSED"), refused);
        v.submit("b", id("b4"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(40), Price.of("100.05"), TimeInForce.IOC), T);
        assertEquals(List.of("accepted b4", "filled b4 40@100.05 fee 1.0005 FILLED", "filled a2 40@100.05 fee 0.4002 FILLED"), summary());
    }

    /** A DAY order works through the day of the first bar it meets (on daily bars: the next one) and expires at a later day's, as on sim. */
    @Test
    void aDayOrderWorksThroughTheDayOfItsFirstBarAndExpiresAtALaterDays() {
        ExchangeVenue v = venue(new MarketSimulation(1, 1, 0, 1), SelfTradePrevention.NONE);
        Instant day1 = T.plusSeconds(86_400 + 43_200); // noon: a bar stamped at midnight closes the day before
        v.onBar(flat(day1, "100.00"));
        v.submit("a", id("d1"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(10), Price.of("99.00"), TimeInForce.DAY), day1);
        v.onBar(flat(day1.plusSeconds(86_400), "100.00"));
        v.onBar(flat(day1.plusSeconds(86_400 + 3_600), "100.00"));
        assertEquals(List.of("accepted d1"), summary(), "working through its first bar's day");
        Instant day3 = day1.plusSeconds(2 * 86_400);
        v.onBar(flat(day3, "100.00"));
        assertEquals(List.of("expired d1"), summary());
        // Entered on a daily bar, it is offered the next one.
        v.submit("a", id("d2"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(10), Price.of("99.50"), TimeInForce.DAY), day3);
        v.onBar(new Bar(X.id(), day3.plusSeconds(86_400), Price.of("100.00"), Price.of("100.00"), Price.of("99.40"), Price.of("99.40"),
                Qty.of(1000)));
        List<String> next = summary();
        assertTrue(next.contains("filled d2 10@99.50 fee 0.0995 FILLED"), next.toString());
    }

    private static Bar flat(Instant t, String price) {
        return new Bar(X.id(), t, Price.of(price), Price.of(price), Price.of(price), Price.of(price), Qty.of(1000));
    }

    @Test
    void aListenerHearsOfATradeOnlyAfterTheBookIsDoneAndMayCallBackIn() {
        ExchangeVenue v = new ExchangeVenue("exchange", new MarketSimulation(1, 1, 0, 1), 10, SelfTradePrevention.NONE,
                new ExchangeVenue.FeeTier(0, 0), Map.of());
        v.addInstrument(X);
        List<String> heard = new ArrayList<>();
        v.open(e -> {
            heard.add(e.getClass().getSimpleName() + " " + e.orderId() + (Thread.holdsLock(v) ? " under the venue's lock" : ""));
            if (e instanceof OrderEvent.Filled f && f.orderId().equals(id("oco.1"))) {
                v.cancel(id("oco.2"), T); // what an order manager does for a one-cancels-other pair
            }
        });
        v.submit("a", id("oco.1"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(10), Price.of("100.00"), TimeInForce.GTC), T);
        v.submit("a", id("oco.2"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(10), Price.of("99.00"), TimeInForce.GTC), T);
        v.submit("b", id("s1"), OrderRequest.limit(X.id(), Side.SELL, Qty.of(10), Price.of("100.00"), TimeInForce.IOC), T);
        assertEquals(List.of("Accepted oco.1", "Accepted oco.2", "Accepted s1", "Filled s1", "Filled oco.1", "Cancelled oco.2"), heard);
        assertEquals(List.of(), v.depth(X.id(), 5).bids(), "the cancel from the listener reached the book");
    }

        @Test
    void rejectsCarryReasonCodes() {
        ExchangeVenue v = venue(MarketSimulation.defaults(), SelfTradePrevention.NONE);
        v.submit("a", id("r1"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(10), Price.of("100.03"), TimeInForce.GTC), T);
        v.submit("a", id("r2"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(15), Price.of("100.05"), TimeInForce.GTC), T);
        v.submit("a", id("r3"), OrderRequest.market(InstrumentId.of("Y"), Side.BUY, Qty.of(10)), T);
        v.submit("a", id("r4"), OrderRequest.market(X.id(), Side.BUY, Qty.of(10)), T);
        v.submit("a", id("r5"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(10), Price.of("100.001"), TimeInForce.GTC), T);
        assertEquals(List.of("rejected r1 INVALID_PRICE", "rejected r2 INVALID_SIZE", "rejected r3 UNKNOWN_INSTRUMENT",
                "rejected r4 NO_LIQUIDITY", "rejected r5 INVALID_PRECISION"), summary());
    }

    @Test
    void selfTradePreventionIsTheVenuesSetting() {
        ExchangeVenue v = venue(new MarketSimulation(1, 1, 0, 1), SelfTradePrevention.CANCEL_NEWEST);
        v.submit("a", id("s1"), OrderRequest.limit(X.id(), Side.SELL, Qty.of(10), Price.of("100"), TimeInForce.GTC), T);
        v.submit("a", id("s2"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(10), Price.of("100"), TimeInForce.GTC), T);
        assertEquals(List.of("accepted s1", "accepted s2", "cancelled s2"), summary());
        v.cancel(id("s1"), T);
        assertEquals(List.of("cancelled s1"), summary());
    }

    @Test
    void selfTradePreventionCanDifferPerAccount() {
        ExchangeVenue v = new ExchangeVenue("exchange", new MarketSimulation(1, 1, 0, 1), 10, SelfTradePrevention.CANCEL_NEWEST,
                Map.of("hedger", SelfTradePrevention.NONE), new ExchangeVenue.FeeTier(0, 0), Map.of());
        v.addInstrument(X);
        v.open(events::add);
        v.submit("hedger", id("h1"), OrderRequest.limit(X.id(), Side.SELL, Qty.of(10), Price.of("100"), TimeInForce.GTC), T);
        v.submit("hedger", id("h2"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(10), Price.of("100"), TimeInForce.GTC), T);
        v.submit("a", id("a1"), OrderRequest.limit(X.id(), Side.SELL, Qty.of(10), Price.of("101"), TimeInForce.GTC), T);
        v.submit("a", id("a2"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(10), Price.of("101"), TimeInForce.GTC), T);
        assertEquals(List.of("accepted h1", "accepted h2", "filled h2 10@100.00 fee 0 FILLED", "filled h1 10@100.00 fee 0 FILLED",
                "accepted a1", "accepted a2", "cancelled a2"), summary());
    }

    @Test
    void theSimulatedMarketQuotesAroundTheCloseAndSweepsTheBarsRange() {
        ExchangeVenue v = venue(new MarketSimulation(3, 5, 4, 7), SelfTradePrevention.NONE);
        Bar bar = new Bar(X.id(), T, Price.of("100.00"), Price.of("100.50"), Price.of("99.50"), Price.of("100.20"), Qty.of(1000));
        v.onBar(bar);
        // the maker quotes 3 levels each side one tick apart around the close, 5 lots (50) each
        ExchangeBooks.Depth d = v.depth(X.id(), 10);
        assertEquals(List.of(Price.of("100.15"), Price.of("100.10"), Price.of("100.05")),
                d.bids().stream().map(ExchangeBooks.Level::price).toList());
        assertEquals(List.of(Price.of("100.25"), Price.of("100.30"), Price.of("100.35")),
                d.asks().stream().map(ExchangeBooks.Level::price).toList());
        assertTrue(d.bids().stream().allMatch(l -> l.totalSize().equals(Qty.of(50)) && l.orders() == 1));
        // a resting buy limit below the market fills only when a later bar trades down through it, at its limit
        v.submit("a", id("w1"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(10), Price.of("99.80"), TimeInForce.GTC), T);
        Bar down = new Bar(X.id(), T.plusSeconds(60), Price.of("100.20"), Price.of("100.30"), Price.of("99.60"), Price.of("99.90"),
                Qty.of(1000));
        v.onBar(down);
        List<String> e = summary();
        assertEquals("accepted w1", e.get(0));
        assertTrue(e.stream().anyMatch(s -> s.startsWith("filled w1 ") && s.contains("@99.80 ")), e.toString());
        for (String s : e) {
            if (s.startsWith("filled w1")) {
                String price = s.substring(s.indexOf('@') + 1, s.indexOf(" fee"));
                assertTrue(new java.math.BigDecimal(price).compareTo(new java.math.BigDecimal("99.80")) <= 0, s);
            }
        }
    }

    @Test
    void everyReasonOfTheBookIsAPlatformReasonCode() {
        for (io.quiver.matching.RejectReason reason : io.quiver.matching.RejectReason.values()) {
            assertEquals(reason.name(), ExchangeVenue.code(reason).code());
        }
        assertEquals(java.util.Optional.empty(), io.quiver.sdk.model.ReasonCode.of("SOMETHING_A_BROKER_SAYS"));
    }
}
