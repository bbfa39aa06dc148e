package io.quiver.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.ClientOrderIdConflictException;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.model.TrailingOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Order types, groups and idempotency against a venue that only executes market and limit orders. */
class OrderManagerTest {
    static final InstrumentId X = InstrumentId.of("X");
    static final Instant T0 = Instant.parse("2024-03-04T14:30:00Z");
    private final InMemoryJournal journal = new InMemoryJournal();
    private final ScriptedVenue venue = new ScriptedVenue(false);
    private final List<OrderEvent> events = new ArrayList<>();
    private Instant now = T0;
    private OrderManager oms;
    private int executions;

    @BeforeEach
    void setUp() {
        oms = start();
    }

    private OrderManager start() {
        OrderManager m = new OrderManager(journal, id -> venue, () -> now);
        m.registerInstrument(new Instrument(X, Price.of("0.01"), Qty.of(1), "USD"));
        m.openAccount("s", "v", Money.of(10_000));
        m.attach("s", events::add);
        return m;
    }

    private Bar bar(int minute, String o, String h, String l, String c) {
        now = T0.plusSeconds(60L * minute);
        return new Bar(X, now, Price.of(o), Price.of(h), Price.of(l), Price.of(c), Qty.of(100));
    }

    private void fill(String id, String qty, String price) {
        Order o = oms.order(ClientOrderId.of(id)).orElseThrow();
        Fill f = new Fill(o.id(), "e" + ++executions, "s", X, o.side(), Qty.of(qty), Price.of(price), Money.ZERO, now);
        Qty after = o.filledQuantity().plus(Qty.of(qty));
        oms.onVenueEvent("v", new OrderEvent.Filled(o.id(), now, f, after.compareTo(o.request().quantity()) == 0 ? OrderStatus.FILLED
                : OrderStatus.PARTIALLY_FILLED));
    }

    private void ack(String id) {
        oms.onVenueEvent("v", new OrderEvent.Accepted(ClientOrderId.of(id), now));
    }

    private OrderStatus status(String id) {
        return oms.order(ClientOrderId.of(id)).orElseThrow().status();
    }

    private static OrderRequest limit(Side side, int qty, String price) {
        return OrderRequest.limit(X, side, Qty.of(qty), Price.of(price), TimeInForce.GTC);
    }

    @Test
    void aStopLimitIsHeldUntilTheHighReachesTheStopThenGoesOutAsALimit() {
        oms.submit("s", ClientOrderId.of("sl"), OrderRequest.stopLimit(X, Side.BUY, Qty.of(5), Price.of("10.50"), Price.of("10.60"),
                TimeInForce.GTC));
        assertEquals(OrderStatus.ACCEPTED, status("sl"));
        assertEquals(List.of(), venue.calls);
        oms.onBar(bar(1, "10.00", "10.49", "9.90", "10.20"));
        assertEquals(List.of(), venue.calls, "10.49 does not reach 10.50");
        oms.onBar(bar(2, "10.20", "10.55", "10.10", "10.40"));
        assertEquals(OrderStatus.TRIGGERED, status("sl"));
        assertEquals(List.of("submit sl LIMIT"), venue.calls);
        assertEquals(Price.of("10.60"), venue.sent.get(0).limitPrice());
        OrderEvent.Triggered t = (OrderEvent.Triggered) events.stream().filter(e -> e instanceof OrderEvent.Triggered).findFirst().orElseThrow();
        assertEquals(Price.of("10.50"), t.price());
        ack("sl");
        fill("sl", "5", "10.60");
        assertEquals(OrderStatus.FILLED, status("sl"));
        assertEquals(Qty.of(5), oms.position("s", X).quantity());
    }

