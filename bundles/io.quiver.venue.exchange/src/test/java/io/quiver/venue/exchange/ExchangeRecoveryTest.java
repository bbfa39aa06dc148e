package io.quiver.venue.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.matching.SelfTradePrevention;
import io.quiver.oms.InMemoryJournal;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.spi.VenueStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exchange after a crash: a venue rebuilt from what its journal had committed stands exactly where the
 * venue that wrote it stood. Both then get the same inputs and must answer them identically: the same
 * events (fills, execution ids and fees included), the same books order by order in queue order, the same
 * ledger. Streams are seeded and mix bars, limits, stops, stop-limits, market orders, DAY orders,
 * modifications and cancels from two accounts; half the runs snapshot the journal every few inputs, so
 * the rebuild reads a snapshot and the inputs after it.
 */
class ExchangeRecoveryTest {
    private static final Instrument X = new Instrument(InstrumentId.of("X"), Price.of("0.01"), Qty.of(1), "USD");
    private static final Instrument Y = new Instrument(InstrumentId.of("Y"), Price.of("0.05"), Qty.of("0.1"), "USD");
    private static final Instant START = Instant.parse("2024-03-04T14:30:00Z");

    private static ExchangeVenue venue(VenueStore journal, int compactAfter) {
        ExchangeVenue v = new ExchangeVenue("exchange", new MarketSimulation(3, 5, 8, 11), 20, SelfTradePrevention.CANCEL_NEWEST,
                Map.of("b", SelfTradePrevention.CANCEL_OLDEST), new ExchangeVenue.FeeTier(-20, 45), Map.of("b", new ExchangeVenue.FeeTier(10, 30)),
                journal);
        v.compactAfter = compactAfter;
        v.addInstrument(X);
        v.addInstrument(Y);
        return v;
    }

    /** What survives a kill -9: the committed records, in a journal of their own. */
    private static InMemoryJournal committedCopy(InMemoryJournal journal) {
        InMemoryJournal copy = new InMemoryJournal();
        journal.replay(copy::append);
        copy.commit();
        return copy;
    }

    /** A seeded stream of inputs, applied to every venue given. */
    private static final class Inputs {
        final SplittableRandom random;
        final List<ClientOrderId> sent = new ArrayList<>();
        final Map<InstrumentId, long[]> cents = Map.of(X.id(), new long[] {10_000}, Y.id(), new long[] {50_000});
        Instant time = START;
        int next;

        Inputs(long seed) {
            random = new SplittableRandom(seed);
        }

        void step(ExchangeVenue... venues) {
            Instrument i = random.nextBoolean() ? X : Y;
            long tickCents = i == X ? 1 : 5;
            long[] mid = cents.get(i.id());
            int dice = random.nextInt(100);
            if (dice < 35) {
                // a few days in all, within the ledger's retention; they cross midnight, so DAY orders expire
                time = time.plus(Duration.ofMinutes(random.nextInt(1, 12)));
                long open = mid[0];
                mid[0] = Math.max(500, mid[0] + random.nextLong(-6, 7) * tickCents);
                long high = Math.max(open, mid[0]) + random.nextLong(0, 4) * tickCents;
                long low = Math.min(open, mid[0]) - random.nextLong(0, 4) * tickCents;
                Bar bar = new Bar(i.id(), time, cents(open), cents(high), cents(low), cents(mid[0]), Qty.of(1000));
                for (ExchangeVenue v : venues) {
                    v.onBar(bar);
                }
                return;
            }
            time = time.plusMillis(random.nextInt(1, 5000));
            if (dice < 80 || sent.isEmpty()) {
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                Qty qty = i == X ? Qty.of(random.nextInt(1, 12)) : Qty.ofUnits(random.nextInt(1, 40), 1);
                long away = random.nextLong(-8, 9) * tickCents;
                Price limit = cents(mid[0] + (side == Side.BUY ? -away : away));
                Price stop = cents(mid[0] + (side == Side.BUY ? 1 : -1) * random.nextLong(1, 6) * tickCents);
                int k = random.nextInt(100);
                TimeInForce tif = random.nextInt(4) == 0 ? TimeInForce.DAY : TimeInForce.GTC;
                OrderRequest r = k < 70 ? OrderRequest.limit(i.id(), side, qty, limit, tif)
                        : k < 80 ? new OrderRequest(i.id(), side, OrderType.STOP, qty, null, stop, null, tif)
                        : k < 90 ? new OrderRequest(i.id(), side, OrderType.STOP_LIMIT, qty, limit, stop, null, tif)
                        : OrderRequest.market(i.id(), side, qty);
                ClientOrderId id = random.nextInt(200) == 0 && !sent.isEmpty() ? pick() : ClientOrderId.of("o" + ++next);
                String account = random.nextInt(3) == 0 ? "b" : "a";
                for (ExchangeVenue v : venues) {
                    v.submit(account, id, r, time);
                }
                sent.add(id);
            } else if (dice < 92) {
                ClientOrderId id = pick();
                for (ExchangeVenue v : venues) {
                    v.cancel(id, time);
                }
            } else {
                ClientOrderId id = pick();
                var known = venues[0].order(id);
                if (known.isPresent()) {
                    OrderRequest was = known.get().request();
                    Qty qty = was.quantity().plus(Qty.of(random.nextInt(-1, 3)));
                    Price limit = was.limitPrice() == null ? null : was.limitPrice().plus(Price.ofUnits(random.nextLong(-3, 4) * tickCents, 2));
                    OrderRequest amended = was.amended(qty.isPositive() ? qty : was.quantity(), limit, was.stopPrice());
                    for (ExchangeVenue v : venues) {
                        v.modify(id, amended, time);
                    }
                }
            }
        }

