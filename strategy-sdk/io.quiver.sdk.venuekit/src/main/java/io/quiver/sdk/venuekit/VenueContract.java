package io.quiver.sdk.venuekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import io.quiver.sdk.spi.MarketDataListener;
import io.quiver.sdk.spi.ReconcilableVenue;
import io.quiver.sdk.spi.Venue;
import io.quiver.sdk.spi.VenueOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the platform relies on from every venue, as JUnit 5 tests: extend this class in a test of your
 * adapter, build your venue in {@link #createVenue()}, and run it. Each test opens a fresh venue with a
 * listener, moves the market with {@link #marketAt} and checks the order events that come back.
 *
 * <p>Tests of what a venue declares it does ({@link Venue#supportsNatively}, {@link Venue#supportsModify},
 * {@link Venue#batches}, {@link ReconcilableVenue}) run only when it declares it; the order manager never
 * asks a venue for the rest. See the adapter guide ({@code docs/adapter-guide.md}).
 */
public abstract class VenueContract {
    /** The account every test trades on. */
    protected static final String ACCOUNT = "contract";
    /** How many market moves a venue may take to answer. */
    private static final int PATIENCE = 5;

    protected Venue venue;
    protected final List<OrderEvent> events = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-05T14:30:00Z");
    private int orderNumber;

    /** A new venue with nothing on its books, not yet opened, that trades {@link #instrument()}. */
    protected abstract Venue createVenue();

    /** The instrument the tests trade: prices are whole cents around {@link #startPrice()}, quantities whole lots. */
    protected Instrument instrument() {
        return Instrument.of("KIT", 2, "USD");
    }

    protected Price startPrice() {
        return Price.of("100.00");
    }

    /**
     * Moves the market to {@code price} at {@code time}. The default gives a venue that simulates fills
     * from market data a bar whose open, high, low and close are all {@code price}; a live adapter's test
     * drives its stand-in server instead.
     */
    protected void marketAt(Venue venue, Price price, Instant time) {
        if (venue instanceof MarketDataListener simulated) {
            simulated.onBar(new Bar(instrument().id(), time, price, price, price, price, Qty.of(1_000_000)));
        }
    }

    /**
     * The same venue started again over the books {@code venue} kept, as after a restart of the process;
     * empty for a venue that keeps nothing (the reconciliation test then only checks the running venue).
     */
    protected Optional<Venue> reopen(Venue venue) {
        return Optional.empty();
    }

    @BeforeEach
    void openTheVenue() {
        venue = createVenue();
        venue.open(events::add);
        if (venue instanceof ReconcilableVenue reconcilable) {
            reconcilable.openAccount(ACCOUNT, Money.of(10_000_000));
        }
        move(startPrice());
    }

    @AfterEach
    void closeTheVenue() {
        venue.close();
    }

    // ---- orders every venue executes ---------------------------------------------------------------

    @Test
    void aMarketOrderIsAcceptedThenFilledInFull() {
        ClientOrderId id = submit(OrderRequest.market(instrument().id(), Side.BUY, Qty.of(10)));
        awaitStatus(id, OrderStatus.FILLED, startPrice());
        List<OrderEvent> mine = of(id);
        assertInstanceOf(OrderEvent.Accepted.class, mine.get(0), "the first answer to an order is its acceptance: " + mine);
        assertEquals(Qty.of(10), filled(id), "fills add up to the order's quantity: " + mine);
        for (Fill f : fills(id)) {
            assertEquals(ACCOUNT, f.strategyId());
            assertEquals(instrument().id(), f.instrument());
            assertEquals(Side.BUY, f.side());
            assertTrue(f.quantity().isPositive() && f.price().signum() > 0, "a fill has a quantity and a price: " + f);
            assertFalse(f.time().isAfter(now), "a fill is not stamped after the market that made it: " + f);
        }
    }

    @Test
    void aLimitOrderRestsUntilThePriceReachesItAndFillsAtItOrBetter() {
        Price buyAt = price("-5.00");
        Price sellAt = price("5.00");
        ClientOrderId buy = submit(OrderRequest.limit(instrument().id(), Side.BUY, Qty.of(10), buyAt, TimeInForce.GTC));
        ClientOrderId sell = submit(OrderRequest.limit(instrument().id(), Side.SELL, Qty.of(10), sellAt, TimeInForce.GTC));
        for (int i = 0; i < PATIENCE; i++) {
            move(startPrice());
        }
        assertTrue(fills(buy).isEmpty() && fills(sell).isEmpty(), "no fill away from the limits: " + events);
        assertTrue(accepted(buy) && accepted(sell), "both accepted: " + events);
        awaitStatus(buy, OrderStatus.FILLED, price("-6.00"));
        fills(buy).forEach(f -> assertFalse(f.price().isGreaterThan(buyAt), "a buy fills at its limit or below: " + f));
        awaitStatus(sell, OrderStatus.FILLED, price("6.00"));
        fills(sell).forEach(f -> assertFalse(f.price().isLessThan(sellAt), "a sell fills at its limit or above: " + f));
    }

    @Test
    void everyFillHasItsOwnExecutionId() {
        List<ClientOrderId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(submit(OrderRequest.market(instrument().id(), i % 2 == 0 ? Side.BUY : Side.SELL, Qty.of(3))));
        }
        ids.forEach(id -> awaitStatus(id, OrderStatus.FILLED, startPrice()));
        Set<String> seen = new HashSet<>();
        for (OrderEvent e : events) {
            if (e instanceof OrderEvent.Filled f) {
                assertTrue(seen.add(f.fill().executionId()), "execution id " + f.fill().executionId() + " reported twice");
            }
        }
    }

    @Test
    void anOrderForAnInstrumentTheVenueDoesNotTradeIsRejectedWithACode() {
        ClientOrderId id = submit(OrderRequest.market(InstrumentId.of("NO-SUCH-INSTRUMENT"), Side.BUY, Qty.of(1)));
        move(startPrice());
        OrderEvent.Rejected r = of(id).stream().filter(OrderEvent.Rejected.class::isInstance).map(OrderEvent.Rejected.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no rejection: " + of(id)));
        assertFalse(r.reasonCode().isBlank() || r.message().isBlank(), "a rejection has a code and a message: " + r);
        assertTrue(fills(id).isEmpty());
    }

    @Test
    void aCancelEndsAWorkingOrderOnceAndUnknownOrClosedIdsAreIgnored() {
        ClientOrderId id = submit(OrderRequest.limit(instrument().id(), Side.BUY, Qty.of(10), price("-10.00"), TimeInForce.GTC));
        move(startPrice());
        venue.cancel(id, now);
        move(startPrice());
        assertEquals(1, of(id).stream().filter(OrderEvent.Cancelled.class::isInstance).count(), "cancelled once: " + of(id));
        int before = events.size();
        venue.cancel(id, now);
        venue.cancel(ClientOrderId.of("never-sent"), now);
        move(price("-11.00"));
        assertEquals(before, events.size(), "a closed or unknown id changes nothing: " + events.subList(before, events.size()));
    }

    // ---- what a venue declares it does -------------------------------------------------------------

    @Test
    void aNativeStopWaitsForItsPriceThenFills() {
        assumeTrue(venue.supportsNatively(OrderType.STOP), "the venue does not execute stops (the order manager emulates them)");
        ClientOrderId id = submit(OrderRequest.stop(instrument().id(), Side.BUY, Qty.of(10), price("5.00"), TimeInForce.GTC));
        move(startPrice());
        move(price("2.00"));
        assertTrue(accepted(id) && fills(id).isEmpty(), "a stop below its price waits: " + of(id));
        awaitStatus(id, OrderStatus.FILLED, price("6.00"));
    }

    @Test
    void aNativeStopLimitTriggersThenFillsWithinItsLimit() {
        assumeTrue(venue.supportsNatively(OrderType.STOP_LIMIT), "the venue does not execute stop-limits (the order manager emulates them)");
        Price limit = price("6.00");
        ClientOrderId id = submit(OrderRequest.stopLimit(instrument().id(), Side.BUY, Qty.of(10), price("5.00"), limit, TimeInForce.GTC));
        move(startPrice());
        assertTrue(accepted(id) && fills(id).isEmpty(), "a stop-limit below its stop waits: " + of(id));
        awaitStatus(id, OrderStatus.FILLED, price("5.50"));
        fills(id).forEach(f -> assertFalse(f.price().isGreaterThan(limit), "filled within the limit: " + f));
    }

    @Test
    void aModifiedOrderWorksAtItsNewPriceAndQuantity() {
        assumeTrue(venue.supportsModify(), "the venue does not modify orders");
        ClientOrderId id = submit(OrderRequest.limit(instrument().id(), Side.BUY, Qty.of(10), price("-10.00"), TimeInForce.GTC));
        move(startPrice());
        Price newLimit = price("-5.00");
        venue.modify(id, OrderRequest.limit(instrument().id(), Side.BUY, Qty.of(4), newLimit, TimeInForce.GTC), now);
        move(startPrice());
        OrderEvent.Modified m = of(id).stream().filter(OrderEvent.Modified.class::isInstance).map(OrderEvent.Modified.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no Modified: " + of(id)));
        assertEquals(Qty.of(4), m.quantity());
        assertEquals(newLimit, m.limitPrice());
        awaitStatus(id, OrderStatus.FILLED, price("-6.00"));
        assertEquals(Qty.of(4), filled(id));
        venue.modify(ClientOrderId.of("never-sent"), OrderRequest.limit(instrument().id(), Side.BUY, Qty.of(1), newLimit, TimeInForce.GTC), now);
        move(startPrice());
        OrderEvent last = events.get(events.size() - 1);
        assertTrue(last instanceof OrderEvent.ModifyRejected r && r.orderId().value().equals("never-sent") && !r.reasonCode().isBlank(),
                "modifying an unknown order is refused with a code: " + last);
    }

    @Test
    void aBatchReportsEveryOutcomeOnceItIsDoneInTheOrderOfTheCalls() {
        assumeTrue(venue.batches(), "the venue runs batched calls one by one");
        List<ClientOrderId> ids = new ArrayList<>();
        int[] seenInside = new int[1];
        venue.inBatch(() -> {
            for (int i = 1; i <= 3; i++) {
                ids.add(submit(OrderRequest.limit(instrument().id(), Side.BUY, Qty.of(1), price("-" + i + ".00"), TimeInForce.GTC)));
            }
            seenInside[0] = events.size();
        });
        List<ClientOrderId> acceptedInOrder = events.stream().filter(OrderEvent.Accepted.class::isInstance).map(OrderEvent::orderId).toList();
        assertEquals(ids, acceptedInOrder, "each call's outcome, in the order of the calls");
        assertEquals(0, seenInside[0], "outcomes come after the batch's one save, not inside it");
    }

    @Test
    void aReconcilableVenueReportsItsOpenOrdersFillsAndAccount() {
        assumeTrue(venue instanceof ReconcilableVenue, "the venue keeps no books to reconcile with");
        ClientOrderId filledId = submit(OrderRequest.market(instrument().id(), Side.BUY, Qty.of(10)));
        awaitStatus(filledId, OrderStatus.FILLED, startPrice());
        OrderRequest resting = OrderRequest.limit(instrument().id(), Side.BUY, Qty.of(7), price("-20.00"), TimeInForce.GTC);
        ClientOrderId restingId = submit(resting);
        move(startPrice());
        checkBooks((ReconcilableVenue) venue, filledId, restingId, resting);
        Optional<Venue> again = reopen(venue);
        if (again.isPresent()) {
            venue = again.get();
            venue.open(events::add);
            checkBooks((ReconcilableVenue) venue, filledId, restingId, resting);
        }
    }

    private void checkBooks(ReconcilableVenue books, ClientOrderId filledId, ClientOrderId restingId, OrderRequest resting) {
        List<VenueOrder> open = books.openOrders(ACCOUNT);
        assertEquals(List.of(restingId), open.stream().map(VenueOrder::id).toList(), "the open orders: " + open);
        assertEquals(resting, open.get(0).request());
        VenueOrder done = books.order(filledId).orElseThrow(() -> new AssertionError("the filled order is unknown"));
        assertEquals(OrderStatus.FILLED, done.status());
        assertEquals(Qty.of(10), done.filledQuantity());
        List<String> reported = fills(filledId).stream().map(Fill::executionId).toList();
        assertEquals(reported, books.fillsSince(ACCOUNT, Instant.EPOCH).stream().map(Fill::executionId).toList(), "the fills, oldest first");
        Money spent = Money.ZERO;
        for (Fill f : fills(filledId)) {
            spent = spent.plus(f.price().times(f.quantity())).plus(f.fee());
        }
        assertEquals(Money.of(10_000_000).minus(spent), books.account(ACCOUNT).cash(), "cash after the fills, exactly");
        assertEquals(Qty.of(10), books.account(ACCOUNT).positions().get(instrument().id()));
        assertTrue(books.order(ClientOrderId.of("never-sent")).isEmpty());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Sends an order under a new id at the current time. */
    protected ClientOrderId submit(OrderRequest request) {
        ClientOrderId id = ClientOrderId.of("kit-" + ++orderNumber);
        venue.submit(ACCOUNT, id, request, now);
        return id;
    }

    /** The market one minute later, at {@code price}. */
    protected void move(Price price) {
        now = now.plus(Duration.ofMinutes(1));
        marketAt(venue, price, now);
    }

    private void awaitStatus(ClientOrderId id, OrderStatus status, Price market) {
        for (int i = 0; i < PATIENCE && status(id) != status; i++) {
            move(market);
        }
        assertEquals(status, status(id), "after " + PATIENCE + " moves of the market to " + market + ": " + of(id));
    }

    private OrderStatus status(ClientOrderId id) {
        OrderStatus s = null;
        for (OrderEvent e : of(id)) {
            if (e instanceof OrderEvent.Filled f) {
                s = f.statusAfter();
            } else if (e instanceof OrderEvent.Cancelled) {
                s = OrderStatus.CANCELLED;
            } else if (e instanceof OrderEvent.Rejected) {
                s = OrderStatus.REJECTED;
            } else if (e instanceof OrderEvent.Expired) {
                s = OrderStatus.EXPIRED;
            }
        }
        return s;
    }

    private Price price(String offset) {
        return offset.startsWith("-") ? startPrice().minus(Price.of(offset.substring(1))) : startPrice().plus(Price.of(offset));
    }

    private List<OrderEvent> of(ClientOrderId id) {
        return events.stream().filter(e -> e.orderId().equals(id)).toList();
    }

    private boolean accepted(ClientOrderId id) {
        return of(id).stream().anyMatch(OrderEvent.Accepted.class::isInstance);
    }

    private List<Fill> fills(ClientOrderId id) {
        return of(id).stream().filter(OrderEvent.Filled.class::isInstance).map(e -> ((OrderEvent.Filled) e).fill()).toList();
    }

    private Qty filled(ClientOrderId id) {
        return fills(id).stream().map(Fill::quantity).reduce(Qty.of(0), Qty::plus);
    }
}
