package io.quiver.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.quiver.itests.KarafProcess.Result;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.spi.VenueOrder;
import io.quiver.store.internal.MapDbJournals;
import io.quiver.venue.exchange.ExchangeVenue;
import io.quiver.venue.exchange.internal.ExchangeVenueFactory;
import io.quiver.venue.sim.BarFillSimulator;
import io.quiver.sdk.spi.VenueSetup;
import java.util.Map;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.Test;

/**
 * Kill -9 of the assembled distribution at random points (a seeded amount of trading after each start) while three strategies paper-trade (an order
 * ladder keeps 200 resting orders on {@code sim} and changes some on most bars, another keeps 100 in the
 * books of the simulated exchange), many times over; then a run in which the
 * venue fills orders while the runtime is down. The exchange is rebuilt from its own journal after every
 * kill, as it rebuilds itself on start, and checked against the runtime's journal the same way. After every kill the journals are read back with
 * bin/quiver-journal and checked with the test's own arithmetic: nothing entered twice, no execution
 * booked twice, no order the runtime does not know, and every fill the runtime missed at one kill booked
 * by the next. At the end, with trading stopped, the runtime's books equal the venue's exactly.
 */
public class CrashRecoveryIT extends KarafProcessTestSupport {
    private static final int KILLS = Integer.getInteger("quiver.crash.kills", 10);
    private static final long SEED = Long.getLong("quiver.crash.seed", 20261121L);
    private static final String RECONCILED = "reconciliation with venue sim:";
    private static final String RECONCILED_EXCHANGE = "reconciliation with venue exchange:";
    private static final String LADDER_X = "ladder-x";


    @Test
    public void killedAtRandomManyTimesItLosesAndDoublesNothingAndEndsEqualToTheVenue() throws Exception {
        karaf = new KarafProcess("crash-it", "PT0.02S");
        // The ladder offers both sides from a flat position: its sells are short sales, which its risk settings allow.
        Files.writeString(karaf.home.resolve("etc/io.quiver.risk.strategy-ladder-crash.cfg"), "strategy.id = ladder-crash\nshort.allowed = true\n");
        Files.writeString(karaf.home.resolve("etc/io.quiver.strategy.ladder-crash.cfg"), "levels = 100\nstep = 0.02\nsize = 1\n");
        Files.writeString(karaf.home.resolve("etc/io.quiver.risk.strategy-ladder-x.cfg"), "strategy.id = ladder-x\nshort.allowed = true\n");
        Files.writeString(karaf.home.resolve("etc/io.quiver.strategy.ladder-x.cfg"), "venue = exchange\n"
                + "levels = 50\nstep = 0.02\nsize = 1\n");
        Set<String> missedOnExchange = Set.of();
        int recoveredOnExchange = 0;
        int restingOnExchange = 0;
        Random random = new Random(SEED);
        Set<String> missedAtLastKill = Set.of();
        int recovered = 0;
        int neverSent = 0;
        List<String> report = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            karaf.start();
            karaf.awaitLog(RECONCILED, kill);
            karaf.awaitLog(RECONCILED_EXCHANGE, kill);
            karaf.awaitLog("ladder on SYN1", 2 * kill);
            assertCleanStats("start " + kill);
            // The random kill point: after a random amount of trading, measured by what the runtime committed
            // to its journal's commit log since it started (the log starts empty at every start).
            long trading = 10_000 + random.nextInt(120_000);
            Path commitLog = karaf.home.resolve("data/quiver/orders.journal.log");
            QuiverTestSupport.await(KarafProcess.WAIT, trading + " bytes of commits", () -> size(commitLog) >= trading);
            karaf.kill();

            JournalBooks books = JournalBooks.ofOrderManager(dump("orders"));
            JournalBooks venue = JournalBooks.ofVenue(dump("venue-sim"));
            assertEquals("kill " + kill + ": duplicates in the runtime's journal", List.of(), books.duplicates);
            assertEquals("kill " + kill + ": duplicates in the venue's journal", List.of(), venue.duplicates);
            for (String id : venue.orders.keySet()) {
                JournalBooks.Order o = books.orders.get(id);
                assertTrue("kill " + kill + ": the venue has order " + id + " that the runtime never wrote down as sent", o != null && o.sent);
            }
            Set<String> booked = books.without(LADDER_X).executionIds();
            Set<String> made = venue.executionIds();
            assertTrue("kill " + kill + ": the runtime booked a fill the venue never made", made.containsAll(booked));
            assertTrue("kill " + kill + ": fills missed at the kill before were not booked after the restart",
                    booked.containsAll(missedAtLastKill));
            recovered += missedAtLastKill.size();
            Set<String> missed = new HashSet<>(made);
            missed.removeAll(booked);
            missedAtLastKill = missed;
            // The exchange, rebuilt from what its journal committed, against the runtime's books of ladder-x.
            ExchangeBooks x = exchangeBooks();
            for (String id : x.orders) {
                JournalBooks.Order o = books.orders.get(id);
                assertTrue("kill " + kill + ": the exchange has order " + id + " that the runtime never wrote down as sent", o != null && o.sent);
            }
            Set<String> bookedX = books.executionIdsOf(LADDER_X);
            assertTrue("kill " + kill + ": the runtime booked an exchange fill the exchange never made", x.executions.containsAll(bookedX));
            assertTrue("kill " + kill + ": exchange fills missed at the kill before were not booked after the restart",
                    bookedX.containsAll(missedOnExchange));
            recoveredOnExchange += missedOnExchange.size();
            Set<String> missedX = new HashSet<>(x.executions);
            missedX.removeAll(bookedX);
            missedOnExchange = missedX;
            assertTrue("kill " + kill + ": the ladder's orders rest in the rebuilt exchange's book: " + x.resting, kill == 1 || x.resting >= 50);
            restingOnExchange += x.resting;
            neverSent = (int) books.orders.values().stream().filter(o -> "NOT_SENT_BEFORE_RESTART".equals(o.rejectCode)).count();
            int open = books.openOrderIds().size();
            assertTrue("kill " + kill + ": hundreds of orders were open, not " + open, kill == 1 || open >= 150);
            report.add("kill " + kill + " after " + trading + " bytes of commits: " + books.orders.size() + " orders, " + open + " open, "
                    + made.size() + " fills at the venue, " + missed.size() + " not yet booked; exchange: " + x.resting + " resting in the book, "
                    + x.executions.size() + " fills, " + missedX.size() + " not yet booked");
        }

