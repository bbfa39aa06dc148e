package io.quiver.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.oms.host.InstanceState;
import io.quiver.oms.InMemoryJournal;
import io.quiver.risk.RiskChains;
import io.quiver.risk.RiskService;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Bar;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The risk commands against the real risk layer and a real order manager. */
class RiskCommandsTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        String s = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return s;
    }

    private FakeRuntime runtime(RiskService risk) {
        FakeRuntime runtime = new FakeRuntime().add("a", InstanceState.RUNNING, "", "1000").withRisk(risk);
        Instrument syn1 = Instrument.of("SYN1", 2, "USD");
        runtime.oms.registerInstrument(syn1);
        runtime.venue.addInstrument(syn1);
        runtime.oms.openAccount("a", "sim", Money.of(100_000));
        Price p = Price.of("100.00");
        runtime.oms.onBar(new Bar(syn1.id(), runtime.now, p, p, p, p, Qty.of(1000)));
        return runtime;
    }

    private String submit(FakeRuntime runtime, String id, String... words) {
        SubmitOrderCommand c = new SubmitOrderCommand();
        c.runtime = runtime;
        c.out = out;
        c.strategy = "a";
        c.id = id;
        c.words = List.of(words);
        c.execute();
        return printed();
    }

    @Test
    void killRefusesNewOrdersCancelsOpenOnesAndHoldsUntilReset() {
        InMemoryJournal riskJournal = new InMemoryJournal();
        RiskService risk = RiskChains.service(name -> riskJournal, Map.of(), dir.resolve("audit.json"));
        FakeRuntime runtime = runtime(risk);
        submit(runtime, "o1", "BUY", "10", "SYN1", "limit", "99");
        KillCommand kill = new KillCommand();
        kill.runtime = runtime;
        kill.out = out;
        kill.reason = "runaway";
        kill.execute();
        String said = printed();
        assertTrue(said.contains("every new order is refused until risk:reset") && said.contains("cancel requested for 1 open order(s)"), said);
        String refused = submit(runtime, "o2", "BUY", "10", "SYN1", "limit", "99");
        assertTrue(refused.contains("REJECTED") && refused.contains("KILLED"), refused);
        assertEquals(OrderStatus.REJECTED, runtime.oms.order(ClientOrderId.of("o2")).orElseThrow().status());

        RiskService afterRestart = RiskChains.service(name -> riskJournal, Map.of(), dir.resolve("audit.json"));
        assertTrue(afterRestart.status().killSwitch().killed(), "the kill switch is journaled");
        RiskStatusCommand status = new RiskStatusCommand();
        status.risk = afterRestart;
        status.runtime = runtime;
        status.out = out;
        status.noFormat = true;
        status.execute();
        String table = printed();
        assertTrue(table.contains("runtime\tKILLED") && table.contains("runaway"), table);

        ResetKillCommand reset = new ResetKillCommand();
        reset.risk = risk;
        reset.out = out;
        reset.execute();
        assertTrue(printed().startsWith("kill switch reset"));
        assertTrue(submit(runtime, "o3", "BUY", "10", "SYN1", "limit", "99").contains("ACCEPTED"));

        RiskAuditCommand audit = new RiskAuditCommand();
        audit.risk = risk;
        audit.out = out;
        audit.last = 4;
        audit.execute();
        List<String> lines = printed().lines().toList();
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"state\":\"KILLED\"") && lines.get(0).contains("\"reason\":\"runaway\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"order\":\"o2\"") && lines.get(1).contains("\"code\":\"KILLED\""), lines.get(1));
        assertTrue(lines.get(2).contains("\"state\":\"ACTIVE\""), lines.get(2));
        assertTrue(lines.get(3).contains("\"order\":\"o3\"") && lines.get(3).contains("\"outcome\":\"PASSED\""), lines.get(3));
    }

    @Test
    void limitsShowTheirScopeAndUsage() {
        RiskService risk = RiskChains.service(name -> new InMemoryJournal(), Map.of("orders.open.max", "5", "position.max", "100"),
                dir.resolve("audit.json"));
        FakeRuntime runtime = runtime(risk);
        submit(runtime, "o1", "BUY", "10", "SYN1", "limit", "99");
        submit(runtime, "o2", "BUY", "20", "SYN1", "limit", "98");
        RiskLimitsCommand limits = new RiskLimitsCommand();
        limits.risk = risk;
        limits.runtime = runtime;
        limits.out = out;
        limits.noFormat = true;
        limits.execute();
        String table = printed();
        assertTrue(table.contains("a\tmax-position\tposition.max\tglobal\t100\t30 SYN1"), table);
        assertTrue(table.contains("a\topen-orders\torders.open.max\tglobal\t5\t2"), table);
        assertTrue(table.contains("a\tbuying-power\tbuying.power\tglobal\ttrue\tfree cash 97050"), table);
    }
}
