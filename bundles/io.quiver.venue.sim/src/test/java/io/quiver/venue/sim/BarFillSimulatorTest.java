package io.quiver.venue.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BarFillSimulatorTest {
    private static final InstrumentId X = InstrumentId.of("X");
    private static final Instant T0 = Instant.parse("2020-01-02T00:00:00Z");
    private final List<OrderEvent> events = new ArrayList<>();
    private BarFillSimulator venue;
    private int ids;

    @BeforeEach
    void setUp() {
        venue = new BarFillSimulator("sim", BigDecimal.ZERO);
        venue.addInstrument(new Instrument(X, Price.of("0.01"), Qty.of(1), "USD"));
        venue.open(events::add);
    }

    private static Bar bar(int day, String o, String h, String l, String c) {
        return new Bar(X, T0.plusSeconds(86_400L * day), Price.of(o), Price.of(h), Price.of(l), Price.of(c), Qty.of(1000));
    }

    private ClientOrderId submit(OrderRequest r) {
        ClientOrderId id = ClientOrderId.of("o" + ++ids);
        venue.submit("acct", id, r, T0);
        return id;
    }

    private Price filledPrice(ClientOrderId id) {
        return events.stream().filter(e -> e instanceof OrderEvent.Filled && e.orderId().equals(id))
                .map(e -> ((OrderEvent.Filled) e).fill().price()).findFirst().orElse(null);
    }

    @Test
    void marketFillsAtTheNextBarsOpenNeverEarlier() {
        ClientOrderId id = submit(OrderRequest.market(X, Side.BUY, Qty.of(10)));
        assertInstanceOf(OrderEvent.Accepted.class, events.get(0));
        assertEquals(null, filledPrice(id));
        venue.onBar(bar(1, "10.50", "11", "10", "10.80"));
        assertEquals(Price.of("10.50"), filledPrice(id));
        OrderEvent.Filled f = (OrderEvent.Filled) events.get(1);
        assertEquals(T0.plusSeconds(86_400), f.fill().time());
        assertEquals(Qty.of(10), f.fill().quantity());
    }

    @Test
    void limitBuyFillsAtOpenOnAGapDownElseAtTheLimit() {
        ClientOrderId gap = submit(OrderRequest.limit(X, Side.BUY, Qty.of(1), Price.of("10.00"), TimeInForce.GTC));
        ClientOrderId touch = submit(OrderRequest.limit(X, Side.BUY, Qty.of(1), Price.of("9.50"), TimeInForce.GTC));
        ClientOrderId never = submit(OrderRequest.limit(X, Side.BUY, Qty.of(1), Price.of("9.00"), TimeInForce.GTC));
        venue.onBar(bar(1, "9.80", "10.20", "9.40", "10.00"));
        assertEquals(Price.of("9.80"), filledPrice(gap));
        assertEquals(Price.of("9.50"), filledPrice(touch));
        assertEquals(null, filledPrice(never));
        assertEquals(List.of(never), venue.workingOrders());
    }

    @Test
    void limitSellMirrors() {
        ClientOrderId gap = submit(OrderRequest.limit(X, Side.SELL, Qty.of(1), Price.of("10.00"), TimeInForce.GTC));
        ClientOrderId touch = submit(OrderRequest.limit(X, Side.SELL, Qty.of(1), Price.of("10.60"), TimeInForce.GTC));
        venue.onBar(bar(1, "10.20", "10.70", "10.10", "10.30"));
        assertEquals(Price.of("10.20"), filledPrice(gap));
        assertEquals(Price.of("10.60"), filledPrice(touch));
    }

    @Test
    void stopsTriggerThroughTheRangeOrGapThrough() {
        ClientOrderId buyStop = submit(OrderRequest.stop(X, Side.BUY, Qty.of(1), Price.of("10.50"), TimeInForce.GTC));
        ClientOrderId sellStopGap = submit(OrderRequest.stop(X, Side.SELL, Qty.of(1), Price.of("10.10"), TimeInForce.GTC));
        ClientOrderId sellStopNever = submit(OrderRequest.stop(X, Side.SELL, Qty.of(1), Price.of("9.00"), TimeInForce.GTC));
        venue.onBar(bar(1, "10.00", "10.60", "9.90", "10.40"));
        assertEquals(Price.of("10.50"), filledPrice(buyStop));
        assertEquals(Price.of("10.00"), filledPrice(sellStopGap));
        assertEquals(null, filledPrice(sellStopNever));
    }

    @Test
    void iocAndFokGetOneBarDayWorksThroughItsFirstBarsDay() {
        ClientOrderId ioc = submit(OrderRequest.limit(X, Side.BUY, Qty.of(1), Price.of("5.00"), TimeInForce.IOC));
        ClientOrderId fok = submit(OrderRequest.limit(X, Side.SELL, Qty.of(1), Price.of("50.00"), TimeInForce.FOK));
        ClientOrderId iocFilled = submit(OrderRequest.limit(X, Side.BUY, Qty.of(1), Price.of("9.50"), TimeInForce.IOC));
        ClientOrderId day = submit(OrderRequest.limit(X, Side.BUY, Qty.of(1), Price.of("5.00"), TimeInForce.DAY));
        ClientOrderId gtc = submit(OrderRequest.limit(X, Side.BUY, Qty.of(1), Price.of("5.00"), TimeInForce.GTC));
        venue.onBar(bar(1, "10", "11", "9", "10"));
        assertTrue(events.stream().anyMatch(e -> e instanceof OrderEvent.Cancelled && e.orderId().equals(ioc)));
        assertTrue(events.stream().anyMatch(e -> e instanceof OrderEvent.Cancelled && e.orderId().equals(fok)));
        assertEquals(Price.of("9.50"), filledPrice(iocFilled), "an IOC that the bar reaches fills on it");
        assertEquals(List.of(day, gtc), venue.workingOrders(), "the DAY order works through the day of the first bar it is offered");
        venue.onBar(bar(2, "10", "11", "9", "10"));
        assertTrue(events.stream().anyMatch(e -> e instanceof OrderEvent.Expired && e.orderId().equals(day)), "and expires at a later day's bar");
        assertEquals(List.of(gtc), venue.workingOrders(), "GTC keeps working");
    }

    /** On daily bars a DAY order entered on one bar is for the next bar's session: it was never offered a fill before. */
    @Test
    void aDayOrderOnDailyBarsIsOfferedTheNextBarAndKeepsItsSessionAcrossARestart() {
        io.quiver.oms.InMemoryJournal journal = new io.quiver.oms.InMemoryJournal();
        venue = new BarFillSimulator("sim", BigDecimal.ZERO, journal);
        venue.addInstrument(new Instrument(X, Price.of("0.01"), Qty.of(1), "USD"));
        venue.open(events::add);
        venue.openAccount("acct", io.quiver.sdk.model.Money.of(1_000_000));
        ClientOrderId fills = submit(OrderRequest.limit(X, Side.BUY, Qty.of(1), Price.of("9.50"), TimeInForce.DAY));
        ClientOrderId waits = submit(OrderRequest.limit(X, Side.BUY, Qty.of(1), Price.of("5.00"), TimeInForce.DAY));
        venue.onBar(bar(1, "10", "11", "9", "10"));
        assertEquals(Price.of("9.50"), filledPrice(fills), "filled on the next daily bar");
        // A restart between the session's bar and the next day's keeps the order's session.
        venue = new BarFillSimulator("sim", BigDecimal.ZERO, journal);
        venue.addInstrument(new Instrument(X, Price.of("0.01"), Qty.of(1), "USD"));
        venue.open(events::add);
        assertEquals(List.of(waits), venue.workingOrders());
        venue.onBar(bar(2, "10", "11", "4", "10"));
        assertTrue(events.stream().anyMatch(e -> e instanceof OrderEvent.Expired && e.orderId().equals(waits)),
                "expired at the next day's bar, before it is offered a fill: " + events);
        assertEquals(null, filledPrice(waits));
    }

    /** A stop-limit fills on the bar that triggers it when the bar allows, as a native stop does; otherwise it works as a limit. */
    @Test
    void aStopLimitFillsOnTheBarThatTriggersItOrWorksOnAsALimit() {
        io.quiver.oms.InMemoryJournal journal = new io.quiver.oms.InMemoryJournal();
        venue = new BarFillSimulator("sim", BigDecimal.ZERO, journal);
        venue.addInstrument(new Instrument(X, Price.of("0.01"), Qty.of(1), "USD"));
        venue.open(events::add);
        ClientOrderId within = submit(OrderRequest.stopLimit(X, Side.BUY, Qty.of(1), Price.of("10.50"), Price.of("10.60"), TimeInForce.GTC));
        ClientOrderId gapBack = submit(OrderRequest.stopLimit(X, Side.BUY, Qty.of(1), Price.of("10.75"), Price.of("11.08"), TimeInForce.GTC));
        ClientOrderId gapAway = submit(OrderRequest.stopLimit(X, Side.BUY, Qty.of(1), Price.of("11.00"), Price.of("11.05"), TimeInForce.GTC));
        venue.onBar(bar(1, "10.00", "10.40", "9.90", "10.30"));
        assertEquals(List.of(within, gapBack, gapAway), venue.workingOrders(), "below every stop: nothing triggers");
        venue.onBar(bar(2, "10.20", "10.70", "10.10", "10.60"));
        assertEquals(Price.of("10.50"), filledPrice(within), "triggered at 10.50 within the limit: filled there, on the same bar");
        venue.onBar(bar(3, "11.20", "11.30", "11.06", "11.10"));
        assertEquals(Price.of("11.08"), filledPrice(gapBack), "gapped over its stop and limit, then came back to the limit in the bar");
        assertEquals(null, filledPrice(gapAway), "gapped over its limit 11.05 and never back: working as a limit");
        // A restart keeps it triggered: from here it is a limit order at 11.05.
        venue = new BarFillSimulator("sim", BigDecimal.ZERO, journal);
        venue.addInstrument(new Instrument(X, Price.of("0.01"), Qty.of(1), "USD"));
        venue.open(events::add);
        venue.onBar(bar(4, "11.04", "11.10", "10.95", "11.00"));
        assertEquals(Price.of("11.04"), filledPrice(gapAway), "as a limit: at the open, within 11.05");
        assertEquals(3, events.stream().filter(e -> e instanceof OrderEvent.Triggered).count(), "each triggered once: " + events);
    }

    @Test
    void rejectsWithReasonCodes() {
        submit(OrderRequest.limit(X, Side.BUY, Qty.of(1), Price.of("10.005"), TimeInForce.GTC));
        submit(OrderRequest.market(X, Side.BUY, Qty.of(0)));
        submit(OrderRequest.market(InstrumentId.of("Y"), Side.BUY, Qty.of(1)));
        submit(new OrderRequest(X, Side.BUY, io.quiver.sdk.model.OrderType.LIMIT, Qty.of(1), null, null, null, TimeInForce.GTC));
        venue.submit("acct", ClientOrderId.of("o1"), OrderRequest.market(X, Side.BUY, Qty.of(1)), T0);
        List<String> codes = events.stream().filter(e -> e instanceof OrderEvent.Rejected)
                .map(e -> ((OrderEvent.Rejected) e).reasonCode()).toList();
        assertEquals(List.of(ReasonCode.INVALID_PRICE.code(), ReasonCode.INVALID_QUANTITY.code(), ReasonCode.UNKNOWN_INSTRUMENT.code(),
                ReasonCode.INVALID_PRICE.code(), ReasonCode.DUPLICATE_ORDER_ID.code()), codes);
    }

    @Test
    void feeIsExactBasisPointsOfNotional() {
        venue = new BarFillSimulator("sim", new BigDecimal("1.5"));
        venue.addInstrument(new Instrument(X, Price.of("0.01"), Qty.of(1), "USD"));
        venue.open(events::add);
        ClientOrderId id = submit(OrderRequest.market(X, Side.BUY, Qty.of(333)));
        venue.onBar(bar(1, "10.01", "11", "9", "10"));
        OrderEvent.Filled f = (OrderEvent.Filled) events.stream().filter(e -> e instanceof OrderEvent.Filled).findFirst().orElseThrow();
        assertEquals(id, f.orderId());
        // 333 * 10.01 = 3333.33; 1.5 bps of it = 3333.33 * 0.00015 = 0.4999995
        assertEquals(Money.of("0.4999995"), f.fill().fee());
    }

    @Test
    void cancelRemovesAWorkingOrder() {
        ClientOrderId id = submit(OrderRequest.limit(X, Side.BUY, Qty.of(1), Price.of("5.00"), TimeInForce.GTC));
        venue.cancel(id, T0);
        venue.onBar(bar(1, "4", "5", "3", "4"));
        assertEquals(null, filledPrice(id));
        assertInstanceOf(OrderEvent.Cancelled.class, events.get(events.size() - 1));
    }

    /**
     * Worked by hand: a sell trailing 1.00 behind the best price. Bar 1 opens at 10.00: stop 9.00; its low 9.50
     * does not reach it, its high 10.60 moves it to 9.60. Bar 2 (low 9.80) does not reach 9.60; its high 10.40
     * is no new best. Bar 3 dips to 9.40 through 9.60: it fills at 9.60 on that bar, not on the next.
     */
    @Test
    void aTrailingStopFollowsTheBestPriceAndFillsOnTheBarThatReachesIt() {
        ClientOrderId id = submit(OrderRequest.trailingStop(X, Side.SELL, Qty.of(5), io.quiver.sdk.model.TrailingOffset.amount(Price.of("1.00")),
                TimeInForce.GTC));
        venue.onBar(bar(1, "10.00", "10.60", "9.50", "10.40"));
        venue.onBar(bar(2, "10.30", "10.40", "9.80", "10.00"));
        assertEquals(null, filledPrice(id));
        venue.onBar(bar(3, "10.00", "10.10", "9.40", "9.50"));
        assertEquals(Price.of("9.60"), filledPrice(id));
        assertTrue(events.stream().anyMatch(e -> e instanceof OrderEvent.Triggered t && t.orderId().equals(id) && t.price().equals(Price.of("9.60"))));
    }

    /** Entered after a bar closed at 10.30, a sell trailing 0.50 starts at 9.80 (a broker trails from the market at acceptance). */
    @Test
    void aTrailingStopEnteredAfterABarStartsFromItsClose() {
        venue.onBar(bar(1, "10.00", "10.40", "9.90", "10.30"));
        ClientOrderId id = submit(OrderRequest.trailingStop(X, Side.SELL, Qty.of(5), io.quiver.sdk.model.TrailingOffset.amount(Price.of("0.50")),
                TimeInForce.GTC));
        venue.onBar(bar(2, "10.10", "10.20", "9.80", "9.90"));
        assertEquals(Price.of("9.80"), filledPrice(id), "the next bar's open 10.10 would have put it at 9.60, out of reach");
    }

    /** A buy trailing 2 % above the lowest price, with a first stop given: a gap through it fills at the open. */
    @Test
    void aTrailingBuyGapsThroughAtTheOpenAndStartsFromItsFirstStop() {
        ClientOrderId id = submit(new OrderRequest(X, Side.BUY, io.quiver.sdk.model.OrderType.TRAILING_STOP, Qty.of(3), null, Price.of("12.00"),
                io.quiver.sdk.model.TrailingOffset.percent("2"), TimeInForce.GTC));
        // low 10.00: 2 % above is 10.20, tighter than 12.00, so the stop moves down to 10.20
        venue.onBar(bar(1, "11.00", "11.50", "10.00", "10.10"));
        assertEquals(null, filledPrice(id));
        venue.onBar(bar(2, "10.50", "10.70", "10.40", "10.60"));
        assertEquals(Price.of("10.50"), filledPrice(id), "opened above 10.20: filled at the open");
    }

    @Test
    void aTrailingStopsLevelSurvivesARestart() {
        io.quiver.oms.InMemoryJournal journal = new io.quiver.oms.InMemoryJournal();
        venue = new BarFillSimulator("sim", BigDecimal.ZERO, journal);
        venue.addInstrument(new Instrument(X, Price.of("0.01"), Qty.of(1), "USD"));
        venue.open(events::add);
        ClientOrderId id = submit(OrderRequest.trailingStop(X, Side.SELL, Qty.of(5), io.quiver.sdk.model.TrailingOffset.amount(Price.of("1.00")),
                TimeInForce.GTC));
        venue.onBar(bar(1, "10.00", "10.60", "9.50", "10.40"));
        journal.commit();
        venue = new BarFillSimulator("sim", BigDecimal.ZERO, journal);
        venue.addInstrument(new Instrument(X, Price.of("0.01"), Qty.of(1), "USD"));
        venue.open(events::add);
        venue.onBar(bar(2, "10.00", "10.10", "9.55", "9.70"));
        assertEquals(Price.of("9.60"), filledPrice(id), "the stop rebuilt at 9.60, not back at 9.00");
    }

    /** A DAY order ends with its instrument's trading day, in the instrument's zone: Sydney's day turns at 13:00 UTC in March. */
    @Test
    void aDayOrderEndsWithItsInstrumentsTradingDayInItsZone() {
        InstrumentId bhp = InstrumentId.of("BHP");
        venue.addInstrument(new Instrument(bhp, Price.of("0.01"), Qty.of(1), "AUD", Qty.of(1), io.quiver.sdk.model.AssetClass.EQUITY,
                BigDecimal.ONE, io.quiver.sdk.model.TradingHours.parse("weekdays 10:00-16:00", java.time.ZoneId.of("Australia/Sydney"))));
        ClientOrderId id = ClientOrderId.of("day");
        venue.submit("acct", id, OrderRequest.limit(bhp, Side.BUY, Qty.of(5), Price.of("40.00"), TimeInForce.DAY), T0);
        java.util.function.BiConsumer<String, String> bar = (time, low) -> venue.onBar(new Bar(bhp, Instant.parse(time), Price.of("45.00"),
                Price.of("45.00"), Price.of(low), Price.of("45.00"), Qty.of(1000)));
        bar.accept("2024-03-04T23:30:00Z", "44.00"); // 10:30 on the 5th in Sydney: its first bar, its day
        bar.accept("2024-03-05T01:00:00Z", "44.00"); // a new day in UTC, still the 5th in Sydney
        assertTrue(events.stream().noneMatch(e -> e instanceof OrderEvent.Expired), "it works on through its own day: " + events);
        bar.accept("2024-03-05T14:00:00Z", "39.00"); // 01:00 on the 6th in Sydney
        assertTrue(events.stream().anyMatch(e -> e instanceof OrderEvent.Expired && e.orderId().equals(id)), events.toString());
        assertEquals(null, filledPrice(id), "expired before that bar could fill it");
    }
}
