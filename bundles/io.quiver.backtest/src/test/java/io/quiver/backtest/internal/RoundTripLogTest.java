package io.quiver.backtest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.backtest.PerformanceMetrics;
import io.quiver.backtest.RoundTrip;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round trips and their statistics on a scenario computed by hand (see each step's comment). */
class RoundTripLogTest {
    private static final InstrumentId X = InstrumentId.of("X");
    private static final Instant T0 = Instant.parse("2024-01-02T00:00:00Z");
    private int executions;

    @Test
    void scaledInAndOutThroughZeroAndBackByHand() {
        RoundTripLog log = new RoundTripLog();
        log.onFill(X, fill(0, Side.BUY, 10, "100.00", "1.00"));
        bar(log, "95", "104");                          // lots 10@100: at 95 -50, at 104 +40
        log.onFill(X, fill(2, Side.BUY, 10, "102.00", "1.00"));
        bar(log, "99", "106");                          // 10@100 + 10@102: at 99 -40, at 106 +100
        log.onFill(X, fill(4, Side.SELL, 15, "105.00", "1.50")); // FIFO: 10@100 +50, 5@102 +15
        log.onFill(X, fill(5, Side.SELL, 10, "103.00", "2.00")); // 5@102 +5 ends it; 5 more open a short, fee split 1.00 / 1.00
        bar(log, "101", "104");                         // short 5@103: at 104 -5, at 101 +10
        log.onFill(X, fill(7, Side.BUY, 5, "100.00", "0.50"));   // +15
        log.onFill(X, fill(8, Side.BUY, 1, "50", "0"));
        log.onFill(X, fill(9, Side.SELL, 1, "40", "0"));         // -10
        assertFalse(log.hasPosition());

        List<RoundTrip> trips = log.trips(T0.plus(Duration.ofDays(10)));
        assertEquals(3, trips.size());
        RoundTrip first = trips.get(0);
        assertTrue(first.isLong());
        assertEquals(Money.of("65.50"), first.pnl());             // 70 realised less 1 + 1 + 1.50 + 1.00
        assertEquals(Money.of("4.50"), first.fees());
        assertEquals(0, first.quantity().compareTo(Qty.of(20)));
        assertEquals(Money.of("-50"), first.mae());
        assertEquals(Money.of("100"), first.mfe());
        assertEquals(Duration.ofDays(5), first.holding());
        RoundTrip second = trips.get(1);
        assertFalse(second.isLong());
        assertEquals(Money.of("13.50"), second.pnl());            // 15 less 1.00 + 0.50
        assertEquals(Money.of("-5"), second.mae());
        assertEquals(Money.of("10"), second.mfe());
        assertEquals(Money.of("-10"), trips.get(2).pnl());
        assertEquals(0, new BigDecimal("5215").compareTo(log.traded())); // 1000 + 1020 + 1575 + 1030 + 500 + 50 + 40

        // fees of all trips are the fees paid: 1 + 1 + 1.50 + 2 + 0.50
        assertEquals(0, new BigDecimal("6.00").compareTo(trips.stream().map(t -> t.fees().toBigDecimal()).reduce(BigDecimal.ZERO, BigDecimal::add)));

        PerformanceMetrics.Trades s = TradeStatistics.of(trips);
        assertEquals(3, s.count());
        assertEquals(2, s.winners());
        assertEquals(1, s.losers());
        assertEquals(2 / 3.0, s.winRate(), 1e-15);
        assertEquals(Money.of("79.00"), s.grossProfit());
        assertEquals(Money.of("-10"), s.grossLoss());
        assertEquals(7.9, s.profitFactor(), 1e-15);
        assertEquals(0, new BigDecimal("39.5").compareTo(s.averageWin().toBigDecimal()));
        assertEquals(0, new BigDecimal("-10").compareTo(s.averageLoss().toBigDecimal()));
        assertEquals(0, new BigDecimal("23").compareTo(s.expectancy().toBigDecimal())); // 69 / 3
    }

    @Test
    void aTradeStillOpenAtTheEndIsListedOpenAndLeftOutOfTheStatistics() {
        RoundTripLog log = new RoundTripLog();
        log.onFill(X, fill(0, Side.SELL, 3, "10", "0.10"));
        Instant end = T0.plus(Duration.ofDays(2));
        List<RoundTrip> trips = log.trips(end);
        assertEquals(1, trips.size());
        assertTrue(trips.get(0).open());
        assertEquals(end, trips.get(0).exit());
        assertEquals(0, TradeStatistics.of(trips).count());
        assertTrue(Double.isNaN(TradeStatistics.of(trips).winRate()));
    }

    private Fill fill(int day, Side side, long quantity, String price, String fee) {
        executions++;
        return new Fill(ClientOrderId.of("o" + executions), "e" + executions, "s", X, side, Qty.of(quantity), Price.of(price), Money.of(fee),
                T0.plus(Duration.ofDays(day)));
    }

    /** A bar's low and high, in cents, as the report passes them. */
    private static void bar(RoundTripLog log, String low, String high) {
        log.onBar(X, Price.of(low).unitsAt(2), Price.of(high).unitsAt(2), 2);
    }
}