    @Test
    void aSellStopGappedThroughTriggersAtTheOpen() {
        oms.submit("s", ClientOrderId.of("st"), OrderRequest.stop(X, Side.SELL, Qty.of(1), Price.of("9.00"), TimeInForce.GTC));
        oms.onBar(bar(1, "8.50", "8.80", "8.40", "8.60"));
        OrderEvent.Triggered t = (OrderEvent.Triggered) events.stream().filter(e -> e instanceof OrderEvent.Triggered).findFirst().orElseThrow();
        assertEquals(Price.of("8.50"), t.price());
        assertEquals(List.of("submit st MARKET"), venue.calls);
    }

    @Test
    void aTrailingSellStopFollowsHighsNeverBackAndTriggersOnTheLevelItHadBeforeTheBar() {
        oms.onBar(bar(0, "10.00", "10.00", "10.00", "10.00"));
        oms.submit("s", ClientOrderId.of("tr"), OrderRequest.trailingStop(X, Side.SELL, Qty.of(1), TrailingOffset.amount(Price.of("0.50")),
                TimeInForce.GTC));
        assertEquals(Price.of("9.50"), oms.order(ClientOrderId.of("tr")).orElseThrow().workingStop());
        oms.onBar(bar(1, "10.10", "11.00", "10.05", "10.90"));
        assertEquals(Price.of("10.50"), oms.order(ClientOrderId.of("tr")).orElseThrow().workingStop());
        oms.onBar(bar(2, "10.80", "10.90", "10.60", "10.70"));
        assertEquals(Price.of("10.50"), oms.order(ClientOrderId.of("tr")).orElseThrow().workingStop(), "a lower high does not move it back");
        assertEquals(List.of(), venue.calls);
        oms.onBar(bar(3, "10.70", "12.00", "10.40", "11.80"));
        assertEquals(OrderStatus.TRIGGERED, status("tr"), "the low 10.40 crossed 10.50 before the new high could count");
        assertEquals(List.of("submit tr MARKET"), venue.calls);
    }

    @Test
    void aPercentTrailingBuyStopRoundsAwayFromTheMarket() {
        oms.onBar(bar(0, "10.00", "10.00", "10.00", "10.00"));
        oms.submit("s", ClientOrderId.of("tb"), OrderRequest.trailingStop(X, Side.BUY, Qty.of(1), TrailingOffset.percent("1.5"),
                TimeInForce.GTC));
        assertEquals(Price.of("10.15"), oms.order(ClientOrderId.of("tb")).orElseThrow().workingStop());
        oms.onBar(bar(1, "9.90", "9.95", "9.33", "9.40"));
        // 9.33 * 1.015 = 9.46995, rounded up to the tick
        assertEquals(Price.of("9.47"), oms.order(ClientOrderId.of("tb")).orElseThrow().workingStop());
    }

    private io.quiver.sdk.model.Quote quote(int second, String bid, String ask) {
        now = T0.plusSeconds(second);
        return new io.quiver.sdk.model.Quote(X, now, bid == null ? null : Price.of(bid), ask == null ? null : Price.of(ask), Qty.of(100), Qty.of(100));
    }

    /** A quote with one side (a file with a blank bid or ask) marks at that side and touches only the stops that trade against it. */
    @Test
    void aOneSidedQuoteMarksAtItsSideAndTouchesOnlyThatSidesStops() {
        oms.submit("s", ClientOrderId.of("b"), OrderRequest.stop(X, Side.BUY, Qty.of(1), Price.of("10.05"), TimeInForce.GTC));
        oms.submit("s", ClientOrderId.of("s"), OrderRequest.stop(X, Side.SELL, Qty.of(1), Price.of("9.95"), TimeInForce.GTC));
        oms.onQuote(quote(1, "9.90", null)); // a bid through the sell stop; no ask for the buy stop
        assertEquals(OrderStatus.TRIGGERED, status("s"));
        assertEquals(OrderStatus.ACCEPTED, status("b"));
        oms.onQuote(quote(2, null, "10.10"));
        assertEquals(OrderStatus.TRIGGERED, status("b"));
        oms.onQuote(quote(3, null, null)); // nothing to mark at: ignored, not a failure
    }

