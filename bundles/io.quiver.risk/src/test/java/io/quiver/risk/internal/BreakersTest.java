package io.quiver.risk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.oms.InMemoryJournal;
import io.quiver.risk.RiskLimits;
import io.quiver.risk.RiskService;
import io.quiver.risk.TradingState;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskRefusal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each breaker at its boundary, what a trip lets through, and that a trip is kept across a restart. */
class BreakersTest {
    static final InstrumentId SYN1 = InstrumentId.of("SYN1");
    private final FakeBooks books = new FakeBooks();
    private Instant now = Instant.parse("2026-11-20T14:30:00Z");
    private int ids;

    @TempDir
    Path dir;

    private RiskChain chain(String... config) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < config.length; i += 2) {
            map.put(config[i], config[i + 1]);
        }
        return new RiskChain(RiskLimits.parse(map, true).over(RiskLimits.DEFAULTS), Map.of(), ZoneOffset.UTC, null, null, List::of,
                AuditTrail.NONE);
    }

    private PreTradeOrder order(Side side, String qty) {
        return new PreTradeOrder("s", "sim", ClientOrderId.of("o" + ++ids), OrderRequest.limit(SYN1, side, Qty.of(qty), Price.of("100.00"),
                TimeInForce.GTC), now);
    }

    private String code(RiskChain c, PreTradeOrder o) {
        RiskRefusal r = c.check(o, books);
        return r == null ? null : r.code();
    }

    @Test
    void dailyLossTripsOneUnitOverTheLimitAndANewDayStartsAgainOnlyAfterAReset() {
        RiskChain c = chain("breaker.daily.loss.max", "1000");
        books.equity = Money.of("100000");
        assertNull(code(c, order(Side.BUY, "1")));
        books.equity = Money.of("99000");
        assertNull(code(c, order(Side.BUY, "1")), "a loss of 1000 is at the limit");
        books.equity = Money.of("98999.99");
        RiskRefusal r = c.check(order(Side.BUY, "1"), books);
        assertEquals("BREAKER_HALTED", r.code());
        assertTrue(r.message().contains("the loss since the start of 2026-11-20 is 1000.01 (equity 100000 -> 98999.99), more than the limit 1000"),
                r.message());
        now = now.plusSeconds(86_400);
        assertEquals("BREAKER_HALTED", code(c, order(Side.BUY, "1")), "a trip holds until it is reset");
    }

    @Test
    void drawdownFromThePeak() {
        RiskChain c = chain("breaker.drawdown.max.percent", "10");
        books.equity = Money.of("100000");
        assertNull(code(c, order(Side.BUY, "1")));
        books.equity = Money.of("90000");
        assertNull(code(c, order(Side.BUY, "1")), "10 % below the peak is at the limit");
        books.equity = Money.of("89999");
        assertEquals("BREAKER_HALTED", code(c, order(Side.BUY, "1")));
    }

    @Test
    void rejectRateOverTheWindow() {
        RiskChain c = chain("breaker.reject.rate.max.percent", "50", "breaker.reject.window", "4", "order.quantity.max", "10");
        assertNull(code(c, order(Side.BUY, "1")));
        assertEquals("MAX_ORDER_QUANTITY", code(c, order(Side.BUY, "11")));
        assertEquals("MAX_ORDER_QUANTITY", code(c, order(Side.BUY, "11")));
        assertNull(code(c, order(Side.BUY, "1")), "2 of the last 4 refused is 50 %, at the limit");
        assertEquals("MAX_ORDER_QUANTITY", code(c, order(Side.BUY, "11")), "3 of 4: this one trips it");
        assertEquals("BREAKER_HALTED", code(c, order(Side.BUY, "1")));
    }

    @Test
    void errorRateOverTheVenuesAnswers() {
        RiskChain c = chain("breaker.error.rate.max.percent", "50", "breaker.error.window", "4");
        c.venueAnswered("s", true, now);
        c.venueAnswered("s", false, now);
        c.venueAnswered("s", false, now);
        c.venueAnswered("s", true, now);
        assertNull(code(c, order(Side.BUY, "1")), "2 of the last 4 rejected by the venue is 50 %, at the limit");
        c.venueAnswered("s", true, now);
        assertNull(code(c, order(Side.BUY, "1")), "the oldest answer, a rejection, left the window: still 2 of 4");
        c.venueAnswered("s", true, now);
        RiskRefusal r = c.check(order(Side.BUY, "1"), books);
        assertEquals("BREAKER_HALTED", r.code());
        assertTrue(r.message().contains("3 of the last 4 orders the venue answered were rejected there (75.00 %, the limit is 50 %)"), r.message());
    }

    @Test
    void reducingLetsOnlyOrdersThatReduceAPosition() {
        RiskChain c = chain("breaker.daily.loss.max", "1", "breaker.action", "REDUCING", "short.allowed", "true");
        books.positions.put(SYN1, Qty.of(10));
        books.equity = Money.of("1000");
        assertNull(code(c, order(Side.BUY, "1")));
        books.equity = Money.of("998");
        assertEquals("REDUCE_ONLY", code(c, order(Side.BUY, "1")));
        assertNull(code(c, order(Side.SELL, "10")), "selling the whole long reduces it");
        assertEquals("REDUCE_ONLY", code(c, order(Side.SELL, "11")), "selling more would open a short");
        books.openSells.put(SYN1, Qty.of(6));
        assertEquals("REDUCE_ONLY", code(c, order(Side.SELL, "5")), "6 are offered already: 5 more would go short");
    }

    @Test
    void aTripIsJournaledHoldsAcrossARestartAndIsLiftedByAReset() {
        InMemoryJournal journal = new InMemoryJournal();
        Map<String, Object> config = Map.of("breaker.daily.loss.max", "500");
        RiskService first = new RiskComponent(name -> journal, config, dir.resolve("audit.json"));
        books.equity = Money.of("10000");
        first.evaluate(books, List.of("s"));
        books.equity = Money.of("9499");
        first.evaluate(books, List.of("s"));
        assertEquals(TradingState.HALTED, first.status().instances().get("s"));

        RiskService second = new RiskComponent(name -> journal, config, dir.resolve("audit.json"));
        assertEquals(TradingState.HALTED, second.status().instances().get("s"), "still tripped after a restart");
        assertTrue(second.status().breakers().get("s").startsWith("the loss since the start of"), second.status().breakers().toString());
        assertEquals("BREAKER_HALTED", second.gate().check(order(Side.BUY, "1"), books).code());
        assertTrue(second.resetBreaker("s", "ops"));

        RiskService third = new RiskComponent(name -> journal, config, dir.resolve("audit.json"));
        assertNull(third.status().instances().get("s"));
        books.equity = Money.of("9499");
        assertNull(third.gate().check(order(Side.BUY, "1"), books), "after a reset the day's loss counts from the equity then");
        books.equity = Money.of("8998");
        assertEquals("BREAKER_HALTED", third.gate().check(order(Side.BUY, "1"), books).code(), "and trips again past the limit");
    }
}