        private ClientOrderId pick() {
            return sent.get(sent.size() - 1 - random.nextInt(Math.min(sent.size(), 60)));
        }

        private static Price cents(long c) {
            return Price.ofUnits(c, 2);
        }
    }

    /** Everything the venue knows, as text: each book order by order, market state, and the ledger. */
    private static List<String> state(ExchangeVenue v) {
        List<String> out = new ArrayList<>();
        for (InstrumentId i : v.instruments()) {
            var book = v.book(i);
            out.add(i + " last " + book.lastTradePrice() + " seq " + book.depthSequence());
            book.orders((id, account, side, kind, tif, postOnly, price, stop, remaining) -> out.add(i + " " + id + " " + account + " " + side
                    + " " + kind + " " + tif + " " + price + " " + stop + " " + remaining));
        }
        for (String a : List.of("a", "b")) {
            out.add(a + " " + v.account(a) + " open " + v.openOrders(a));
            v.fillsSince(a, Instant.EPOCH).forEach(f -> out.add(f.toString()));
        }
        return out;
    }

    private static void run(long seed, int compactAfter) {
        Inputs inputs = new Inputs(seed);
        SplittableRandom when = new SplittableRandom(seed ^ 0x5DEECE66DL);
        InMemoryJournal journal = new InMemoryJournal();
        ExchangeVenue original = venue(journal, compactAfter);
        List<OrderEvent> originalEvents = new ArrayList<>();
        original.open(originalEvents::add);
        original.openAccount("a", Money.of(1_000_000));
        original.openAccount("b", Money.of(50_000));
        int crashAt = 200 + when.nextInt(1500);
        for (int n = 0; n < crashAt; n++) {
            inputs.step(original);
        }
        // Kill -9: what was committed survives. The venue reported nothing it had not committed.
        InMemoryJournal survived = committedCopy(journal);
        ExchangeVenue restarted = venue(survived, compactAfter);
        Set<String> reported = new HashSet<>();
        originalEvents.stream().filter(e -> e instanceof OrderEvent.Filled).forEach(e -> reported.add(((OrderEvent.Filled) e).fill().executionId()));
        Set<String> booked = new HashSet<>();
        for (String a : List.of("a", "b")) {
            restarted.fillsSince(a, Instant.EPOCH).forEach(f -> booked.add(f.executionId()));
        }
        assertTrue(booked.containsAll(reported), "seed " + seed + ": every fill reported before the kill is in the rebuilt books");
        assertTrue(reported.size() > 20, "seed " + seed + ": the stream trades: " + reported.size() + " fills");

        // From a common point on, both must answer alike: commit what the original holds, rebuild from it.
        journal.commit();
        restarted = venue(committedCopy(journal), compactAfter);
        assertEquals(state(original), state(restarted), "seed " + seed + ": the rebuilt venue after " + crashAt + " inputs");
        List<OrderEvent> restartedEvents = new ArrayList<>();
        restarted.open(restartedEvents::add);
        originalEvents.clear();
        for (int n = 0; n < 1500; n++) {
            inputs.step(original, restarted);
            if (!originalEvents.equals(restartedEvents)) {
                assertEquals(originalEvents, restartedEvents, "seed " + seed + ": input " + n + " after the rebuild");
            }
            originalEvents.clear();
            restartedEvents.clear();
        }
        assertEquals(state(original), state(restarted), "seed " + seed + " at the end");
    }

    @Test
    void aVenueRebuiltFromItsJournalAnswersEveryLaterInputAsTheOriginal() {
        for (long seed = 1; seed <= 12; seed++) {
            run(seed, Integer.MAX_VALUE);
        }
    }

    @Test
    void soDoesOneRebuiltFromASnapshotAndTheInputsAfterIt() {
        for (long seed = 100; seed <= 112; seed++) {
            run(seed, 1 + (int) (seed % 97));
        }
    }

