package io.quiver.venue.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Quote;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.model.Trade;
import io.quiver.sdk.model.TrailingOffset;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fill rules on quotes and trade prints (fills.from = TICKS), each worked out by hand. */
class TickFillTest {
    private static final InstrumentId X = InstrumentId.of("X");
    private static final Instant T0 = Instant.parse("2020-01-02T15:00:00Z");
    private final List<OrderEvent> events = new ArrayList<>();
    private io.quiver.oms.InMemoryJournal journal;
    private BarFillSimulator venue;
    private int ids;
    private int seconds;

    @BeforeEach
    void setUp() {
        journal = new io.quiver.oms.InMemoryJournal();
        venue = open(journal);
    }

    private BarFillSimulator open(io.quiver.oms.InMemoryJournal j) {
        BarFillSimulator v = new BarFillSimulator("sim", FillCosts.feeBps(BigDecimal.ZERO), j);
        v.addInstrument(new Instrument(X, Price.of("0.01"), Qty.of(1), "USD"));
        v.fillFrom(BarFillSimulator.FillsFrom.TICKS);
        v.open(events::add);
        return v;
    }

    private void quote(String bid, String ask) {
        venue.onQuote(new Quote(X, T0.plusSeconds(++seconds), bid == null ? null : Price.of(bid), ask == null ? null : Price.of(ask), Qty.of(500),
                Qty.of(500)));
    }

    private void trade(String price, long size) {
        venue.onTrade(new Trade(X, T0.plusSeconds(++seconds), Price.of(price), Qty.of(size)));
    }

    private ClientOrderId submit(OrderRequest r) {
        ClientOrderId id = ClientOrderId.of("o" + ++ids);
        venue.submit("acct", id, r, T0);
        return id;
    }

    private List<String> fills(ClientOrderId id) {
        return events.stream().filter(e -> e instanceof OrderEvent.Filled && e.orderId().equals(id))
                .map(e -> ((OrderEvent.Filled) e).fill().quantity() + "@" + ((OrderEvent.Filled) e).fill().price()).toList();
    }

    @Test
    void aMarketOrderMeetsTheNextQuoteOnItsSide() {
        ClientOrderId buy = submit(OrderRequest.market(X, Side.BUY, Qty.of(10)));
        ClientOrderId sell = submit(OrderRequest.market(X, Side.SELL, Qty.of(10)));
        assertEquals(List.of(), fills(buy));
        quote("10.00", "10.02");
        assertEquals(List.of("10@10.02"), fills(buy));
        assertEquals(List.of("10@10.00"), fills(sell));
    }

    @Test
    void aMarketableLimitTakesTheQuoteAndARestingOneFillsAtItsLimit() {
        ClientOrderId taking = submit(OrderRequest.limit(X, Side.BUY, Qty.of(5), Price.of("10.05"), TimeInForce.GTC));
        ClientOrderId resting = submit(OrderRequest.limit(X, Side.BUY, Qty.of(5), Price.of("9.90"), TimeInForce.GTC));
        quote("10.00", "10.02");
        assertEquals(List.of("5@10.02"), fills(taking)); // within its limit on the first quote: at the ask
        assertEquals(List.of(), fills(resting));
        quote("9.80", "9.85"); // the ask came down through 9.90 to 9.85: the resting bid is what traded
        assertEquals(List.of("5@9.90"), fills(resting));
    }

    @Test
    void stopsTriggerOnTheirSideAndAStopLimitThenWorksAsAFreshLimit() {
        ClientOrderId stopBuy = submit(OrderRequest.stop(X, Side.BUY, Qty.of(1), Price.of("10.10"), TimeInForce.GTC));
        ClientOrderId stopLimitSell = submit(OrderRequest.stopLimit(X, Side.SELL, Qty.of(1), Price.of("9.95"), Price.of("9.90"), TimeInForce.GTC));
        quote("10.05", "10.08");
        assertEquals(List.of(), fills(stopBuy));
        quote("10.09", "10.12"); // the ask reached 10.10
        assertEquals(List.of("1@10.12"), fills(stopBuy));
        quote("9.80", "9.82"); // the bid fell through 9.95 (triggered) and below the 9.90 limit: it rests
        assertTrue(events.stream().anyMatch(e -> e instanceof OrderEvent.Triggered && e.orderId().equals(stopLimitSell)));
        assertEquals(List.of(), fills(stopLimitSell));
        quote("9.93", "9.95"); // back above its limit: it had rested, so it fills at 9.90
        assertEquals(List.of("1@9.90"), fills(stopLimitSell));
    }