    private io.quiver.sdk.model.Trade trade(int second, String price) {
        now = T0.plusSeconds(second);
        return new io.quiver.sdk.model.Trade(X, now, Price.of(price), Qty.of(10));
    }

    @Test
    void onQuotesABuyStopWatchesTheAskAndASellStopTheBid() {
        oms.submit("s", ClientOrderId.of("b"), OrderRequest.stop(X, Side.BUY, Qty.of(1), Price.of("10.05"), TimeInForce.GTC));
        oms.submit("s", ClientOrderId.of("s"), OrderRequest.stop(X, Side.SELL, Qty.of(1), Price.of("9.95"), TimeInForce.GTC));
        oms.onQuote(quote(1, "10.04", "10.04"));
        oms.onQuote(quote(2, "9.96", "10.04"));
        assertEquals(List.of(), venue.calls, "neither side touched");
        oms.onQuote(quote(3, "10.00", "10.06"));
        assertEquals(OrderStatus.TRIGGERED, status("b"));
        assertEquals(OrderStatus.ACCEPTED, status("s"), "a bid of 10.00 is above the sell stop");
        OrderEvent.Triggered t = (OrderEvent.Triggered) events.stream().filter(e -> e instanceof OrderEvent.Triggered).findFirst().orElseThrow();
        assertEquals(Price.of("10.06"), t.price(), "triggered at the ask that reached the stop");
        oms.onQuote(quote(4, "9.95", "10.10"));
        assertEquals(OrderStatus.TRIGGERED, status("s"));
        assertEquals(List.of("submit b MARKET", "submit s MARKET"), venue.calls);
    }

    @Test
    void onTradesAPercentTrailingStopFollowsAndTriggersAndAStopLimitGoesOutAsALimit() {
        oms.onTrade(trade(0, "100.00"));
        oms.submit("s", ClientOrderId.of("tr"), OrderRequest.trailingStop(X, Side.SELL, Qty.of(1), TrailingOffset.percent("2"),
                TimeInForce.GTC));
        oms.submit("s", ClientOrderId.of("sl"), OrderRequest.stopLimit(X, Side.BUY, Qty.of(1), Price.of("101.00"), Price.of("101.20"),
                TimeInForce.IOC));
        assertEquals(Price.of("98.00"), oms.order(ClientOrderId.of("tr")).orElseThrow().workingStop());
        oms.onTrade(trade(1, "101.00"));
        assertEquals(Price.of("98.98"), oms.order(ClientOrderId.of("tr")).orElseThrow().workingStop());
        assertEquals(List.of("submit sl LIMIT"), venue.calls, "a trade at the stop triggers the stop-limit");
        assertEquals(TimeInForce.IOC, venue.sent.get(0).timeInForce(), "the triggered order keeps its time in force");
        oms.onTrade(trade(2, "100.50"));
        assertEquals(Price.of("98.98"), oms.order(ClientOrderId.of("tr")).orElseThrow().workingStop(), "never back");
        oms.onTrade(trade(3, "98.98"));
        assertEquals(OrderStatus.TRIGGERED, status("tr"));
        assertEquals(List.of("submit sl LIMIT", "submit tr MARKET"), venue.calls);
        List<OrderHistoryEntry> h = oms.history(ClientOrderId.of("tr"));
        assertEquals(List.of("NEW", "ACCEPTED", "TRAILED", "TRAILED", "TRIGGERED"), h.stream().map(OrderHistoryEntry::what).toList());
        assertEquals("stop 98.98 (best price 101.00)", h.get(3).detail());
        assertEquals(T0.plusSeconds(1), h.get(3).time());
    }

