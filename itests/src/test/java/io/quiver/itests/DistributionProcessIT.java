package io.quiver.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.quiver.itests.KarafProcess.Result;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The distribution as an operator runs it: unpacked, started as a process, scripted through
 * Karaf's bin/client with no terminal (as from a script), stopped and started again; and bin/quiver-backtest
 * without Karaf.
 */
public class DistributionProcessIT {
    private static final Duration WAIT = KarafProcess.WAIT;
    private static final Pattern RESTORED = Pattern.compile("(\\d+) closes restored");
    private static KarafProcess karaf;

    @BeforeClass
    public static void unpack() throws Exception {
        karaf = new KarafProcess("process-it", "PT0.05S");
    }

    @After
    public void stopKaraf() throws Exception {
        karaf.destroy();
    }

    @Test
    public void backtestScriptRunsWithoutKarafAndRepeatsItselfByteForByte() throws Exception {
        Result a = karaf.script("bin/quiver-backtest", "--output", "data/cli-a.json", "sma", "fast=10", "slow=30", "size=100");
        Result b = karaf.script("bin/quiver-backtest", "--output", "data/cli-b.json", "sma", "fast=10", "slow=30", "size=100");
        assertEquals(a.output(), 0, a.exit());
        assertEquals(b.output(), 0, b.exit());
        assertTrue(a.output(), a.output().contains("final equity   102646.065200 (start 100000)"));
        assertArrayEquals(Files.readAllBytes(karaf.home.resolve("data/cli-a.json")), Files.readAllBytes(karaf.home.resolve("data/cli-b.json")));
        // A data set ingested once into the catalog backtests to the same figures as its file, and a second ingest is a no-op.
        Result ingest = karaf.script("bin/quiver-data", "ingest", "samples/orcl-1995-2014.txt");
        assertEquals(ingest.output(), 0, ingest.exit());
        assertTrue(ingest.output(), ingest.output().contains("5,036 rows  ingested"));
        Result again = karaf.script("bin/quiver-data", "ingest", "samples/orcl-1995-2014.txt");
        assertTrue(again.output(), again.output().contains("stored already (same SHA-256)"));
        // (the shell's short option names work here too)
        Result fromCatalog = karaf.script("bin/quiver-backtest", "-d", "catalog:orcl-1995-2014", "-o", "data/cli-cat.json", "sma",
                "fast=10", "slow=30", "size=100");
        assertEquals(fromCatalog.output(), 0, fromCatalog.exit());
        assertTrue(fromCatalog.output(), fromCatalog.output().contains("fills          195 (orders 195)"));
        assertTrue(fromCatalog.output(), fromCatalog.output().contains("final equity   102646.065200 (start 100000)"));
        assertTrue("-o names the result file", Files.isRegularFile(karaf.home.resolve("data/cli-cat.json")));
        Result missing = karaf.script("bin/quiver-backtest", "--data", "catalog:nothing", "sma");
        assertEquals(missing.output(), 2, missing.exit());
        // Relative paths are the shell's current directory's, not the Quiver home's.
        java.nio.file.Path elsewhere = Files.createDirectories(karaf.home.resolve("data/elsewhere"));
        Files.copy(karaf.home.resolve("samples/orcl-1995-2014.txt"), elsewhere.resolve("orcl.txt"));
        Result here = KarafProcess.run(elsewhere, WAIT, "../../bin/quiver-backtest", "--data", "orcl.txt", "--output", "here.json", "sma");
        assertEquals(here.output(), 0, here.exit());
        assertTrue("the result is written where the user stands", Files.isRegularFile(elsewhere.resolve("here.json")));
        assertTrue(here.output(), !here.output().contains("JAVA_HOME"));
        // Venue types come from the venue jars (ServiceLoader), with their settings.
        Result onExchange = karaf.script("bin/quiver-backtest", "--venue", "exchange", "-V", "seed=7", "--output", "data/cli-ex.json",
                "sma");
        assertEquals(onExchange.output(), 0, onExchange.exit());
        Result noVenue = karaf.script("bin/quiver-backtest", "--venue", "nyse", "sma");
        assertEquals(noVenue.output(), 2, noVenue.exit());
        assertTrue(noVenue.output(), noVenue.output().contains("venue: 'nyse' is not installed; installed: [exchange, sim]"));
        Result bad = karaf.script("bin/quiver-backtest", "sma", "fsat=3");
        assertEquals(2, bad.exit());
        assertTrue(bad.output(), bad.output().contains("error: unknown parameter 'fsat'; known: fast, invest, samples, size, slow"));
    }

