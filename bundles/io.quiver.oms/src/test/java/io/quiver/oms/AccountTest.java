package io.quiver.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Position;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AccountTest {
    private static final InstrumentId X = InstrumentId.of("X");

    private static Fill fill(Side side, String qty, String price, String fee) {
        return new Fill(ClientOrderId.of("o"), "e", "s", X, side, Qty.of(qty), Price.of(price), Money.of(fee), Instant.EPOCH);
    }

    @Test
    void fifoRealisedPnlAndCashByHand() {
        Account a = new Account(Money.of(1000));
        a.apply(fill(Side.BUY, "10", "10.10", "0.01"));   // cash 1000 - 101.00 - 0.01 = 898.99
        a.apply(fill(Side.BUY, "10", "10.30", "0"));      // cash 898.99 - 103.00 = 795.99
        a.apply(fill(Side.SELL, "15", "10.50", "0.02"));  // cash 795.99 + 157.50 - 0.02 = 953.47
        // FIFO: 10 @ 10.10 realise 0.40*10 = 4.00; 5 @ 10.30 realise 0.20*5 = 1.00
        assertEquals(Money.of("953.47"), a.cash());
        Position p = a.position(X);
        assertEquals(Qty.of(5), p.quantity());
        assertEquals(Money.of("5.00"), p.realisedPnl());
        assertEquals(Money.of("51.50"), p.costBasis());     // 5 @ 10.30 left
        a.mark(X, Price.of("11"));
        assertEquals(Money.of("3.50"), a.position(X).unrealisedPnl()); // 5 * (11 - 10.30)
        assertEquals(Money.of("1008.47"), a.equity());      // 953.47 + 5 * 11
        assertEquals(Money.of("0.03"), a.fees());
    }

    @Test
    void goingShortThroughZero() {
        Account a = new Account(Money.of(1000));
        a.apply(fill(Side.BUY, "2", "5", "0"));
        a.apply(fill(Side.SELL, "5", "6", "0"));  // closes 2 (+2), opens short 3 @ 6
        a.apply(fill(Side.BUY, "3", "4", "0"));   // covers 3 @ 4: +6
        assertEquals(Money.of("8"), a.realisedPnl());
        assertEquals(Money.of("1008"), a.cash());
        assertEquals(Qty.ZERO, a.quantity(X));
    }

    /** Equity equals the naive cash + position * mark, and realised + unrealised - fees = equity - start. */
    @Property
    void conservesMoney(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = -50, max = 50) Integer> qtys,
            @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 1, max = 100_000) Integer> priceUnits) {
        Account a = new Account(Money.of(1_000_000));
        BigDecimal cash = BigDecimal.valueOf(1_000_000);
        BigDecimal position = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        Price last = null;
        for (int i = 0; i < qtys.size(); i++) {
            int q = qtys.get(i);
            if (q == 0) {
                continue;
            }
            Price p = Price.ofUnits(priceUnits.get(i), 2);
            String fee = "0.0" + (i % 10);
            a.apply(fill(q > 0 ? Side.BUY : Side.SELL, Integer.toString(Math.abs(q)), p.toString(), fee));
            cash = cash.subtract(p.toBigDecimal().multiply(BigDecimal.valueOf(q))).subtract(new BigDecimal(fee));
            position = position.add(BigDecimal.valueOf(q));
            fees = fees.add(new BigDecimal(fee));
            last = p;
        }
        if (last == null) {
            return;
        }
        a.mark(X, last);
        BigDecimal equity = cash.add(position.multiply(last.toBigDecimal()));
        assertEquals(Money.of(cash), a.cash());
        assertEquals(Money.of(equity), a.equity());
        Position pos = a.position(X);
        Money pnl = pos.realisedPnl().plus(pos.unrealisedPnl()).minus(Money.of(fees));
        assertEquals(Money.of(equity.subtract(BigDecimal.valueOf(1_000_000))), pnl);
    }
}
