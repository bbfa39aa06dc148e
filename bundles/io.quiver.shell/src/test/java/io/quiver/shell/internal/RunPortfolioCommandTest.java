package io.quiver.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPortfolioCommandTest {
    @TempDir
    Path dir;

    private RunPortfolioCommand command(RunBacktestCommandTest.RecordingService service, ByteArrayOutputStream bytes) {
        RunPortfolioCommand c = new RunPortfolioCommand();
        c.backtests = service;
        c.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        c.home = dir;
        c.dataDir = dir.resolve("data");
        return c;
    }

    @Test
    void readsThePlanAndWritesTheResultUnderItsName() throws Exception {
        Files.writeString(dir.resolve("two.cfg"), "data.orcl = samples/orcl-1995-2014.txt\ninstance.a.type = sma\ninstance.b.type = sma\n"
                + "instance.b.param.fast = 5\nallocator = inverse-volatility\n");
        RunBacktestCommandTest.RecordingService service = new RunBacktestCommandTest.RecordingService();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunPortfolioCommand c = command(service, bytes);
        c.plan = "two.cfg";
        c.report = true;
        c.execute();
        String html = Files.readString(dir.resolve("data/quiver/backtests/two.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<title>Portfolio two</title>"), html.substring(0, 200));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("report         " + dir.resolve("data/quiver/backtests/two.html")));
        assertEquals("two", service.plan.name());
        assertEquals("inverse-volatility", service.plan.allocator());
        assertEquals(java.util.Map.of("fast", "5"), service.plan.instances().get(1).parameters());
        assertEquals("{\"portfolio\": \"two\"}\n", Files.readString(dir.resolve("data/quiver/backtests/two.json")));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("portfolio      two: 0 instances"), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMistakeInThePlanIsOneLineNamingTheKey() throws Exception {
        Files.writeString(dir.resolve("bad.cfg"), "data.orcl = samples/orcl-1995-2014.txt\ninstance.a.type = sma\ncash = lots\n");
        RunPortfolioCommand c = command(new RunBacktestCommandTest.RecordingService(), new ByteArrayOutputStream());
        c.plan = "bad.cfg";
        CommandException e = assertThrows(CommandException.class, c::execute);
        assertEquals(dir.resolve("bad.cfg") + ": cash: 'lots' is not a decimal number", e.getMessage());
        c.plan = "missing.cfg";
        assertEquals("no plan file " + dir.resolve("missing.cfg"), assertThrows(CommandException.class, c::execute).getMessage());
        c.plan = "../elsewhere.cfg";
        assertEquals("../elsewhere.cfg: only an admin may run a plan from outside the Quiver home",
                assertThrows(CommandException.class, c::execute).getMessage());
    }
}
