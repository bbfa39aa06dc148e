package io.quiver.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.oms.InMemoryJournal;
import io.quiver.oms.OrderJournal;
import io.quiver.oms.OrderManager;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.venue.sim.BarFillSimulator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A strategy that cancels a filled bracket's exits and sells at the market in one callback. A backtest
 * (journals that keep nothing) sent the cancels at once and accepted the sale; paper trading sent them
 * after the callback and refused the sale as short (the exits still counted as offered). Both modes now
 * batch the callback the same way, and an order whose cancel was asked for no longer counts as offered.
 */
class CancelThenSellTest {
    private static final Instrument X = Instrument.of("X", 2, "USD");

    /** The outcome of the sale, and the exits' and the position's after the next bar. */
    private static List<String> cancelExitsAndSell(OrderJournal journal, OrderJournal venueJournal) {
        Instant[] now = {Instant.parse("2020-01-02T00:00:00Z")};
        BarFillSimulator sim = new BarFillSimulator("sim", BigDecimal.ZERO, venueJournal);
        sim.addInstrument(X);
        OrderManager oms = new OrderManager(journal, id -> sim, () -> now[0]);
        oms.gate(io.quiver.risk.RiskChains.backtest(Map.of())); // the defaults: short sales refused
        oms.registerInstrument(X);
        oms.openAccount("s", "sim", Money.of(1_000_000));
        sim.open(e -> oms.onVenueEvent("sim", e));
        Price p = Price.of("100.00");
        bar(sim, oms, now[0], p);
        oms.submitBracket("s", ClientOrderId.of("e"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(10), p, TimeInForce.GTC),
                OrderRequest.stop(X.id(), Side.SELL, Qty.of(10), Price.of("90.00"), TimeInForce.GTC),
                OrderRequest.limit(X.id(), Side.SELL, Qty.of(10), Price.of("110.00"), TimeInForce.GTC));
        now[0] = now[0].plusSeconds(86_400);
        bar(sim, oms, now[0], p); // the entry fills; its exits go to work
        oms.inBatch(() -> { // as a strategy callback is run
            oms.cancel(ClientOrderId.of("e.sl"), "exit");
            oms.cancel(ClientOrderId.of("e.tp"), "exit");
            oms.submit("s", ClientOrderId.of("out"), OrderRequest.market(X.id(), Side.SELL, Qty.of(10)));
        });
        OrderStatus sale = oms.order(ClientOrderId.of("out")).orElseThrow().status();
        now[0] = now[0].plusSeconds(86_400);
        bar(sim, oms, now[0], p);
        return List.of("sale " + sale, "stop " + oms.order(ClientOrderId.of("e.sl")).orElseThrow().status(),
                "target " + oms.order(ClientOrderId.of("e.tp")).orElseThrow().status(), "position " + oms.position("s", X.id()).quantity());
    }

    private static void bar(BarFillSimulator sim, OrderManager oms, Instant t, Price p) {
        Bar bar = new Bar(X.id(), t, p, p, p, p, Qty.of(1000));
        sim.onBar(bar);
        oms.onBar(bar);
    }

    @Test
    void cancellingTheExitsAndSellingInOneCallbackWorksInABacktestAndInPaperTradingAlike() {
        List<String> expected = List.of("sale ACCEPTED", "stop CANCELLED", "target CANCELLED", "position 0");
        assertEquals(expected, cancelExitsAndSell(OrderJournal.none(), OrderJournal.none()), "backtest");
        assertEquals(expected, cancelExitsAndSell(new InMemoryJournal(), new InMemoryJournal()), "paper");
    }
}
