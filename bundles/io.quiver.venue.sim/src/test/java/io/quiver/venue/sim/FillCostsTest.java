package io.quiver.venue.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.oms.InMemoryJournal;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
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
import io.quiver.sdk.spi.VenueSetup;
import io.quiver.venue.sim.internal.SimVenueFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Commission, slippage and volume limits on the bar venue, on figures worked out by hand. */
class FillCostsTest {
    private static final InstrumentId X = InstrumentId.of("X");
    private static final Instant T0 = Instant.parse("2020-01-02T00:00:00Z");
    private final List<OrderEvent> events = new ArrayList<>();
    private int ids;

    private BarFillSimulator venue(Map<String, String> settings, InMemoryJournal journal) {
        BarFillSimulator v = new SimVenueFactory().create(new VenueSetup("sim", settings, List.of(new Instrument(X, Price.of("0.01"), Qty.of(1),
                "USD")), journal));
        v.open(events::add);
        return v;
    }

    private static Bar bar(int day, String open, String high, String low, long volume) {
        return new Bar(X, T0.plusSeconds(86_400L * day), Price.of(open), Price.of(high), Price.of(low), Price.of(open), Qty.of(volume));
    }

    private ClientOrderId submit(BarFillSimulator v, OrderRequest r) {
        ClientOrderId id = ClientOrderId.of("o" + ++ids);
        v.submit("acct", id, r, T0);
        return id;
    }

    private List<Fill> fills(ClientOrderId id) {
        return events.stream().filter(e -> e instanceof OrderEvent.Filled f && f.orderId().equals(id)).map(e -> ((OrderEvent.Filled) e).fill())
                .toList();
    }