    @Test
    void theFirstFillOfAnOcoLegCancelsTheOther() {
        oms.submitOco("s", ClientOrderId.of("oco"), limit(Side.SELL, 10, "11.00"),
                OrderRequest.stop(X, Side.SELL, Qty.of(10), Price.of("9.00"), TimeInForce.GTC));
        assertEquals(List.of("submit oco.1 LIMIT"), venue.calls, "the stop leg is held here");
        ack("oco.1");
        fill("oco.1", "4", "11.00");
        assertEquals(OrderStatus.CANCELLED, status("oco.2"));
        assertEquals(OrderStatus.PARTIALLY_FILLED, status("oco.1"));
        oms.onBar(bar(1, "9.00", "9.00", "8.00", "8.50"));
        assertEquals(List.of("submit oco.1 LIMIT"), venue.calls, "the cancelled stop never triggers");
    }

    @Test
    void aTriggeredOcoLegCancelsTheRestingOneAtTheVenue() {
        oms.submitOco("s", ClientOrderId.of("o"), limit(Side.SELL, 10, "11.00"),
                OrderRequest.stop(X, Side.SELL, Qty.of(10), Price.of("9.00"), TimeInForce.GTC));
        ack("o.1");
        oms.onBar(bar(1, "9.50", "9.60", "8.90", "9.00"));
        ack("o.2");
        fill("o.2", "10", "8.95");
        assertEquals(List.of("submit o.1 LIMIT", "submit o.2 MARKET", "cancel o.1"), venue.calls);
        oms.onVenueEvent("v", new OrderEvent.Cancelled(ClientOrderId.of("o.1"), now, "cancelled on request"));
        assertEquals(OrderStatus.CANCELLED, status("o.1"));
        assertEquals(Qty.of(-10), oms.position("s", X).quantity());
    }

    @Test
    void bracketChildrenWaitForTheEntryThenWorkAsAnOcoPair() {
        List<Order> b = oms.submitBracket("s", ClientOrderId.of("b"), limit(Side.BUY, 10, "10.00"),
                OrderRequest.stop(X, Side.SELL, Qty.of(10), Price.of("9.50"), TimeInForce.GTC), limit(Side.SELL, 10, "11.00"));
        assertEquals(List.of("b", "b.sl", "b.tp"), b.stream().map(o -> o.id().value()).toList());
        assertEquals(OrderStatus.NEW, status("b.sl"));
        assertEquals(List.of("submit b LIMIT"), venue.calls);
        ack("b");
        fill("b", "6", "10.00");
        assertEquals(OrderStatus.NEW, status("b.tp"), "children wait for the whole entry");
        fill("b", "4", "9.99");
        assertEquals(OrderStatus.ACCEPTED, status("b.sl"), "the stop-loss is held here");
        assertEquals(List.of("submit b LIMIT", "submit b.tp LIMIT"), venue.calls);
        ack("b.tp");
        oms.onBar(bar(1, "9.80", "9.90", "9.40", "9.45"));
        assertEquals(OrderStatus.TRIGGERED, status("b.sl"));
        ack("b.sl");
        fill("b.sl", "10", "9.45");
        assertTrue(venue.calls.contains("cancel b.tp"), venue.calls.toString());
        assertEquals(Qty.ZERO, oms.position("s", X).quantity());
    }

    @Test
    void aBracketEntryCancelledAfterAPartialFillProtectsWhatWasFilled() {
        oms.submitBracket("s", ClientOrderId.of("b"), limit(Side.BUY, 10, "10.00"),
                OrderRequest.stop(X, Side.SELL, Qty.of(10), Price.of("9.50"), TimeInForce.GTC), limit(Side.SELL, 10, "11.00"));
        ack("b");
        fill("b", "3", "10.00");
        oms.cancel(ClientOrderId.of("b"), "enough");
        oms.onVenueEvent("v", new OrderEvent.Cancelled(ClientOrderId.of("b"), now, "cancelled on request"));
        assertEquals(Qty.of(3), oms.order(ClientOrderId.of("b.tp")).orElseThrow().request().quantity());
        assertEquals(Qty.of(3), oms.order(ClientOrderId.of("b.sl")).orElseThrow().request().quantity());
    }