    @Test
    void aSnapshotReplacesTheHistory() {
        InMemoryJournal journal = new InMemoryJournal();
        ExchangeVenue v = venue(journal, Integer.MAX_VALUE);
        v.openAccount("a", Money.of(1_000_000));
        Inputs inputs = new Inputs(7);
        for (int n = 0; n < 3000; n++) {
            inputs.step(v);
        }
        List<String> before = state(v);
        v.compact();
        List<String> records = new ArrayList<>();
        journal.replay(records::add);
        assertEquals("FORMAT\t1", records.get(0));
        assertTrue(records.stream().noneMatch(r -> r.startsWith("BAR\t") || r.startsWith("SUBMIT\t")), "no input is left: " + records.size());
        assertEquals(0, v.inputsSinceSnapshot());
        assertEquals(before, state(venue(committedCopy(journal), Integer.MAX_VALUE)));
    }

    @Test
    void aSnapshotKeepsClosedOrdersAndFillsForTheRetentionOnlyButEveryBalance() {
        InMemoryJournal journal = new InMemoryJournal();
        ExchangeVenue v = venue(journal, Integer.MAX_VALUE);
        v.openAccount("a", Money.of(1_000_000));
        Inputs inputs = new Inputs(5);
        for (int n = 0; n < 3000; n++) {
            inputs.step(v);
        }
        List<Fill> early = v.fillsSince("a", Instant.EPOCH);
        assertTrue(!early.isEmpty());
        ClientOrderId old = early.get(0).orderId();
        // A quiet week and a day later, a bar moves the clock on.
        inputs.time = inputs.time.plus(ExchangeLedger.RETENTION).plus(Duration.ofDays(1));
        v.onBar(new Bar(X.id(), inputs.time, Price.of("1000.00"), Price.of("1000.00"), Price.of("1000.00"), Price.of("1000.00"), Qty.of(1)));
        var account = v.account("a");
        List<io.quiver.sdk.spi.VenueOrder> open = v.openOrders("a");
        v.compact();
        ExchangeVenue rebuilt = venue(committedCopy(journal), Integer.MAX_VALUE);
        Instant cutoff = inputs.time.minus(ExchangeLedger.RETENTION);
        assertTrue(rebuilt.fillsSince("a", Instant.EPOCH).stream().noneMatch(f -> f.time().isBefore(cutoff)), "fills older than the retention are left out");
        assertEquals(v.fillsSince("a", cutoff), rebuilt.fillsSince("a", Instant.EPOCH), "later fills are kept");
        assertTrue(rebuilt.order(old).isEmpty() || rebuilt.order(old).get().status().isOpen(), "a closed old order is forgotten");
        assertEquals(account, rebuilt.account("a"), "cash and positions are kept whole");
        assertEquals(open, rebuilt.openOrders("a"), "open orders are kept, however old");
    }

    @Test
    void aJournalOfAnotherFormatIsRefusedNamingIt() {
        InMemoryJournal journal = new InMemoryJournal();
        journal.append("FORMAT\t2");
        journal.commit();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> venue(journal, 10));
        assertEquals("venue exchange: journal format 2 is not the format this version reads (1)", e.getMessage());
        InMemoryJournal foreign = new InMemoryJournal();
        foreign.append("ORDER\tACCEPTED");
        foreign.commit();
        assertTrue(assertThrows(IllegalStateException.class, () -> venue(foreign, 10)).getMessage().contains("not an exchange journal"));
    }

    @Test
    void aClientOrderIdIsNeverUsedTwiceEvenAfterItsOrderClosed() {
        ExchangeVenue v = venue(new InMemoryJournal(), 10);
        List<OrderEvent> events = new ArrayList<>();
        v.open(events::add);
        OrderRequest r = OrderRequest.limit(X.id(), Side.BUY, Qty.of(1), Price.of("1.00"), TimeInForce.GTC);
        v.submit("a", ClientOrderId.of("same"), r, START);
        v.cancel(ClientOrderId.of("same"), START);
        v.submit("a", ClientOrderId.of("same"), r, START);
        OrderEvent last = events.get(events.size() - 1);
        assertTrue(last instanceof OrderEvent.Rejected rj && rj.reasonCode().equals("DUPLICATE_ORDER_ID"), events.toString());
        assertEquals(io.quiver.sdk.model.OrderStatus.CANCELLED, v.order(ClientOrderId.of("same")).orElseThrow().status(),
                "the refused duplicate leaves the first order's record alone");
    }

    @Test
    void fillsAreBookedForReconciliationExactly() {
        ExchangeVenue v = venue(new InMemoryJournal(), Integer.MAX_VALUE);
        v.openAccount("a", Money.of(1_000_000));
        Inputs inputs = new Inputs(3);
        for (int n = 0; n < 2000; n++) {
            inputs.step(v);
        }
        Money cash = Money.of(1_000_000);
        Map<InstrumentId, Qty> positions = new java.util.TreeMap<>();
        for (Fill f : v.fillsSince("a", Instant.EPOCH)) {
            Money notional = f.price().times(f.quantity());
            cash = (f.side() == Side.BUY ? cash.minus(notional) : cash.plus(notional)).minus(f.fee());
            positions.merge(f.instrument(), f.signedQuantity(), Qty::plus);
        }
        positions.values().removeIf(Qty::isZero);
        assertEquals(cash, v.account("a").cash());
        assertEquals(positions, v.account("a").positions());
    }
}