        // The venue trades while the runtime is down: one wide bar fills every resting order of the ladder.
        Set<String> filledWhileDown = fillRestingOrdersWhileDown();
        assertTrue("the venue filled the ladder while the runtime was down: " + filledWhileDown.size(), filledWhileDown.size() >= 150);

        karaf.start();
        karaf.awaitLog(RECONCILED, KILLS + 1);
        karaf.awaitLog("ladder on SYN1", 2 * (KILLS + 1));
        Result shown = karaf.client("order:reconciliation --no-format sim");
        assertEquals(shown.output(), 0, shown.exit());
        for (String execution : filledWhileDown) {
            assertTrue("reconciliation booked " + execution, shown.output().contains("exec " + execution + "\tbooked"));
        }
        // The log has a summary and a bounded sample, not a line per difference.
        String log = karaf.logText();
        assertTrue(log, log.contains("difference(s) by kind {MISSED_FILL="));
        assertTrue("at most 20 differences logged one by one after the summary", KarafProcess.countOf(log, "reconciliation sim MISSED_FILL")
                <= 20 * (KILLS + 1));
        assertTrue(shown.output(), shown.output().contains("policy SYNC"));
        assertTrue(shown.output(), KarafProcess.countOf(shown.output(), "MISSED_FILL") >= filledWhileDown.size());