    @Test
    void aBracketEntryThatEndsUnfilledCancelsItsChildren() {
        oms.submitBracket("s", ClientOrderId.of("b"), limit(Side.BUY, 10, "10.00"),
                OrderRequest.stop(X, Side.SELL, Qty.of(10), Price.of("9.50"), TimeInForce.GTC), limit(Side.SELL, 10, "11.00"));
        ack("b");
        oms.onVenueEvent("v", new OrderEvent.Expired(ClientOrderId.of("b"), now));
        assertEquals(OrderStatus.CANCELLED, status("b.sl"));
        assertEquals(OrderStatus.CANCELLED, status("b.tp"));
    }

    @Test
    void aBracketWhoseChildrenDoNotFitIsRejectedWhole() {
        oms.submitBracket("s", ClientOrderId.of("b"), limit(Side.BUY, 10, "10.00"), limit(Side.SELL, 10, "9.00"),
                limit(Side.SELL, 10, "11.00"));
        assertEquals(OrderStatus.REJECTED, status("b"));
        OrderEvent.Rejected r = (OrderEvent.Rejected) events.get(0);
        assertEquals(ReasonCode.INVALID_GROUP.code(), r.reasonCode());
        assertEquals(List.of(), venue.calls);
    }

    @Test
    void theSameIdAndRequestReturnsTheOrderAndSendsNothingAgainEvenAfterARestart() {
        Order first = oms.submit("s", ClientOrderId.of("a"), limit(Side.BUY, 1, "9.00"));
        Order again = oms.submit("s", ClientOrderId.of("a"), limit(Side.BUY, 1, "9.00"));
        assertEquals(first, again);
        assertEquals(List.of("submit a LIMIT"), venue.calls);
        oms = start(); // a new order manager on the same journal: as after a restart
        assertEquals(first.id(), oms.submit("s", ClientOrderId.of("a"), limit(Side.BUY, 1, "9.00")).id());
        assertEquals(List.of("submit a LIMIT"), venue.calls);
    }

    @Test
    void theSameIdWithAnotherRequestIsAConflictAndTheOrderIsUntouched() {
        oms.submit("s", ClientOrderId.of("a"), limit(Side.BUY, 1, "9.00"));
        ClientOrderIdConflictException e = assertThrows(ClientOrderIdConflictException.class,
                () -> oms.submit("s", ClientOrderId.of("a"), limit(Side.BUY, 2, "9.00")));
        assertTrue(e.getMessage().startsWith("CLIENT_ORDER_ID_CONFLICT: order a exists as [BUY 1 X LIMIT limit 9.00 GTC]"), e.getMessage());
        oms = start();
        assertThrows(ClientOrderIdConflictException.class, () -> oms.submit("s", ClientOrderId.of("a"), limit(Side.SELL, 1, "9.00")));
        assertEquals(Qty.of(1), oms.order(ClientOrderId.of("a")).orElseThrow().request().quantity());
        assertEquals(1, venue.calls.size());
    }

    @Test
    void invalidOrdersAreRejectedWithAReasonCode() {
        oms.submit("s", ClientOrderId.of("t"), limit(Side.BUY, 1, "9.005"));
        oms.submit("s", ClientOrderId.of("q"), limit(Side.BUY, 0, "9.00"));
        oms.submit("s", ClientOrderId.of("sl"), OrderRequest.stopLimit(X, Side.BUY, Qty.of(1), Price.of("10"), Price.of("9"), TimeInForce.GTC));
        assertEquals(List.of("INVALID_PRICE", "INVALID_QUANTITY", "INVALID_PRICE"),
                events.stream().map(e -> ((OrderEvent.Rejected) e).reasonCode()).toList());
        assertEquals(List.of(), venue.calls);
    }

