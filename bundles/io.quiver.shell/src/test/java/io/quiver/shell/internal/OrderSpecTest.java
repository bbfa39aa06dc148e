package io.quiver.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.model.TrailingOffset;
import org.junit.jupiter.api.Test;

class OrderSpecTest {
    private static final InstrumentId SYN = InstrumentId.of("SYN1");

    @Test
    void theTypeFollowsFromThePricesGiven() {
        assertEquals(OrderRequest.market(SYN, Side.BUY, Qty.of(10)), OrderSpec.parse("buy 10 SYN1"));
        assertEquals(OrderRequest.market(SYN, Side.BUY, Qty.of(10)), OrderSpec.parse("BUY 10 SYN1 market gtc"));
        assertEquals(OrderRequest.limit(SYN, Side.SELL, Qty.of("2.5"), Price.of("101.25"), TimeInForce.DAY),
                OrderSpec.parse("SELL 2.5 SYN1 limit 101.25 DAY"));
        assertEquals(OrderRequest.stop(SYN, Side.SELL, Qty.of(10), Price.of("95"), TimeInForce.GTC), OrderSpec.parse("SELL 10 SYN1 stop 95"));
        assertEquals(OrderRequest.stopLimit(SYN, Side.BUY, Qty.of(10), Price.of("105"), Price.of("105.5"), TimeInForce.IOC),
                OrderSpec.parse("BUY 10 SYN1 limit 105.5 stop 105 IOC"));
        assertEquals(OrderRequest.trailingStop(SYN, Side.SELL, Qty.of(10), TrailingOffset.percent("2"), TimeInForce.FOK),
                OrderSpec.parse("SELL 10 SYN1 trail 2% FOK"));
        assertEquals(OrderSpec.parse("SELL 10 SYN1 trail 2.5%"), OrderSpec.parse("SELL 10 SYN1 trail 2.5pct"));
        assertEquals(new OrderRequest(SYN, Side.SELL, io.quiver.sdk.model.OrderType.TRAILING_STOP, Qty.of(10), null, Price.of("97"),
                TrailingOffset.amount(Price.of("1.5")), TimeInForce.GTC), OrderSpec.parse("SELL 10 SYN1 trail 1.5 stop 97"));
    }

    @Test
    void mistakesAreNamed() {
        assertEquals("an order starts with BUY or SELL, got 'purchase'", message("purchase 10 SYN1"));
        assertEquals("quantity 'ten' is not a plain decimal number like 100 or 99.5", message("BUY ten SYN1"));
        assertEquals("limit price '1o1' is not a plain decimal number like 100 or 99.5", message("BUY 10 SYN1 limit 1o1"));
        assertEquals("'limit' needs a value after it", message("BUY 10 SYN1 limit"));
        assertEquals("'at' is not part of an order: " + OrderSpec.GRAMMAR, message("BUY 10 SYN1 at 100"));
        assertEquals("a market order takes no limit, stop or trail", message("BUY 10 SYN1 market limit 100"));
        assertEquals("a trailing stop takes no limit price", message("SELL 10 SYN1 trail 1 limit 100"));
        assertEquals("an order is " + OrderSpec.GRAMMAR + ", got 'BUY 10'", message("BUY 10"));
    }

    /** Each of these was accepted (or journaled as an order that could never be cancelled) before. */
    @Test
    void negativeRepeatedAndScientificNumbersAreRefusedBeforeAnythingIsEntered() {
        assertEquals("quantity must be above zero, was -5", message("BUY -5 SYN1 limit 99"));
        assertEquals("quantity must be above zero, was 0", message("BUY 0 SYN1"));
        assertEquals("quantity '1e3' is not a plain decimal number like 100 or 99.5", message("BUY 1e3 SYN1"));
        assertEquals("an order takes one limit, got a second 'limit'", message("BUY 10 SYN1 limit 99 limit 98"));
        assertEquals("an order takes one time in force, got a second 'GTC'", message("BUY 10 SYN1 limit 99 DAY GTC"));
        assertEquals("limit price must be above zero, was -1", message("BUY 10 SYN1 limit -1"));
        assertEquals("trailing offset '150pct': trailing percent must be above 0 and below 100, was 150", message("SELL 10 SYN1 trail 150pct"));
        assertEquals("trailing offset '-2': trailing amount must be positive, was -2", message("SELL 10 SYN1 trail -2"));
    }

    private static String message(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> OrderSpec.parse(spec)).getMessage();
    }
}