        // Stop trading (the feed goes away, the instances stop and cancel their orders), then compare the books.
        Files.delete(karaf.home.resolve("etc/io.quiver.feed.synthetic.cfg"));
        karaf.awaitLog("strategy ladder-crash stopped", 1);
        karaf.awaitLog("strategy ladder-x stopped", 1);
        karaf.awaitLog("strategy sma-demo stopped", 1);
        karaf.stop();
        JournalBooks books = JournalBooks.ofOrderManager(dump("orders"));
        JournalBooks venue = JournalBooks.ofVenue(dump("venue-sim"));
        assertEquals(List.of(), books.duplicates);
        assertEquals(List.of(), venue.duplicates);
        JournalBooks onSim = books.without(LADDER_X);
        assertEquals("fills: the runtime's equal the venue's", venue.executionIds(), onSim.executionIds());
        assertEquals("cash per account", venue.cash(), onSim.cash());
        assertEquals("positions per account", venue.positions(), onSim.positions());
        assertEquals("open orders", venue.openOrderIds(), onSim.openOrderIds());
        ExchangeBooks x = exchangeBooks();
        assertEquals("exchange fills: the runtime's equal the exchange's", x.executions, books.executionIdsOf(LADDER_X));
        assertEquals("exchange cash", 0, x.cash.compareTo(books.cash().get(LADDER_X)));
        Map<String, BigDecimal> ladderPositions = new java.util.TreeMap<>();
        books.positions().forEach((k, v) -> {
            if (k.startsWith(LADDER_X + " ")) {
                ladderPositions.put(k, v);
            }
        });
        assertEquals("exchange positions", x.positions, ladderPositions);
        assertEquals("no order is left working on the exchange once the ladder stopped", 0, x.open);
        assertEquals("nor in the runtime's books", Set.of(), books.openOrderIds().stream().filter(books.orderIdsOf(LADDER_X)::contains)
                .collect(java.util.stream.Collectors.toSet()));
        for (var e : onSim.orders.entrySet()) {
            if (e.getValue().sent && !venue.orders.containsKey(e.getKey())) {
                assertEquals("order " + e.getKey() + " was lost on its way to the venue and must say so",
                        "NOT_SENT_BEFORE_RESTART", e.getValue().rejectCode);
            }
        }
        assertEquals("no order reached a venue twice", List.of(), books.orders.entrySet().stream()
                .filter(e -> "DUPLICATE_ORDER_ID".equals(e.getValue().rejectCode)).map(java.util.Map.Entry::getKey).toList());
        // Compaction: forget every closed order, get killed right after, and come back with the venue's books.
        karaf.start();
        karaf.awaitLog(RECONCILED, KILLS + 2);
        Result compacted = karaf.client("order:compact -k PT0S");
        assertTrue(compacted.output(), compacted.output().lines().anyMatch(l -> l.startsWith("forgot ") && l.contains(" before, ")
                && l.endsWith(" after")));
        report.add("compaction: " + compacted.output().trim());
        karaf.kill();
        karaf.start();
        karaf.awaitLog(RECONCILED, KILLS + 3);
        String logAfter = karaf.logText();
        String lastReconciliation = logAfter.substring(logAfter.lastIndexOf(RECONCILED)).lines().findFirst().orElseThrow();
        assertTrue(lastReconciliation, lastReconciliation.endsWith(" 0 difference(s)"));
        karaf.awaitLog(RECONCILED_EXCHANGE, KILLS + 3);
        assertCleanStats("after compaction and a kill");
        String lastOnExchange = karaf.logText().substring(karaf.logText().lastIndexOf(RECONCILED_EXCHANGE)).lines().findFirst().orElseThrow();
        assertTrue(lastOnExchange, lastOnExchange.endsWith(" 0 difference(s)"));
        String[] listed = {""};
        QuiverTestSupport.await(KarafProcess.WAIT, "every account on account:show", () -> {
            try {
                listed[0] = karaf.client("account:show --no-format").output();
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
            return venue.cash().keySet().stream().allMatch(a -> listed[0].lines().anyMatch(l -> l.startsWith(a + "\t") || l.startsWith(a + " ")));
        });
        for (var e : venue.cash().entrySet()) {
            String row = listed[0].lines().filter(l -> l.startsWith(e.getKey() + "\t") || l.startsWith(e.getKey() + " "))
                    .findFirst().orElseThrow(() -> new AssertionError(listed[0]));
            BigDecimal cashShown = new BigDecimal(row.split("\\s*\t\\s*")[2].trim());
            assertEquals("cash of " + e.getKey() + " after compaction and a kill", 0, e.getValue().compareTo(cashShown));
        }
        karaf.stop();

        report.forEach(System.out::println);
        System.out.println("crash test, seed " + SEED + ": " + KILLS + " kills, " + books.orders.size() + " orders, "
                + venue.fills.size() + " fills (" + filledWhileDown.size() + " made while the runtime was down), " + recovered
                + " fills missed at a kill and booked on restart, " + neverSent + " orders rejected as never sent; "
                + "0 lost, 0 duplicated; books equal the venue's for " + books.cash().size() + " accounts; exchange: " + x.executions.size()
                + " fills, " + recoveredOnExchange + " missed at a kill and booked on restart, " + restingOnExchange
                + " resting orders rebuilt from its journal over the kills");
    }