    /** A negative quantity once left an open order that could be neither rejected nor cancelled, even after a restart. */
    @Test
    void aNegativeQuantityIsRejectedAndLeavesNothingOpen() {
        Order o = oms.submit("s", ClientOrderId.of("neg"), limit(Side.BUY, -5, "9.00"));
        assertEquals(OrderStatus.REJECTED, o.status());
        assertEquals("INVALID_QUANTITY", ((OrderEvent.Rejected) events.get(0)).reasonCode());
        assertEquals(List.of(), oms.openOrders("s"));
        assertEquals(0, oms.cancelAll("s", "stop"));
        oms = start();
        assertEquals(OrderStatus.REJECTED, status("neg"));
        assertEquals(List.of(), venue.calls);
    }

    @Test
    void aBracketWithItsExitsOnTheWrongSidesIsRejectedWhole() {
        OrderRequest entry = limit(Side.BUY, 10, "10.00");
        oms.submitBracket("s", ClientOrderId.of("b1"), entry, OrderRequest.stop(X, Side.SELL, Qty.of(10), Price.of("11.00"), TimeInForce.GTC),
                limit(Side.SELL, 10, "12.00"));
        oms.submitBracket("s", ClientOrderId.of("b2"), entry, OrderRequest.stop(X, Side.SELL, Qty.of(10), Price.of("9.00"), TimeInForce.GTC),
                limit(Side.SELL, 10, "9.50"));
        oms.submitBracket("s", ClientOrderId.of("b3"), OrderRequest.market(X, Side.SELL, Qty.of(10)),
                OrderRequest.stop(X, Side.BUY, Qty.of(10), Price.of("9.00"), TimeInForce.GTC), limit(Side.BUY, 10, "11.00"));
        List<String> reasons = events.stream().filter(e -> e instanceof OrderEvent.Rejected && !e.orderId().value().contains("."))
                .map(e -> ((OrderEvent.Rejected) e).message()).toList();
        assertEquals(List.of("the stop-loss 11.00 of a BUY entry must be below its limit 10.00",
                "the take-profit 9.50 of a BUY entry must be above its limit 10.00",
                "the stop-loss 9.00 of a SELL entry must be above the take-profit 11.00"), reasons);
        assertEquals(List.of(), venue.calls);
    }

    /** A change is a new order for the risk checks: one that would break a limit is refused, one within it passes. */
    @Test
    void aModificationPassesTheRiskChainForWhatIsLeftToFill() {
        java.util.List<io.quiver.sdk.spi.PreTradeOrder> seen = new java.util.ArrayList<>();
        ScriptedVenue modifying = new ScriptedVenue(true);
        OrderManager m = new OrderManager(new InMemoryJournal(), id -> modifying, () -> now);
        m.gate(new PreTradeGate() {
            @Override
            public io.quiver.sdk.spi.RiskRefusal check(io.quiver.sdk.spi.PreTradeOrder order, io.quiver.sdk.spi.RiskContext books) {
                seen.add(order);
                return order.request().quantity().compareTo(Qty.of(10)) > 0
                        ? new io.quiver.sdk.spi.RiskRefusal("MAX_ORDER_QUANTITY", "more than 10") : null;
            }

            @Override
            public MarginRules margin(String strategyId) {
                return MarginRules.CASH;
            }
        });
        m.registerInstrument(new Instrument(X, Price.of("0.01"), Qty.of(1), "USD"));
        m.openAccount("s", "v", Money.of(10_000));
        List<OrderEvent> got = new ArrayList<>();
        m.attach("s", got::add);
        m.submit("s", ClientOrderId.of("a"), limit(Side.BUY, 5, "9.00"));
        m.onVenueEvent("v", new OrderEvent.Accepted(ClientOrderId.of("a"), now));
        Fill f = new Fill(ClientOrderId.of("a"), "e1", "s", X, Side.BUY, Qty.of(2), Price.of("9.00"), Money.ZERO, now);
        m.onVenueEvent("v", new OrderEvent.Filled(ClientOrderId.of("a"), now, f, OrderStatus.PARTIALLY_FILLED));
        m.modify(ClientOrderId.of("a"), Qty.of(13), null, null);
        OrderEvent.ModifyRejected r = (OrderEvent.ModifyRejected) got.get(got.size() - 1);
        assertEquals("MAX_ORDER_QUANTITY", r.reasonCode());
        assertEquals(Qty.of(11), seen.get(seen.size() - 1).request().quantity(), "13 less the 2 filled is what is checked");
        m.modify(ClientOrderId.of("a"), Qty.of(12), null, null);
        assertEquals("modify a 12", modifying.calls.get(modifying.calls.size() - 1), "10 left to fill passes and goes to the venue");
        assertEquals(Money.of("9955.00"), m.readBooks(b -> b.freeCash("s")), "cash 9982 less the 3 x 9.00 left while the venue decides");
        m.onVenueEvent("v", new OrderEvent.Modified(ClientOrderId.of("a"), now, Qty.of(12), Price.of("9.00"), null));
        assertEquals(Money.of("9892.00"), m.readBooks(b -> b.freeCash("s")), "cash 9982 less the 10 x 9.00 now left to fill");
    }