    private static void same(String expected, Money actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual.toBigDecimal()), expected + " vs " + actual);
    }

    @Test
    void ordersShareATenthOfEachBarsVolumeOldestFirstAndWorkOnInPart() {
        BarFillSimulator v = venue(Map.of("volume.share.max", "0.1"), new InMemoryJournal());
        ClientOrderId a = submit(v, OrderRequest.market(X, Side.BUY, Qty.of(40)));
        ClientOrderId b = submit(v, OrderRequest.market(X, Side.BUY, Qty.of(40)));
        v.onBar(bar(1, "10", "11", "9", 500)); // room 50: a takes 40, b 10
        assertEquals(List.of(Qty.of(40)), fills(a).stream().map(Fill::quantity).toList());
        assertEquals(List.of(Qty.of(10)), fills(b).stream().map(Fill::quantity).toList());
        assertEquals(OrderStatus.PARTIALLY_FILLED, v.order(b).orElseThrow().status());
        assertEquals(Qty.of(10), v.order(b).orElseThrow().filledQuantity());
        v.onBar(bar(2, "10", "11", "9", 0)); // no volume: nothing fills
        assertEquals(1, fills(b).size());
        v.onBar(bar(3, "10", "11", "9", 1000)); // room 100: the 30 left
        assertEquals(List.of(Qty.of(10), Qty.of(30)), fills(b).stream().map(Fill::quantity).toList());
        assertEquals(OrderStatus.FILLED, v.order(b).orElseThrow().status());
    }

    @Test
    void anOrderPaysItsMinimumOnceOverAllItsFillsAndAJournalRebuildKeepsCounting() {
        InMemoryJournal journal = new InMemoryJournal();
        Map<String, String> settings = Map.of("commission", "per_share", "commission.per.share", "0.005", "commission.order.min", "1",
                "volume.share.max", "0.1");
        BarFillSimulator v = venue(settings, journal);
        ClientOrderId id = submit(v, OrderRequest.market(X, Side.BUY, Qty.of(400)));
        v.onBar(bar(1, "10", "11", "9", 1000)); // 100 shares: 0.50 due, 1.00 charged (the minimum)
        journal.commit();
        // rebuilt from its journal, the venue knows 0.50 was due and 1.00 paid
        events.clear();
        BarFillSimulator rebuilt = venue(settings, journal);
        rebuilt.onBar(bar(2, "10", "11", "9", 1000)); // 1.00 due in all: nothing more
        rebuilt.onBar(bar(3, "10", "11", "9", 2000)); // 200 more, 2.00 due in all: 1.00 more
        List<Fill> after = fills(id);
        assertEquals(2, after.size());
        same("0", after.get(0).fee());
        same("1.00", after.get(1).fee());
        assertEquals(OrderStatus.FILLED, rebuilt.order(id).orElseThrow().status());
        same(String.valueOf(-(400 * 10) - 2), rebuilt.account("acct").cash()); // 4,000 of stock and 2.00 of commission
    }

    @Test
    void takersSlipMakersDoNotAndNoFillIsWorseThanItsLimit() {
        BarFillSimulator v = venue(Map.of("commission", "maker_taker", "commission.maker.bps", "-1", "commission.taker.bps", "3",
                "slippage", "fixed_bps", "slippage.bps", "100"), new InMemoryJournal());
        ClientOrderId market = submit(v, OrderRequest.market(X, Side.BUY, Qty.of(100)));
        ClientOrderId marketable = submit(v, OrderRequest.limit(X, Side.BUY, Qty.of(100), Price.of("100.50"), TimeInForce.GTC));
        ClientOrderId resting = submit(v, OrderRequest.limit(X, Side.BUY, Qty.of(100), Price.of("99.00"), TimeInForce.GTC));
        v.onBar(bar(1, "100.00", "101", "98", 1000));
        Fill m = fills(market).get(0);
        assertEquals(Price.of("101.00"), m.price()); // 1 % above the open
        same("3.03", m.fee());                       // taker: 3 bps of 10,100
        assertEquals(Price.of("100.50"), fills(marketable).get(0).price()); // 101.00 after slippage, held to its limit
        Fill r = fills(resting).get(0);
        assertEquals(Price.of("99.00"), r.price());  // it rested and was reached: no slippage
        same("-0.99", r.fee());                      // maker rebate: 1 bp of 9,900
    }

    @Test
    void fillOrKillNeedsTheWholeQuantityImmediateOrCancelTakesWhatThereIs() {
        BarFillSimulator v = venue(Map.of("volume.share.max", "0.05"), new InMemoryJournal());
        ClientOrderId fok = submit(v, OrderRequest.limit(X, Side.BUY, Qty.of(100), Price.of("11"), TimeInForce.FOK));
        ClientOrderId ioc = submit(v, OrderRequest.limit(X, Side.BUY, Qty.of(100), Price.of("11"), TimeInForce.IOC));
        v.onBar(bar(1, "10", "11", "9", 1000)); // room 50
        assertTrue(fills(fok).isEmpty());
        assertEquals(OrderStatus.CANCELLED, v.order(fok).orElseThrow().status());
        assertEquals(Qty.of(50), fills(ioc).get(0).quantity());
        assertEquals(OrderStatus.CANCELLED, v.order(ioc).orElseThrow().status());
        assertEquals(Qty.of(50), v.order(ioc).orElseThrow().filledQuantity());
    }

    @Test
    void aKeyTheChosenModelDoesNotReadIsRefusedByName() {
        assertEquals("fee.bps: is read only with commission BPS, not with commission PER_SHARE",
                assertThrows(IllegalArgumentException.class, () -> venue(Map.of("commission", "per_share", "fee.bps", "1"), new InMemoryJournal()))
                        .getMessage());
        assertEquals("volume.share.max: must be at most 1 (all of a bar's volume), was 2",
                assertThrows(IllegalArgumentException.class, () -> venue(Map.of("volume.share.max", "2"), new InMemoryJournal())).getMessage());
        assertEquals("commission.tiers: the first tier must start at a monthly volume of 0, e.g. 0:0.0035,300000:0.002",
                assertThrows(IllegalArgumentException.class, () -> venue(Map.of("commission", "tiered", "commission.tiers", "100:0.1"),
                        new InMemoryJournal())).getMessage());
        BarFillSimulator described = venue(Map.of("commission", "per_share", "commission.per.share", "0.005", "commission.order.min", "1",
                "slippage", "volume_share", "volume.share.max", "0.025"), new InMemoryJournal());
        assertEquals("commission: per share 0.005, at least 1 per order; slippage: volume share, impact 0.1 x share squared; "
                + "fills: up to 2.5 % of a bar's volume", described.costs());
    }
}
