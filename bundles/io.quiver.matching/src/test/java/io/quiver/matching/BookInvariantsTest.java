package io.quiver.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Invariants checked after every command of random streams: the book is never crossed; quantity is
 * conserved per order (placed + size amends = filled + resting + cancelled, rejected orders add
 * nothing); every fee is exactly price x size x the account's rate; FIFO within a level holds because
 * the fast book's events equal those of the naive reference at every step.
 */
class BookInvariantsTest {

    /** Keeps the per-order ledger from the events. */
    private static final class Ledger implements MatchingEvents {
        final RandomCommands gen;
        final Map<Long, long[]> orders = new HashMap<>(); // id -> {placed, filled, cancelled}
        long pendingSize;
        long pendingAmendFrom = -1;
        long pendingAmendId;

        Ledger(RandomCommands gen) {
            this.gen = gen;
        }

        @Override
        public void accepted(long orderId) {
            orders.put(orderId, new long[] {pendingSize, 0, 0});
        }

        @Override
        public void rejected(long orderId, RejectReason reason) {
            pendingAmendFrom = -1;
        }

        @Override
        public void trade(long takerOrderId, long takerAccount, long makerOrderId, long makerAccount, Side takerSide, long price,
                long size, long takerFee, long makerFee, long takerLeft, long makerLeft) {
            assertEquals(price * size * gen.takerRate(takerAccount), takerFee);
            assertEquals(price * size * gen.makerRate(makerAccount), makerFee);
            orders.get(takerOrderId)[1] += size;
            orders.get(makerOrderId)[1] += size;
        }

        @Override
        public void cancelled(long orderId, long size, CancelReason reason) {
            orders.get(orderId)[2] += size;
        }

        @Override
        public void amended(long orderId, long price, long size) {
            if (pendingAmendFrom >= 0 && orderId == pendingAmendId) {
                orders.get(orderId)[0] += size - pendingAmendFrom;
                pendingAmendFrom = -1;
            }
        }

        @Override
        public void triggered(long orderId) {
        }
    }

    /** Passes each command to the fast book and the naive one, noting what the ledger needs first. */
    private static final class Both implements OrderBook {
        final OrderBook fast;
        final OrderBook naive;
        final Ledger ledger;

        Both(OrderBook fast, OrderBook naive, Ledger ledger) {
            this.fast = fast;
            this.naive = naive;
            this.ledger = ledger;
        }

        @Override
        public void place(long id, long account, Side side, OrderKind kind, TimeInForce tif, boolean postOnly, long price, long stop,
                long size) {
            ledger.pendingSize = size;
            fast.place(id, account, side, kind, tif, postOnly, price, stop, size);
            naive.place(id, account, side, kind, tif, postOnly, price, stop, size);
        }

        @Override
        public void cancel(long id) {
            fast.cancel(id);
            naive.cancel(id);
        }

        @Override
        public void amendPrice(long id, long price) {
            fast.amendPrice(id, price);
            naive.amendPrice(id, price);
        }

        @Override
        public void amendSize(long id, long size) {
            ledger.pendingAmendId = id;
            ledger.pendingAmendFrom = fast.remaining(id);
            fast.amendSize(id, size);
            naive.amendSize(id, size);
        }

        @Override
        public void expireDay() {
            fast.expireDay();
            naive.expireDay();
        }

        @Override
        public long bestBid() {
            return fast.bestBid();
        }

        @Override
        public long bestAsk() {
            return fast.bestAsk();
        }

        @Override
        public long lastTradePrice() {
            return fast.lastTradePrice();
        }

        @Override
        public int orderCount() {
            return fast.orderCount();
        }

        @Override
        public long remaining(long orderId) {
            return fast.remaining(orderId);
        }

        @Override
        public void orders(OrderVisitor visitor) {
            fast.orders(visitor);
        }

        @Override
        public void restoreMarket(long lastTradePrice, long depthSequence) {
            fast.restoreMarket(lastTradePrice, depthSequence);
            naive.restoreMarket(lastTradePrice, depthSequence);
        }

        @Override
        public void levels(Side side, int maxLevels, LevelVisitor visitor) {
            fast.levels(side, maxLevels, visitor);
        }

        @Override
        public void depthListener(DepthListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long depthSequence() {
            return fast.depthSequence();
        }
    }

    @Property(tries = 40)
    void invariantsHoldAfterEveryCommand(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed) {
        RandomCommands gen = new RandomCommands(seed);
        Ledger ledger = new Ledger(gen);
        RecordingEvents naiveEvents = new RecordingEvents();
        RecordingEvents fastEvents = new RecordingEvents();
        OrderBook fast = OrderBooks.create(gen.rules(), new Tee(ledger, fastEvents));
        OrderBook naive = new NaiveOrderBook(gen.rules(), naiveEvents);
        Both both = new Both(fast, naive, ledger);
        for (int i = 0; i < 2_000; i++) {
            String command = gen.next(both);
            assertEquals(naiveEvents.take(), fastEvents.take(), "seed " + seed + " command " + i + ": " + command);
            long bid = fast.bestBid();
            long ask = fast.bestAsk();
            assertTrue(bid == 0 || ask == 0 || bid < ask, "crossed after " + command + ": " + bid + " / " + ask);
            if (i % 100 == 99) {
                checkConservation(ledger, fast);
            }
        }
        checkConservation(ledger, fast);
    }

    private static void checkConservation(Ledger ledger, OrderBook book) {
        for (Map.Entry<Long, long[]> e : ledger.orders.entrySet()) {
            long[] o = e.getValue();
            assertEquals(o[0], o[1] + o[2] + book.remaining(e.getKey()), "order " + e.getKey() + " placed/filled/cancelled/resting");
        }
    }

    /** Sends each event to two listeners. */
    private record Tee(MatchingEvents a, MatchingEvents b) implements MatchingEvents {
        @Override
        public void accepted(long orderId) {
            a.accepted(orderId);
            b.accepted(orderId);
        }

        @Override
        public void rejected(long orderId, RejectReason reason) {
            a.rejected(orderId, reason);
            b.rejected(orderId, reason);
        }

        @Override
        public void trade(long t, long ta, long m, long ma, Side s, long p, long q, long tf, long mf, long tl, long ml) {
            a.trade(t, ta, m, ma, s, p, q, tf, mf, tl, ml);
            b.trade(t, ta, m, ma, s, p, q, tf, mf, tl, ml);
        }

        @Override
        public void cancelled(long orderId, long size, CancelReason reason) {
            a.cancelled(orderId, size, reason);
            b.cancelled(orderId, size, reason);
        }

        @Override
        public void amended(long orderId, long price, long size) {
            a.amended(orderId, price, size);
            b.amended(orderId, price, size);
        }

        @Override
        public void triggered(long orderId) {
            a.triggered(orderId);
            b.triggered(orderId);
        }
    }
}