    /** The error-rate breaker hears of the venue's answers only: not of the order manager's own rejections. */
    @Test
    void theGateHearsEveryVenueAnswerAndNothingElse() {
        List<String> heard = new ArrayList<>();
        oms.gate(new PreTradeGate() {
            @Override
            public io.quiver.sdk.spi.RiskRefusal check(io.quiver.sdk.spi.PreTradeOrder order, io.quiver.sdk.spi.RiskContext books) {
                return null;
            }

            @Override
            public MarginRules margin(String strategyId) {
                return MarginRules.CASH;
            }

            @Override
            public void venueAnswered(String strategyId, boolean rejected, Instant time) {
                heard.add(strategyId + (rejected ? " rejected" : " accepted"));
            }
        });
        oms.submit("s", ClientOrderId.of("ok"), limit(Side.BUY, 1, "9.00"));
        ack("ok");
        oms.submit("s", ClientOrderId.of("venue-no"), limit(Side.BUY, 1, "9.00"));
        oms.onVenueEvent("v", new OrderEvent.Rejected(ClientOrderId.of("venue-no"), now, "NO_LIQUIDITY", "none"));
        oms.submit("s", ClientOrderId.of("bad-tick"), limit(Side.BUY, 1, "9.005"));
        assertEquals(List.of("s accepted", "s rejected"), heard);
    }

    @Test
    void heldOrdersAreModifiedHereAndVenueOrdersOnlyWhereTheVenueCan() {
        oms.submit("s", ClientOrderId.of("st"), OrderRequest.stop(X, Side.SELL, Qty.of(5), Price.of("9.00"), TimeInForce.GTC));
        oms.modify(ClientOrderId.of("st"), Qty.of(3), null, Price.of("8.50"));
        Order st = oms.order(ClientOrderId.of("st")).orElseThrow();
        assertEquals(Qty.of(3), st.request().quantity());
        assertEquals(Price.of("8.50"), st.workingStop());
        oms.submit("s", ClientOrderId.of("l"), limit(Side.BUY, 5, "9.00"));
        ack("l");
        oms.modify(ClientOrderId.of("l"), Qty.of(4), null, null);
        OrderEvent last = events.get(events.size() - 1);
        assertEquals(ReasonCode.NOT_SUPPORTED.code(), ((OrderEvent.ModifyRejected) last).reasonCode());
        fill("l", "2", "9.00");
        oms.modify(ClientOrderId.of("l"), Qty.of(2), null, null);
        assertEquals(ReasonCode.INVALID_QUANTITY.code(), ((OrderEvent.ModifyRejected) events.get(events.size() - 1)).reasonCode());
    }

