package io.quiver.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.oms.host.InstanceState;
import io.quiver.oms.OrderFilter;
import io.quiver.sdk.ClientOrderIdConflictException;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order, reconciliation and position commands against a real order manager and simulated venue. */
class OrderCommandsTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final FakeRuntime runtime = new FakeRuntime().add("a", InstanceState.RUNNING, "", "1000")
            .add("b", InstanceState.RUNNING, "", "1000");

    OrderCommandsTest() {
        for (String symbol : List.of("SYN1", "SYN2")) {
            Instrument instrument = Instrument.of(symbol, 2, "USD");
            runtime.oms.registerInstrument(instrument);
            runtime.venue.addInstrument(instrument);
        }
        runtime.oms.openAccount("a", "sim", Money.of(100_000));
        runtime.oms.openAccount("b", "sim", Money.of(100_000));
    }

    private String printed() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return text;
    }

    private List<String> rows() {
        return printed().lines().map(l -> l.replaceAll("\\s*\t\\s*", "\t").trim()).toList();
    }

    private void bar(String symbol, String open, String high, String low, String close) {
        runtime.now = runtime.now.plus(Duration.ofMinutes(1));
        Bar bar = new Bar(io.quiver.sdk.model.InstrumentId.of(symbol), runtime.now, Price.of(open), Price.of(high), Price.of(low),
                Price.of(close), Qty.of(1000));
        runtime.venue.onBar(bar);
        runtime.oms.onBar(bar);
    }

    private Order order(String id) {
        return runtime.oms.order(ClientOrderId.of(id)).orElseThrow();
    }

    private void submit(String strategy, String id, String... words) {
        SubmitOrderCommand c = new SubmitOrderCommand();
        c.runtime = runtime;
        c.out = out;
        c.strategy = strategy;
        c.id = id;
        c.words = List.of(words);
        c.execute();
    }

    @Test
    void submitIsIdempotentOnItsIdAndAConflictIsRefused() {
        submit("a", "x1", "BUY", "10", "SYN1", "limit", "99.50", "DAY");
        assertEquals("x1  ACCEPTED  BUY 10 SYN1 LIMIT limit 99.50 DAY  (ACCEPTED: at venue sim)", printed().trim());
        submit("a", "x1", "BUY", "10", "SYN1", "limit", "99.50", "DAY");
        assertTrue(printed().startsWith("order x1 exists with this request; nothing was sent again"));
        assertEquals(1, runtime.oms.orderCount(null));
        assertEquals(List.of(ClientOrderId.of("x1")), runtime.venue.workingOrders());
        CommandException e = assertThrows(CommandException.class, () -> submit("a", "x1", "BUY", "11", "SYN1", "limit", "99.50", "DAY"));
        assertTrue(e.getCause() instanceof ClientOrderIdConflictException, e.toString());
        assertTrue(e.getMessage().startsWith("CLIENT_ORDER_ID_CONFLICT: order x1 exists as"), e.getMessage());
    }

    @Test
    void anInvalidOrderIsRejectedWithItsReasonCode() {
        submit("a", null, "BUY", "10", "SYN1", "limit", "99.505");
        String line = printed().trim();
        assertTrue(line.startsWith("op-1  REJECTED  BUY 10 SYN1 LIMIT limit 99.505 GTC  (REJECTED: INVALID_PRICE:"), line);
        submit("a", null, "SELL", "10", "SYN1");
        assertTrue(printed().startsWith("op-2  ACCEPTED"));
        assertEquals("no strategy instance 'nobody'", assertThrows(IllegalArgumentException.class,
                () -> submit("nobody", null, "SELL", "10", "SYN1")).getMessage());
    }

    @Test
    void modifyAndCancelReachTheVenueAndShowInTheHistory() {
        submit("a", "x1", "BUY", "10", "SYN1", "limit", "99.50");
        ModifyOrderCommand modify = new ModifyOrderCommand();
        modify.runtime = runtime;
        modify.out = out;
        modify.id = "x1";
        modify.limit = "98.75";
        modify.quantity = "20";
        printed();
        modify.execute();
        assertEquals("x1  ACCEPTED  BUY 20 SYN1 LIMIT limit 98.75 GTC  (MODIFIED: quantity 20 limit 98.75)", printed().trim());
        modify.limit = "98.755";
        modify.quantity = null;
        modify.execute();
        assertTrue(printed().contains("(MODIFY_REJECTED: INVALID_PRICE:"));

        bar("SYN1", "99.00", "99.50", "98.90", "99.20"); // does not reach 98.75
        CancelOrderCommand cancel = new CancelOrderCommand();
        cancel.runtime = runtime;
        cancel.out = out;
        cancel.ids = List.of("x1");
        cancel.execute();
        assertEquals("x1  CANCELLED  BUY 20 SYN1 LIMIT limit 98.75 GTC  (CANCELLED: cancelled on request)", printed().trim());
        cancel.execute();
        assertEquals("x1 is CANCELLED; nothing to cancel", printed().trim());
        modify.limit = "98.50";
        assertEquals("order x1 is CANCELLED and cannot be modified", assertThrows(IllegalArgumentException.class, modify::execute).getMessage());
        cancel.ids = List.of("nope");
        assertEquals("no order 'nope'", assertThrows(IllegalArgumentException.class, cancel::execute).getMessage());

        OrderHistoryCommand history = new OrderHistoryCommand();
        history.runtime = runtime;
        history.out = out;
        history.noFormat = true;
        history.id = "x1";
        history.execute();
        List<String> lines = rows();
        assertEquals("x1\ta\tBUY 20 SYN1 LIMIT limit 98.75 GTC\tCANCELLED, filled 0", lines.get(0).replace("  ", "\t"));
        assertEquals(List.of("NEW", "ACCEPTED", "MODIFIED", "MODIFY_REJECTED", "CANCEL_REQUESTED", "CANCELLED"),
                lines.subList(1, lines.size()).stream().map(l -> l.split("\t")[1]).toList());
        assertTrue(lines.get(5).endsWith("\tPENDING_CANCEL\tcancelled by operator"), lines.get(5));
    }

    @Test
    void cancelAllTakesOneInstanceOrEvery() {
        submit("a", "a1", "BUY", "1", "SYN1", "limit", "90");
        submit("a", "a2", "BUY", "1", "SYN2", "limit", "90");
        submit("b", "b1", "BUY", "1", "SYN1", "limit", "90");
        printed();
        CancelOrderCommand cancel = new CancelOrderCommand();
        cancel.runtime = runtime;
        cancel.out = out;
        cancel.all = true;
        cancel.strategy = "a";
        cancel.execute();
        assertEquals("2 open order(s) asked to cancel", printed().trim());
        assertEquals(List.of(OrderStatus.CANCELLED, OrderStatus.CANCELLED, OrderStatus.ACCEPTED),
                List.of(order("a1").status(), order("a2").status(), order("b1").status()));
        cancel.ids = List.of("b1");
        assertEquals("give either order ids or --all", assertThrows(IllegalArgumentException.class, cancel::execute).getMessage());
    }

    @Test
    void listFiltersByInstanceInstrumentStatusAndTime() {
        submit("a", "a1", "BUY", "1", "SYN1"); // 14:30 market, fills on the next SYN1 bar
        bar("SYN1", "100.00", "100.00", "100.00", "100.00"); // 14:31
        submit("a", "a2", "BUY", "1", "SYN2", "limit", "90"); // 14:31
        bar("SYN2", "100.00", "100.00", "100.00", "100.00"); // 14:32
        submit("b", "b1", "SELL", "1", "SYN1", "limit", "120"); // 14:32
        printed();
        assertEquals(List.of("a1", "a2", "b1"), listed(null, null, null, null, null, false));
        assertEquals(List.of("a1", "a2"), listed("a", null, null, null, null, false));
        assertEquals(List.of("a1", "b1"), listed(null, "SYN1", null, null, null, false));
        assertEquals(List.of("a1"), listed(null, null, "filled", null, null, false));
        assertEquals(List.of("a2", "b1"), listed(null, null, null, null, null, true));
        assertEquals(List.of("a2", "b1"), listed(null, null, null, "2026-11-20T14:31:00Z", null, false));
        assertEquals(List.of("a1", "a2"), listed(null, null, null, "2026-11-20", "2026-11-20T14:32:00Z", false));
        assertEquals(List.of(), listed(null, null, null, "2026-11-21", null, false));
        assertEquals("--status 'DONE' is not one of [NEW, ACCEPTED, TRIGGERED, PARTIALLY_FILLED, PENDING_CANCEL, FILLED, CANCELLED, REJECTED, EXPIRED]",
                assertThrows(IllegalArgumentException.class, () -> listed(null, null, "DONE", null, null, false)).getMessage());
        assertEquals("--since 'yesterday' is not a time like 2026-11-21T14:00:00Z or a date like 2026-11-21",
                assertThrows(IllegalArgumentException.class, () -> listed(null, null, null, "yesterday", null, false)).getMessage());
        ListOrdersCommand negative = new ListOrdersCommand();
        negative.runtime = runtime;
        negative.last = -1;
        assertEquals("-n: the number of orders must be 0 or more, was -1",
                assertThrows(IllegalArgumentException.class, negative::execute).getMessage());
    }

    private List<String> listed(String strategy, String instrument, String status, String since, String until, boolean open) {
        ListOrdersCommand c = new ListOrdersCommand();
        c.runtime = runtime;
        c.out = out;
        c.noFormat = true;
        c.strategy = strategy;
        c.instrument = instrument;
        c.status = status;
        c.since = since;
        c.until = until;
        c.openOnly = open;
        c.execute();
        return rows().stream().map(l -> l.split("\t")[0]).toList();
    }

    @Test
    void ocoFromTheShellCancelsTheOtherLegOnAFill() {
        SubmitOcoCommand oco = new SubmitOcoCommand();
        oco.runtime = runtime;
        oco.out = out;
        oco.strategy = "a";
        oco.id = "exit";
        oco.first = "SELL 10 SYN1 limit 110";
        oco.second = "SELL 10 SYN1 stop 95";
        oco.execute();
        assertEquals(2, printed().lines().filter(l -> l.contains("ACCEPTED")).count());
        bar("SYN1", "100.00", "111.00", "99.00", "110.50");
        assertEquals(OrderStatus.FILLED, order("exit.1").status());
        assertEquals(OrderStatus.CANCELLED, order("exit.2").status());
        assertEquals(List.of(), runtime.venue.workingOrders());
    }

    @Test
    void bracketChildrenWaitForTheEntryThenCancelEachOther() {
        SubmitBracketCommand bracket = new SubmitBracketCommand();
        bracket.runtime = runtime;
        bracket.out = out;
        bracket.strategy = "a";
        bracket.id = "br";
        bracket.stopLoss = "95";
        bracket.takeProfit = "110";
        bracket.words = List.of("BUY", "10", "SYN1");
        bracket.execute();
        assertEquals(List.of(OrderStatus.ACCEPTED, OrderStatus.NEW, OrderStatus.NEW),
                List.of(order("br").status(), order("br.sl").status(), order("br.tp").status()));
        bar("SYN1", "100.00", "101.00", "99.00", "100.50"); // entry fills at the open
        assertEquals(List.of(OrderStatus.FILLED, OrderStatus.ACCEPTED, OrderStatus.ACCEPTED),
                List.of(order("br").status(), order("br.sl").status(), order("br.tp").status()));
        bar("SYN1", "100.50", "112.00", "100.00", "111.00"); // take-profit reached
        assertEquals(List.of(OrderStatus.CANCELLED, OrderStatus.FILLED),
                List.of(order("br.sl").status(), order("br.tp").status()));
        assertEquals(Qty.ZERO, runtime.oms.position("a", io.quiver.sdk.model.InstrumentId.of("SYN1")).quantity());
        bracket.id = "br2";
        bracket.trailingStop = "2%";
        assertEquals("give the stop-loss as either --stop-loss <price> or --trailing-stop <offset>",
                assertThrows(IllegalArgumentException.class, bracket::execute).getMessage());
    }

    @Test
    void reconciliationReportsAHaltAndSyncLiftsIt() {
        ShowReconciliationCommand show = new ShowReconciliationCommand();
        show.runtime = runtime;
        show.out = out;
        show.noFormat = true;
        show.execute();
        assertEquals("no venue has been reconciled since start", printed().trim());

        submit("a", "x1", "BUY", "10", "SYN1", "limit", "99");
        runtime.venue.close(); // the venue fills while the order manager hears nothing
        bar("SYN1", "100.00", "100.00", "98.00", "99.50");
        runtime.venue.open(e -> runtime.oms.onVenueEvent("sim", e));
        printed();

        ReconcileCommand reconcile = new ReconcileCommand();
        reconcile.runtime = runtime;
        reconcile.out = out;
        reconcile.noFormat = true;
        reconcile.venue = "sim";
        reconcile.policy = "halt";
        reconcile.execute();
        List<String> lines = rows();
        assertTrue(lines.get(0).startsWith("venue sim at 2026-11-20T14:31:00Z, policy HALT: 2 account(s), 1 order(s) and 1 fill(s) checked, "),
                lines.get(0));
        assertTrue(lines.get(0).endsWith("orders to sim are HALTED (lift with order:reconcile -p SYNC sim)"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("MISSED_FILL\ta\tx1\t")), lines.toString());
        assertEquals(OrderStatus.ACCEPTED, order("x1").status());
        submit("a", "x2", "SELL", "10", "SYN1");
        assertTrue(printed().startsWith("x2  REJECTED  SELL 10 SYN1 MARKET GTC  (REJECTED: HALTED:"));

        reconcile.policy = "SYNC";
        reconcile.execute();
        assertTrue(rows().get(0).contains("policy SYNC"), bytes.toString());
        assertEquals(false, runtime.oms.lastReconciliations().stream().filter(r -> r.venueId().equals("sim")).findFirst().orElseThrow().halted(),
                "the report says orders to sim are no longer halted");
        assertEquals(java.util.Set.of(), runtime.oms.stats().haltedVenues());
        assertEquals(1L, runtime.oms.stats().rejectionsByCode().get("HALTED"), "the one order refused while halted is counted");
        OrderStatsCommand stats = new OrderStatsCommand();
        stats.runtime = runtime;
        stats.out = out;
        stats.noFormat = true;
        stats.execute();
        assertEquals(List.of("refused venue events\t0", "halted venues\tnone", "rejected HALTED\t1"), rows());
        assertEquals(OrderStatus.FILLED, order("x1").status());
        assertEquals(Qty.of(10), runtime.oms.position("a", io.quiver.sdk.model.InstrumentId.of("SYN1")).quantity());
        submit("a", "x3", "SELL", "10", "SYN1");
        assertTrue(printed().startsWith("x3  ACCEPTED"));

        show.execute();
        assertTrue(printed().startsWith("venue sim at 2026-11-20T14:31:00Z, policy SYNC"));
        reconcile.policy = "maybe";
        assertEquals("--policy 'maybe' is not one of [SYNC, HALT]", assertThrows(IllegalArgumentException.class, reconcile::execute).getMessage());
    }

    @Test
    void compactForgetsOldClosedOrdersAndKeepsTheOpenOnes() {
        submit("a", "old", "BUY", "1", "SYN1");
        bar("SYN1", "100.00", "100.00", "100.00", "100.00"); // fills "old" at 14:31
        submit("a", "open", "BUY", "1", "SYN1", "limit", "90");
        printed();
        CompactOrdersCommand c = new CompactOrdersCommand();
        c.runtime = runtime;
        c.out = out;
        c.clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-28T00:00:00Z"), java.time.ZoneOffset.UTC);
        c.execute();
        String forgot = printed();
        assertTrue(forgot.startsWith("forgot 1 order(s) closed before 2026-11-21T00:00:00Z; kept 1 in "), forgot);
        assertTrue(forgot.endsWith(" ms; journal 0 B before, 0 B after" + System.lineSeparator()), "a journal in memory takes no disk: " + forgot);
        assertTrue(runtime.oms.order(ClientOrderId.of("old")).isEmpty());
        assertEquals(OrderStatus.ACCEPTED, order("open").status());
        assertEquals(Qty.of(1), runtime.oms.position("a", io.quiver.sdk.model.InstrumentId.of("SYN1")).quantity(), "the position stays");
        c.execute();
        assertTrue(printed().startsWith("nothing to forget"));
        c.keep = "a week";
        assertEquals("--keep 'a week' is not an ISO-8601 duration such as P7D or PT12H",
                assertThrows(IllegalArgumentException.class, c::execute).getMessage());
    }

    @Test
    void journalSizesReadAsFileSizes() {
        assertEquals("1023 B", CompactOrdersCommand.size(1023));
        assertEquals("1.0 KiB", CompactOrdersCommand.size(1024));
        assertEquals("110.0 MiB", CompactOrdersCommand.size(110L << 20));
        assertEquals("2.5 GiB", CompactOrdersCommand.size(5L << 29));
        assertEquals("4096.0 GiB", CompactOrdersCommand.size(1L << 42));
    }

    @Test
    void positionsAreListedPerInstanceAndInTotalExactly() {
        submit("a", "a1", "BUY", "10", "SYN1");
        submit("b", "b1", "BUY", "5", "SYN1");
        bar("SYN1", "100.10", "100.10", "100.10", "100.10");
        submit("b", "b2", "SELL", "2", "SYN1");
        bar("SYN1", "100.40", "100.40", "100.40", "100.40");
        printed();
        ListPositionsCommand c = new ListPositionsCommand();
        c.runtime = runtime;
        c.out = out;
        c.noFormat = true;
        c.execute();
        List<String> lines = rows();
        String total = lines.stream().filter(l -> l.startsWith("TOTAL")).findFirst().orElseThrow();
        // a: 10 @ 100.10; b: 5 @ 100.10, 2 sold @ 100.40 (realised 0.60); 13 open at cost 1301.30
        assertEquals("TOTAL\tSYN1\t13\t100.10\t0.60\t3.90", total); // the empty mark column folds into one tab
    }
}