    @Test
    public void replayScriptGeneratesAndReplaysAnOrderBookCommandFile() throws Exception {
        Result gen = karaf.script("bin/quiver-replay", "--generate", "data/commands.csv", "--resting", "100", "--commands", "20000");
        assertEquals(gen.output(), 0, gen.exit());
        Result replay = karaf.script("bin/quiver-replay", "--warmup", "1", "--depth", "2", "data/commands.csv");
        assertEquals(replay.output(), 0, replay.exit());
        assertTrue(replay.output(), replay.output().contains("commands       20,100"));
        assertTrue(replay.output(), replay.output().contains("final book     side price total orders"));
        Result missing = karaf.script("bin/quiver-replay", "no-such-commands.csv");
        assertEquals(missing.output(), 2, missing.exit());
        assertTrue(missing.output(), missing.output().contains("no-such-commands.csv: no such file"));
        Result negative = karaf.script("bin/quiver-replay", "--generate", "data/neg.csv", "--commands", "-5");
        assertEquals(negative.output(), 2, negative.exit());
        assertTrue(negative.output(), negative.output().contains("--commands -5 must be at least 1"));
        Files.writeString(karaf.home.resolve("data/bad-commands.csv"), "PLACE,1,1,BUY,LIMIT,GTC,x,,1\n");
        Result bad = karaf.script("bin/quiver-replay", "data/bad-commands.csv");
        assertEquals(2, bad.exit());
        assertTrue(bad.output(), bad.output().contains("bad-commands.csv:1: column 7: 'x' is not a whole number"));
    }

    @Test
    public void paperTradesIsScriptableAndKeepsStateAcrossARestart() throws Exception {
        karaf.start();
        karaf.awaitLog("strategy sma-demo (io.quiver.strategy.sma) started", 1);
        // A first boot is quiet: not one warning or error (the deploy/ strategies no longer race the SDK).
        // One warning is Karaf's own, not Quiver's: when the boot features refresh felix.scr (to wire it to the shell),
        // Aries JMX sometimes has a notification for the restarting bundles rejected by its stopped dispatcher.
        List<String> complaints = karaf.logText().lines().filter(l -> l.contains("| WARN ") || l.contains("| ERROR "))
                .filter(l -> !(l.contains("org.apache.aries.jmx.core") && l.contains("Task rejected for JMX Notification dispatch"))).toList();
        assertEquals("warnings on a first boot: " + complaints, List.of(), complaints);
        // Nothing is installed from deploy/ until the boot features are: the two at once can fail the boot.
        String boot = karaf.logText();
        int open = boot.indexOf("boot features installed: deploy/ is open");
        int installed = boot.indexOf("Installing bundle io.quiver.examples.sma");
        assertTrue("deploy/ opened at boot: " + open + ", the sample installed from it: " + installed, open >= 0 && installed > open);
        // It greets as Quiver, naming both versions, and Karaf's own version stays one command away.
        String greeting = karaf.terminalSession();
        assertTrue(greeting, greeting.contains("Quiver\u001B[0m " + System.getProperty("project.version") + ", a trading-strategy runtime on Apache Karaf " + System.getProperty("karaf.version")));
        assertTrue(greeting, greeting.contains("it\u001B[0m@quiver()>"));
        assertEquals(System.getProperty("karaf.version"), karaf.client("version").output().trim());
        Result list = karaf.client("strategy:list --no-format");
        assertEquals(list.output(), 0, list.exit());
        assertTrue(list.output(), list.output().contains("sma-demo") && list.output().contains("RUNNING"));
        Result missing = karaf.client("strategy:info no-such-instance");
        assertEquals(1, missing.exit());
        assertTrue(missing.output(), missing.output().contains("no strategy instance 'no-such-instance'"));

        // Let it see enough bars to fill its slow average, then stop the whole runtime.
        QuiverTestSupport.await(WAIT, "5 orders of sma-demo", () -> orderCount() >= 5);
        Result stop = karaf.stop();
        assertEquals(stop.output(), 0, stop.exit());
        assertTrue(karaf.logText().contains("strategy sma-demo stopped"));

        karaf.start();
        // The strategy logs what it restored from its own thread, after the runtime's "started" line: wait for that.
        karaf.awaitLog("closes restored", 2);
        assertEquals("the instance restored its full slow window", 20, lastRestored(karaf.logText()));
    }

    private long orderCount() {
        try {
            return karaf.client("order:list --no-format -s sma-demo").output().lines().filter(l -> l.startsWith("sma-demo-")).count();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int lastRestored(String log) {
        Matcher m = RESTORED.matcher(log);
        int last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }
}
