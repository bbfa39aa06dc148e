package io.quiver.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.sdk.model.AssetClass;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.model.TradingHours;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The instrument master's rules at order entry: fractional lots, a minimum quantity, and contracts with a multiplier. */
class OrderManagerInstrumentRulesTest {
    private static final InstrumentId BTC = InstrumentId.of("BTCUSD");
    private static final InstrumentId ES = InstrumentId.of("ES");
    private final ScriptedVenue venue = new ScriptedVenue(true);
    private final OrderManager oms = new OrderManager(new InMemoryJournal(), id -> venue, () -> Instant.parse("2024-03-04T14:30:00Z"));

    OrderManagerInstrumentRulesTest() {
        oms.registerInstrument(new Instrument(BTC, Price.of("0.01"), Qty.of("0.0001"), "USD", Qty.of("0.001"), AssetClass.CRYPTO, BigDecimal.ONE,
                TradingHours.ALWAYS));
        oms.registerInstrument(new Instrument(ES, Price.of("0.25"), Qty.of(1), "USD", Qty.of(1), AssetClass.FUTURE, new BigDecimal("50"),
                TradingHours.ALWAYS));
        oms.openAccount("s", "v", Money.of(1_000_000));
    }

    private void rejection(String id, InstrumentId instrument, String qty) {
        oms.submit("s", ClientOrderId.of(id), OrderRequest.limit(instrument, Side.BUY, Qty.of(qty), Price.of("100.00"), TimeInForce.GTC));
        assertEquals(OrderStatus.REJECTED, oms.order(ClientOrderId.of(id)).orElseThrow().status());
    }

    @Test
    void fractionalLotsAboveTheMinimumGoOutAndSmallerOnesAreRefusedWithTheReason() {
        oms.submit("s", ClientOrderId.of("a"), OrderRequest.limit(BTC, Side.BUY, Qty.of("0.0015"), Price.of("42000.00"), TimeInForce.GTC));
        assertEquals(OrderStatus.NEW, oms.order(ClientOrderId.of("a")).orElseThrow().status());
        assertEquals(List.of("submit a LIMIT"), venue.calls);
        rejection("b", BTC, "0.0005");
        assertEquals("INVALID_QUANTITY: quantity 0.0005 is below the minimum 0.001 of BTCUSD", lastReason("b"));
        rejection("c", BTC, "0.00015");
        assertEquals("INVALID_QUANTITY: quantity 0.00015 is not a multiple of the lot size 0.0001", lastReason("c"));
    }

    @Test
    void aContractWithAMultiplierIsRefusedRatherThanBookedWrong() {
        rejection("f", ES, "1");
        assertEquals("NOT_SUPPORTED: ES has a contract multiplier of 50; contracts with a multiplier cannot be traded yet", lastReason("f"));
        assertEquals(List.of(), venue.calls);
    }

    private String lastReason(String id) {
        List<OrderHistoryEntry> h = oms.history(ClientOrderId.of(id));
        OrderHistoryEntry last = h.get(h.size() - 1);
        return last.detail();
    }
}