    @Test
    void aTrailingStopFollowsThePriceAndTriggersOnIt() {
        ClientOrderId trail = submit(OrderRequest.trailingStop(X, Side.SELL, Qty.of(1), TrailingOffset.amount(Price.of("0.50")), TimeInForce.GTC));
        trade("10.00", 1); // the stop starts at 9.50
        trade("11.00", 1); // and follows to 10.50
        trade("10.60", 1);
        assertEquals(List.of(), fills(trail));
        trade("10.40", 1);
        assertEquals(List.of("1@10.40"), fills(trail));
    }

    @Test
    void iocGetsOneQuoteAndDayOrdersExpireOnTheNextTradingDay() {
        ClientOrderId ioc = submit(OrderRequest.limit(X, Side.BUY, Qty.of(1), Price.of("9.00"), TimeInForce.IOC));
        ClientOrderId day = submit(OrderRequest.limit(X, Side.BUY, Qty.of(1), Price.of("9.00"), TimeInForce.DAY));
        quote("10.00", "10.02");
        assertTrue(events.stream().anyMatch(e -> e instanceof OrderEvent.Cancelled && e.orderId().equals(ioc)));
        seconds += 86_400;
        quote("10.00", "10.02");
        assertTrue(events.stream().anyMatch(e -> e instanceof OrderEvent.Expired && e.orderId().equals(day)));
    }

    @Test
    void aSideWithoutAPriceFillsNothing() {
        ClientOrderId buy = submit(OrderRequest.market(X, Side.BUY, Qty.of(1)));
        quote("10.00", null);
        assertEquals(List.of(), fills(buy));
        quote("10.00", "10.01");
        assertEquals(List.of("1@10.01"), fills(buy));
    }

    @Test
    void aVolumeShareBoundsEachFillByTheQuotedOrTradedSize() {
        venue = new BarFillSimulator("sim", new FillCosts(io.quiver.sdk.costs.Commissions.none(), io.quiver.sdk.model.Money.ZERO,
                io.quiver.sdk.costs.Slippages.none(), new BigDecimal("0.1")), journal);
        venue.addInstrument(new Instrument(X, Price.of("0.01"), Qty.of(1), "USD"));
        venue.fillFrom(BarFillSimulator.FillsFrom.TICKS);
        venue.open(events::add);
        ClientOrderId buy = submit(OrderRequest.market(X, Side.BUY, Qty.of(120)));
        quote("10.00", "10.02"); // 10 % of the 500 offered
        trade("10.03", 300); // 10 % of the print
        assertEquals(List.of("50@10.02", "30@10.03"), fills(buy));
    }

    @Test
    void aRestedLimitStaysRestedWhenTheVenueIsRebuiltFromItsJournal() {
        ClientOrderId resting = submit(OrderRequest.limit(X, Side.BUY, Qty.of(5), Price.of("9.90"), TimeInForce.GTC));
        quote("10.00", "10.02");
        journal.commit();
        venue = open(journal);
        quote("9.80", "9.85");
        assertEquals(List.of("5@9.90"), fills(resting), "it had rested before the restart: the market came to it");
    }

    @Test
    void withTheDefaultFillsFromBarsQuotesFillNothingAndBarsDo() {
        BarFillSimulator bars = new BarFillSimulator("sim", BigDecimal.ZERO);
        bars.addInstrument(new Instrument(X, Price.of("0.01"), Qty.of(1), "USD"));
        bars.open(events::add);
        ClientOrderId id = ClientOrderId.of("b1");
        bars.submit("acct", id, OrderRequest.market(X, Side.BUY, Qty.of(1)), T0);
        bars.onQuote(new Quote(X, T0.plusSeconds(1), Price.of("10"), Price.of("10.02"), Qty.of(1), Qty.of(1)));
        bars.onTrade(new Trade(X, T0.plusSeconds(2), Price.of("10.01"), Qty.of(1)));
        assertEquals(List.of(), fills(id));
        bars.onBar(new Bar(X, T0.plusSeconds(60), Price.of("10.05"), Price.of("10.1"), Price.of("10"), Price.of("10.02"), Qty.of(100)));
        assertEquals(List.of("1@10.05"), fills(id));
    }
}