    /**
     * What the order manager counted since this start, from {@code order:stats}: no venue event refused by
     * its state machine, no venue halted by a reconciliation, no order rejected as a duplicate.
     */
    private void assertCleanStats(String when) throws Exception {
        Result stats = karaf.client("order:stats --no-format");
        assertEquals(stats.output(), 0, stats.exit());
        List<String> rows = stats.output().lines().map(l -> l.replaceAll("\\s*\t\\s*", "\t").trim()).toList();
        assertTrue(when + ": no venue event refused by the state machine: " + rows, rows.contains("refused venue events\t0"));
        assertTrue(when + ": no venue halted by a reconciliation: " + rows, rows.contains("halted venues\tnone"));
        assertTrue(when + ": no order rejected as a duplicate: " + rows, rows.stream().noneMatch(r -> r.startsWith("rejected DUPLICATE_ORDER_ID")));
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the exchange holds for ladder-x, as the exchange rebuilds it from its journal on start. */
    private record ExchangeBooks(Set<String> orders, Set<String> executions, BigDecimal cash, Map<String, BigDecimal> positions, int open,
            int resting) {
    }

    private ExchangeBooks exchangeBooks() {
        try (MapDbJournals journals = new MapDbJournals(karaf.home.resolve("data/quiver"), false)) {
            // The settings the distribution runs it with: the defaults of etc/io.quiver.venue.exchange.cfg.
            ExchangeVenue x = new ExchangeVenueFactory().create(new VenueSetup("exchange", Map.of(), List.of(), journals.open("venue-exchange")));
            Set<String> executions = new HashSet<>();
            x.fillsSince(LADDER_X, Instant.EPOCH).forEach(f -> executions.add(f.executionId()));
            Set<String> orders = new HashSet<>();
            x.fillsSince(LADDER_X, Instant.EPOCH).forEach(f -> orders.add(f.orderId().value()));
            List<VenueOrder> open = x.openOrders(LADDER_X);
            open.forEach(o -> orders.add(o.id().value()));
            Map<String, BigDecimal> positions = new java.util.TreeMap<>();
            x.account(LADDER_X).positions().forEach((i, q) -> positions.put(LADDER_X + " " + i.symbol(), q.toBigDecimal().stripTrailingZeros()));
            // Each open order rests in the book: its price level holds at least what the ladder has left at that price.
            Map<String, BigDecimal> ladderAt = new java.util.HashMap<>();
            open.forEach(o -> ladderAt.merge(o.request().side() + " " + o.request().limitPrice(),
                    o.request().quantity().toBigDecimal().subtract(o.filledQuantity().toBigDecimal()), BigDecimal::add));
            Map<String, BigDecimal> bookAt = new java.util.HashMap<>();
            for (var i : x.instruments()) {
                var depth = x.depth(i, Integer.MAX_VALUE);
                java.util.stream.Stream.concat(depth.bids().stream(), depth.asks().stream())
                        .forEach(l -> bookAt.put(l.side() + " " + l.price(), l.totalSize().toBigDecimal()));
            }
            int resting = (int) open.stream().filter(o -> {
                String key = o.request().side() + " " + o.request().limitPrice();
                return bookAt.containsKey(key) && bookAt.get(key).compareTo(ladderAt.get(key)) >= 0;
            }).count();
            assertEquals("every open order of the ladder rests in the rebuilt book", open.size(), resting);
            return new ExchangeBooks(orders, executions, x.account(LADDER_X).cash().toBigDecimal(), positions, open.size(), resting);
        }
    }

    private List<String> dump(String journal) throws Exception {
        return karaf.journal(journal);
    }

    /**
     * Opens the venue's journal as the venue itself would and trades one bar that reaches every resting
     * ladder order: what a broker does with resting orders while the client is away.
     */
    private Set<String> fillRestingOrdersWhileDown() {
        Set<String> executions = new HashSet<>();
        try (MapDbJournals journals = new MapDbJournals(karaf.home.resolve("data/quiver"), false)) {
            BarFillSimulator sim = new BarFillSimulator("sim", BigDecimal.ZERO, journals.open("venue-sim"));
            Instrument syn1 = Instrument.of("SYN1", 2, "USD");
            sim.addInstrument(syn1);
            sim.open(e -> {
                if (e instanceof OrderEvent.Filled f) {
                    executions.add(f.fill().executionId());
                }
            });
            List<VenueOrder> resting = sim.openOrders("ladder-crash");
            Price highestBuy = resting.stream().filter(o -> o.request().side() == Side.BUY).map(o -> o.request().limitPrice())
                    .max(Price::compareTo).orElseThrow();
            Price lowestSell = resting.stream().filter(o -> o.request().side() == Side.SELL).map(o -> o.request().limitPrice())
                    .min(Price::compareTo).orElseThrow();
            Price top = resting.stream().map(o -> o.request().limitPrice()).max(Price::compareTo).orElseThrow();
            Price bottom = resting.stream().map(o -> o.request().limitPrice()).min(Price::compareTo).orElseThrow();
            Price open = Price.ofUnits((highestBuy.unitsAt(2) + lowestSell.unitsAt(2)) / 2, 2);
            sim.onBar(new Bar(syn1.id(), Instant.now(), open, top, bottom, open, Qty.of(1_000_000)));
            assertEquals("every resting ladder order filled", List.of(), sim.openOrders("ladder-crash"));
        }
        return executions;
    }
}
