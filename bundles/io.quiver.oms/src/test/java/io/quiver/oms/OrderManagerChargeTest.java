package io.quiver.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.sdk.model.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A charge or a transfer outside any fill is journaled like one: it survives a restart and a compaction, exactly. */
class OrderManagerChargeTest {
    private static final Instant T0 = Instant.parse("2024-03-04T21:00:00Z");

    private static OrderManager on(InMemoryJournal journal) {
        return new OrderManager(journal, id -> null, () -> T0);
    }

    @Test
    void aChargeLowersCashCountsAmongTheFeesAndIsKept() {
        InMemoryJournal journal = new InMemoryJournal();
        OrderManager oms = on(journal);
        oms.openAccount("s", "sim", Money.of(1000));
        oms.charge("s", Money.of("1.25"), "borrow cost of 2024-03-04");
        oms.charge("s", Money.of("0.000137"), "interest of 2024-03-04");
        assertEquals(Money.of("998.749863"), oms.cash("s"));
        assertEquals(Money.of("1.250137"), oms.account("s").fees());
        OrderManager restarted = on(journal);
        assertEquals(Money.of("998.749863"), restarted.cash("s"));
        restarted.compact(T0);
        OrderManager compacted = on(journal);
        assertEquals(Money.of("998.749863"), compacted.cash("s"));
        assertEquals(Money.of("1.250137"), compacted.account("s").fees());
        assertEquals("no account x", assertThrows(IllegalArgumentException.class, () -> compacted.charge("x", Money.of(1), "?")).getMessage());
    }

    @Test
    void aTransferMovesCashButNoFeeAndIsKept() {
        InMemoryJournal journal = new InMemoryJournal();
        OrderManager oms = on(journal);
        oms.openAccount("a", "sim", Money.of(1000));
        oms.transfer("a", Money.of("250.50"), "rebalance");
        oms.transfer("a", Money.of("-0.25"), "rebalance");
        assertEquals(Money.of("1250.25"), oms.cash("a"));
        assertEquals(Money.ZERO, oms.account("a").fees());
        assertEquals(Money.of("250.25"), oms.account("a").transferred());
        assertEquals(Money.of("1250.25"), oms.equity("a"));
        OrderManager restarted = on(journal);
        assertEquals(Money.of("250.25"), restarted.account("a").transferred());
        restarted.compact(T0);
        OrderManager compacted = on(journal);
        assertEquals(Money.of("1250.25"), compacted.cash("a"));
        assertEquals(Money.of("250.25"), compacted.account("a").transferred());
        assertEquals(Money.ZERO, compacted.account("a").fees());
        assertEquals("no account x", assertThrows(IllegalArgumentException.class, () -> compacted.transfer("x", Money.of(1), "?")).getMessage());
    }
}
