package io.quiver.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.oms.host.InstanceState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorCommandsTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final FakeRuntime runtime = new FakeRuntime().add("a", InstanceState.RUNNING, "", "1010")
            .add("b", InstanceState.QUARANTINED, "onBar threw java.lang.IllegalStateException: boom (3 faults)", "990");

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listShowsStateAndTheQuarantineReason() {
        ListStrategiesCommand c = new ListStrategiesCommand();
        c.runtime = runtime;
        c.out = out;
        c.noFormat = true;
        c.execute();
        List<String> lines = printed().lines().map(l -> l.replaceAll("\\s*\t\\s*", "\t").trim()).toList();
        assertEquals(2, lines.size(), printed());
        assertTrue(lines.get(0).startsWith("a\tio.quiver.strategy.sma\tRUNNING"), lines.get(0));
        assertTrue(lines.get(1).contains("QUARANTINED") && lines.get(1).endsWith("onBar threw java.lang.IllegalStateException: boom (3 faults)"),
                lines.get(1));
    }

    @Test
    void infoShowsTheReasonAndUnknownIdsAreRefused() {
        StrategyInfoCommand c = new StrategyInfoCommand();
        c.runtime = runtime;
        c.out = out;
        c.id = "b";
        c.execute();
        assertTrue(printed().contains("Reason        onBar threw java.lang.IllegalStateException: boom (3 faults)"), printed());
        assertTrue(printed().contains("Cash          900.5"), printed());
        c.id = "zz";
        assertEquals("no strategy instance 'zz'", assertThrows(IllegalArgumentException.class, c::execute).getMessage());
    }

    @Test
    void accountTotalsAreExactSums() {
        ShowAccountCommand c = new ShowAccountCommand();
        c.runtime = runtime;
        c.out = out;
        c.noFormat = true;
        c.execute();
        String total = printed().lines().filter(l -> l.startsWith("TOTAL")).findFirst().orElseThrow();
        assertEquals("TOTAL\t2000\t1801.0\t2000\t0", total.replaceAll("\\s*\t\\s*", "\t").trim());
    }

    @Test
    void startAndStopGoToTheRuntime() {
        StopStrategyCommand stop = new StopStrategyCommand();
        stop.runtime = runtime;
        stop.out = out;
        stop.id = "a";
        stop.execute();
        StartStrategyCommand start = new StartStrategyCommand();
        start.runtime = runtime;
        start.out = out;
        start.id = "b";
        start.execute();
        assertEquals(List.of("stop a", "start b"), runtime.calls);
    }

    @Test
    void feedsAndVenues() {
        ListFeedsCommand feeds = new ListFeedsCommand();
        feeds.runtime = runtime;
        feeds.out = out;
        feeds.noFormat = true;
        feeds.execute();
        ListVenuesCommand venues = new ListVenuesCommand();
        venues.runtime = runtime;
        venues.out = out;
        venues.noFormat = true;
        venues.execute();
        List<String> lines = printed().lines().map(l -> l.replaceAll("\\s*\t\\s*", "\t").trim()).toList();
        assertTrue(lines.get(0).matches("live\ttrue\tAAPL\t0\ttrue\t12 ms\t\\d{4} ms ago\t2\t1"), lines.get(0));
        lines = lines.subList(1, lines.size());
        assertEquals(List.of("synthetic\ttrue\tSYN1,SYN2\t42", "sim\ttrue\t2\tMARKET,LIMIT,STOP\ttrue\ttrue\ttrue\tcommission: 1 bps of notional"), lines);
    }
}
