package io.quiver.risk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.risk.RiskLimits;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskRefusal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every built-in check at its boundary: at the limit an order passes, one unit over it is refused. */
class RiskChecksTest {
    static final InstrumentId SYN1 = InstrumentId.of("SYN1");
    static final Instant T0 = Instant.parse("2026-11-20T14:30:00Z");
    private final FakeBooks books = new FakeBooks();
    private Instant now = T0;
    private int ids;

    RiskChecksTest() {
        books.reference.put(SYN1, Price.of("100.00"));
        books.instruments.put(SYN1, new Instrument(SYN1, Price.of("0.01"), Qty.of(1), "USD"));
    }

    private RiskChain chain(String... config) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < config.length; i += 2) {
            map.put(config[i], config[i + 1]);
        }
        RiskLimits limits = RiskLimits.parse(map, true).over(RiskLimits.DEFAULTS);
        java.math.BigDecimal[] rate = RiskLimits.globalRate(map);
        return new RiskChain(limits, Map.of(), ZoneOffset.UTC, rate == null ? null : rate[0], rate == null || rate[1] == null ? null
                : rate[1].intValueExact(), List::of, AuditTrail.NONE);
    }

    private PreTradeOrder order(Side side, String qty, String limit) {
        OrderRequest r = limit == null ? OrderRequest.market(SYN1, side, Qty.of(qty))
                : OrderRequest.limit(SYN1, side, Qty.of(qty), Price.of(limit), TimeInForce.GTC);
        return new PreTradeOrder("s", "sim", ClientOrderId.of("o" + ++ids), r, now);
    }

    private String code(RiskChain chain, PreTradeOrder order) {
        RiskRefusal r = chain.check(order, books);
        return r == null ? null : r.code();
    }

    @Test
    void orderQuantityAndNotional() {
        RiskChain c = chain("order.quantity.max", "100", "order.notional.max", "5000");
        assertNull(code(c, order(Side.BUY, "50", "100.00")), "50 x 100.00 = 5000 is at the notional limit");
        assertEquals("MAX_ORDER_NOTIONAL", code(c, order(Side.BUY, "50", "100.01")));
        RiskChain q = chain("order.quantity.max", "100");
        assertNull(code(q, order(Side.BUY, "100", "1.00")));
        RiskRefusal r = q.check(order(Side.BUY, "101", "1.00"), books);
        assertEquals("MAX_ORDER_QUANTITY: order quantity 101 exceeds the limit 100 for SYN1", r.toString());
    }

    @Test
    void positionCountsOpenOrdersOnTheSameSide() {
        RiskChain c = chain("position.max", "1000", "buying.power", "false", "short.allowed", "true");
        books.positions.put(SYN1, Qty.of(900));
        assertNull(code(c, order(Side.BUY, "100", "100.00")));
        assertEquals("MAX_POSITION: position 900 + order 200 would exceed the limit 1000 for SYN1",
                c.check(order(Side.BUY, "200", "100.00"), books).toString());
        books.openBuys.put(SYN1, Qty.of(50));
        assertEquals("MAX_POSITION: position 900 + open buys 50 + order 51 would exceed the limit 1000 for SYN1",
                c.check(order(Side.BUY, "51", "100.00"), books).toString());
        assertNull(code(c, order(Side.BUY, "50", "100.00")));
        assertNull(code(c, order(Side.SELL, "1900", "100.00")), "selling to a short of 1000 is at the limit");
        assertEquals("MAX_POSITION", code(c, order(Side.SELL, "1901", "100.00")));
    }

    @Test
    void grossAndNetExposure() {
        RiskChain c = chain("exposure.gross.max", "20000", "exposure.net.max", "15000", "buying.power", "false", "short.allowed", "true");
        books.positions.put(SYN1, Qty.of(100)); // 10000 long at 100.00
        books.openSells.put(SYN1, Qty.of(20)); // 2000 gross
        assertNull(code(c, order(Side.BUY, "50", "100.00")), "net 15000 and gross 17000 are within the limits");
        assertEquals("MAX_NET_EXPOSURE", code(c, order(Side.BUY, "51", "100.00")));
        assertNull(code(c, order(Side.SELL, "80", "100.00")), "gross 12000 + 8000 = 20000 is at the limit");
        assertEquals("MAX_GROSS_EXPOSURE", code(c, order(Side.SELL, "81", "100.00")));
    }

    @Test
    void openOrdersAndOrdersPerDay() {
        RiskChain c = chain("orders.open.max", "3");
        books.open = 2;
        assertNull(code(c, order(Side.BUY, "1", "100.00")));
        books.open = 3;
        assertEquals("MAX_OPEN_ORDERS", code(c, order(Side.BUY, "1", "100.00")));
        RiskChain d = chain("orders.day.max", "3");
        books.enteredToday = 1; // entered before a restart
        assertNull(code(d, order(Side.BUY, "1", "100.00")));
        assertNull(code(d, order(Side.BUY, "1", "100.00")));
        assertEquals("MAX_ORDERS_PER_DAY: 3 orders were entered on 2026-11-20; one more would exceed the limit 3",
                d.check(order(Side.BUY, "1", "100.00"), books).toString());
        now = Instant.parse("2026-11-21T00:00:00Z");
        books.enteredToday = 0;
        assertNull(code(d, order(Side.BUY, "1", "100.00")), "a new day counts again");
    }

    @Test
    void aRefusedOrderIsNotCountedByTheCountingChecks() {
        RiskChain c = chain("orders.day.max", "1", "order.quantity.max", "10");
        assertEquals("MAX_ORDER_QUANTITY", code(c, order(Side.BUY, "11", "100.00")));
        assertNull(code(c, order(Side.BUY, "1", "100.00")), "the refused order used none of the day's one order");
    }

    @Test
    void orderRatePerInstanceAndGlobalOnTheRunsClock() {
        RiskChain c = chain("orders.rate.max", "2", "orders.rate.burst", "2");
        assertNull(code(c, order(Side.BUY, "1", "100.00")));
        assertNull(code(c, order(Side.BUY, "1", "100.00")));
        assertEquals("ORDER_RATE", code(c, order(Side.BUY, "1", "100.00")));
        now = now.plusMillis(499);
        assertEquals("ORDER_RATE", code(c, order(Side.BUY, "1", "100.00")));
        now = now.plusMillis(1);
        assertNull(code(c, order(Side.BUY, "1", "100.00")), "one token back after 500 ms at 2 a second");
        RiskChain g = chain("orders.rate.global.max", "1");
        assertNull(code(g, order(Side.BUY, "1", "100.00")));
        assertEquals("ORDER_RATE", code(g, order(Side.BUY, "1", "100.00")));
    }

    @Test
    void priceCollarInPercentAndTicksAndNoReferenceRefuses() {
        RiskChain c = chain("collar.percent", "5");
        books.positions.put(SYN1, Qty.of(1));
        assertNull(code(c, order(Side.BUY, "1", "95.00")));
        assertEquals("PRICE_COLLAR", code(c, order(Side.BUY, "1", "94.99")));
        assertNull(code(c, order(Side.SELL, "1", "105.00")));
        assertEquals("PRICE_COLLAR", code(c, order(Side.SELL, "1", "105.01")));
        RiskChain t = chain("collar.ticks", "10");
        assertNull(code(t, order(Side.BUY, "1", "100.10")));
        assertEquals("PRICE_COLLAR", code(t, order(Side.BUY, "1", "100.11")));
        books.reference.clear();
        assertEquals("NO_REFERENCE_PRICE", code(c, order(Side.BUY, "1", "100.00")));
    }

    @Test
    void duplicatesWithinTheWindowOnly() {
        RiskChain c = chain("duplicate.window", "PT1S");
        assertNull(code(c, order(Side.BUY, "10", "100.00")));
        now = now.plusMillis(1000);
        assertEquals("DUPLICATE_ORDER", code(c, order(Side.BUY, "10", "100.00")), "at the window's end it is still a duplicate");
        assertNull(code(c, order(Side.BUY, "11", "100.00")), "another quantity is another order");
        now = now.plusMillis(1);
        assertNull(code(c, order(Side.BUY, "10", "100.00")), "past the window it is a new order");
    }

    @Test
    void buyingPowerAndShortSales() {
        RiskChain c = chain();
        books.free = Money.of("1000.00");
        books.required = Money.of("1000.00");
        assertNull(code(c, order(Side.BUY, "10", "100.00")));
        books.required = Money.of("1000.01");
        assertEquals("INSUFFICIENT_FUNDS: the order needs 1000.01 and the free cash is 1000.00 for SYN1",
                c.check(order(Side.BUY, "10", "100.00"), books).toString());
        books.required = Money.ZERO;
        books.positions.put(SYN1, Qty.of(10));
        books.openSells.put(SYN1, Qty.of(4));
        assertNull(code(c, order(Side.SELL, "6", "100.00")));
        assertEquals("SHORT_NOT_ALLOWED: selling 7 SYN1 with a position of 10 (4 already offered) would go short, and short sales are not "
                + "allowed (short.allowed)", c.check(order(Side.SELL, "7", "100.00"), books).toString());
        assertNull(code(chain("short.allowed", "true"), order(Side.SELL, "7", "100.00")));
        books.required = null;
        assertEquals("NO_REFERENCE_PRICE", code(c, order(Side.BUY, "1", null)));
    }

    @Test
    void instrumentLists() {
        assertEquals("INSTRUMENT_BLOCKED", code(chain("instruments.blocked", "SYN1, SYN2"), order(Side.BUY, "1", "100.00")));
        assertEquals("INSTRUMENT_NOT_ALLOWED", code(chain("instruments.allowed", "SYN2"), order(Side.BUY, "1", "100.00")));
        assertNull(code(chain("instruments.allowed", "SYN2,SYN1"), order(Side.BUY, "1", "100.00")));
    }

    @Test
    void theKillSwitchRefusesEverythingButExemptOrders() {
        RiskChain c = chain();
        c.kill(new io.quiver.risk.KillSwitchState(true, T0, "ops", "runaway strategy"));
        assertEquals("KILLED: trading was stopped by ops at 2026-11-20T14:30:00Z (runaway strategy); an administrator lifts it with risk:reset",
                c.check(order(Side.BUY, "1", "100.00"), books).toString());
        PreTradeOrder flatten = order(Side.SELL, "1", null);
        c.exempt(flatten.id());
        assertNull(c.check(flatten, books));
        assertEquals("KILLED", code(c, flatten), "an exemption is for one order, once");
    }

    @Test
    void badValuesNameTheirKeyAndMisspeltKeysAreRefused() {
        assertEquals("position.max: 'abc' is not a number above zero",
                assertThrows(IllegalArgumentException.class, () -> chain("position.max", "abc")).getMessage());
        assertEquals("orders.open.max: '-3' is not a whole number of at least 1",
                assertThrows(IllegalArgumentException.class, () -> chain("orders.open.max", "-3")).getMessage());
        assertEquals("duplicate.window: '1s' is not an ISO-8601 duration such as PT1S",
                assertThrows(IllegalArgumentException.class, () -> chain("duplicate.window", "1s")).getMessage());
        String misspelt = assertThrows(IllegalArgumentException.class, () -> chain("postion.max", "10")).getMessage();
        assertEquals("postion.max: not a risk setting; the settings are ", misspelt.substring(0, misspelt.indexOf("are ") + 4));
        assertEquals(RiskLimits.DEFAULTS.over(RiskLimits.DEFAULTS), RiskLimits.parse(Map.of("osgi.ds.satisfying.condition.target", "(x=y)",
                "component.name", "c", "service.pid", "p", "felix.fileinstall.filename", "f"), true).over(RiskLimits.DEFAULTS),
                "what the framework adds to a configuration is not a misspelt setting");
        assertEquals("trading.zone: 'Mars/Olympus' is not a time zone such as UTC or America/New_York",
                assertThrows(IllegalArgumentException.class, () -> chain("trading.zone", "Mars/Olympus")).getMessage());
    }

    @Test
    void aCheckThatThrowsRefusesTheOrder() {
        io.quiver.sdk.spi.RiskCheck broken = new io.quiver.sdk.spi.RiskCheck() {
            @Override
            public String name() {
                return "vendor";
            }

            @Override
            public RiskRefusal check(PreTradeOrder order, io.quiver.sdk.spi.RiskContext context) {
                throw new IllegalStateException("bug");
            }
        };
        RiskChain c = new RiskChain(RiskLimits.DEFAULTS, Map.of(), ZoneOffset.UTC, null, null, () -> List.of(broken), AuditTrail.NONE);
        assertEquals("RISK_CHECK_FAILED", code(c, order(Side.BUY, "1", "100.00")));
    }
}