    @Test
    void aChangeThatComesTooLateIsRejectedToTheStrategyAndLeavesTheClosedOrderAlone() {
        oms.submit("s", ClientOrderId.of("a"), limit(Side.BUY, 1, "9.00"));
        ack("a");
        fill("a", "1", "9.00");
        oms.modify(ClientOrderId.of("a"), null, Price.of("8.90"), null);
        OrderEvent.ModifyRejected late = (OrderEvent.ModifyRejected) events.get(events.size() - 1);
        assertEquals(ReasonCode.ORDER_CLOSED.code(), late.reasonCode());
        // the venue's own answer to a change that crossed the fill is passed on, not refused
        oms.onVenueEvent("v", new OrderEvent.ModifyRejected(ClientOrderId.of("a"), now, "ORDER_NOT_FOUND", "filled"));
        assertEquals("ORDER_NOT_FOUND", ((OrderEvent.ModifyRejected) events.get(events.size() - 1)).reasonCode());
        assertEquals(List.of("NEW", "ACCEPTED", "FILLED"), oms.history(ClientOrderId.of("a")).stream().map(OrderHistoryEntry::what).toList());
        assertEquals(OrderStatus.FILLED, status("a"));
    }

    @Test
    void anIllegalVenueEventIsRefusedAndRecordedNotApplied() {
        oms.submit("s", ClientOrderId.of("a"), limit(Side.BUY, 1, "9.00"));
        ack("a");
        fill("a", "1", "9.00");
        oms.onVenueEvent("v", new OrderEvent.Expired(ClientOrderId.of("a"), now));
        assertEquals(OrderStatus.FILLED, status("a"));
        List<OrderHistoryEntry> h = oms.history(ClientOrderId.of("a"));
        assertEquals(List.of("NEW", "ACCEPTED", "FILLED", "REFUSED EXPIRED"), h.stream().map(OrderHistoryEntry::what).toList());
    }

    @Test
    void aFillBookedTwiceCountsOnce() {
        oms.submit("s", ClientOrderId.of("a"), limit(Side.BUY, 2, "9.00"));
        ack("a");
        Fill f = new Fill(ClientOrderId.of("a"), "dup", "s", X, Side.BUY, Qty.of(1), Price.of("9.00"), Money.ZERO, now);
        oms.onVenueEvent("v", new OrderEvent.Filled(f.orderId(), now, f, OrderStatus.PARTIALLY_FILLED));
        oms.onVenueEvent("v", new OrderEvent.Filled(f.orderId(), now, f, OrderStatus.PARTIALLY_FILLED));
        assertEquals(Qty.of(1), oms.position("s", X).quantity());
        assertEquals(Money.of("9991.00"), oms.cash("s"));
    }

    @Test
    void aCancelBeforeTheVenueAcknowledgedGoesOutWithTheAcknowledgement() {
        oms.submit("s", ClientOrderId.of("a"), limit(Side.BUY, 2, "9.00"));
        oms.cancel(ClientOrderId.of("a"), "changed my mind");
        assertEquals(List.of("submit a LIMIT"), venue.calls);
        ack("a");
        assertEquals(List.of("submit a LIMIT", "cancel a"), venue.calls);
    }

    /** A held DAY order works through the day of the first bar it is checked against (on daily bars: the next bar), and expires at a later day's. */
    @Test
    void aHeldDayOrderWorksThroughItsFirstBarsDayAndExpiresOnALaterDaysData() {
        oms.submit("s", ClientOrderId.of("d"), OrderRequest.stop(X, Side.BUY, Qty.of(1), Price.of("20.00"), TimeInForce.DAY));
        now = T0.plusSeconds(86_400);
        oms.onBar(new Bar(X, now, Price.of("10"), Price.of("10"), Price.of("10"), Price.of("10"), Qty.of(1)));
        assertEquals(OrderStatus.ACCEPTED, status("d"), "the next day's bar is the order's session");
        oms = start(); // the session is journaled: a restart keeps it
        now = T0.plusSeconds(2 * 86_400);
        oms.onBar(new Bar(X, now, Price.of("10"), Price.of("10"), Price.of("10"), Price.of("10"), Qty.of(1)));
        assertEquals(OrderStatus.EXPIRED, status("d"));
        assertEquals(OrderType.STOP, oms.order(ClientOrderId.of("d")).orElseThrow().request().type());
    }
}
