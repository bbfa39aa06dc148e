package io.quiver.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Pattern RESTORED = Pattern.compile("(\\d+) closes restored");
    private static Path home;
    private static int sshPort;
    private Process karaf;

    @BeforeClass
    public static void unpack() throws Exception {
        Path dir = Path.of("target/process-it").toAbsolutePath();
        if (Files.exists(dir)) {
            run(dir.getParent(), Duration.ofSeconds(60), "rm", "-rf", dir.toString());
        }
        Files.createDirectories(dir);
        run(dir, Duration.ofSeconds(60), "tar", "xzf", new File(System.getProperty("quiver.distribution")).getAbsolutePath());
        try (var s = Files.list(dir)) {
            home = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        sshPort = QuiverTestSupport.freePort();
        replaceLine(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", "sshPort = " + sshPort);
        replaceLine(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", "rmiRegistryPort = " + QuiverTestSupport.freePort());
        replaceLine(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", "rmiServerPort = " + QuiverTestSupport.freePort());
        replaceLine(home.resolve("etc/io.quiver.feed.synthetic.cfg"), "interval", "interval = PT0.05S");
        Files.writeString(home.resolve("etc/users.properties"), "\nit = it-secret,_g_:admingroup\n", java.nio.file.StandardOpenOption.APPEND);
    }

    @After
    public void stopKaraf() throws Exception {
        if (karaf != null && karaf.isAlive()) {
            karaf.destroy();
            if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
                karaf.destroyForcibly();
            }
        }
    }

    @Test
    public void backtestScriptRunsWithoutKarafAndRepeatsItselfByteForByte() throws Exception {
        Result a = run(home, WAIT, "bin/quiver-backtest", "--output", "data/cli-a.json", "sma", "fast=10", "slow=30", "size=100");
        Result b = run(home, WAIT, "bin/quiver-backtest", "--output", "data/cli-b.json", "sma", "fast=10", "slow=30", "size=100");
        assertEquals(a.output, 0, a.exit);
        assertEquals(b.output, 0, b.exit);
        assertTrue(a.output, a.output.contains("final equity   102646.065200 (start 100000)"));
        assertArrayEquals(Files.readAllBytes(home.resolve("data/cli-a.json")), Files.readAllBytes(home.resolve("data/cli-b.json")));
        Result bad = run(home, WAIT, "bin/quiver-backtest", "sma", "fsat=3");
        assertEquals(2, bad.exit);
        assertTrue(bad.output, bad.output.contains("error: unknown parameter 'fsat'; known: fast, size, slow"));
    }

    @Test
    public void replayScriptGeneratesAndReplaysAnOrderBookCommandFile() throws Exception {
        Result gen = run(home, WAIT, "bin/quiver-replay", "--generate", "data/commands.csv", "--resting", "100", "--commands", "20000");
        assertEquals(gen.output, 0, gen.exit);
        Result replay = run(home, WAIT, "bin/quiver-replay", "--warmup", "1", "--depth", "2", "data/commands.csv");
        assertEquals(replay.output, 0, replay.exit);
        assertTrue(replay.output, replay.output.contains("commands       20,100"));
        assertTrue(replay.output, replay.output.contains("final book     side price total orders"));
        Files.writeString(home.resolve("data/bad-commands.csv"), "PLACE,1,1,BUY,LIMIT,GTC,x,,1\n");
        Result bad = run(home, WAIT, "bin/quiver-replay", "data/bad-commands.csv");
        assertEquals(2, bad.exit);
        assertTrue(bad.output, bad.output.contains("bad-commands.csv:1: column 7: 'x' is not a whole number"));
    }

    @Test
    public void paperTradesIsScriptableAndKeepsStateAcrossARestart() throws Exception {
        Path log = home.resolve("data/log/karaf.log");
        start();
        awaitLog(log, "strategy sma-demo (io.quiver.strategy.sma) started", 1);
        Result list = client("strategy:list --no-format");
        assertEquals(list.output, 0, list.exit);
        assertTrue(list.output, list.output.contains("sma-demo") && list.output.contains("RUNNING"));
        Result missing = client("strategy:info no-such-instance");
        assertEquals(1, missing.exit);
        assertTrue(missing.output, missing.output.contains("no strategy instance 'no-such-instance'"));

        // Let it see enough bars to fill its slow average, then stop the whole runtime.
        awaitOrders(5);
        Result stop = run(home, WAIT, "bin/stop");
        assertEquals(stop.output, 0, stop.exit);
        assertTrue("karaf stops", karaf.waitFor(60, TimeUnit.SECONDS));
        assertTrue(Files.readString(log).contains("strategy sma-demo stopped"));

        start();
        // The strategy logs what it restored from its own thread, after the runtime's "started" line: wait for that.
        awaitLog(log, "closes restored", 2);
        int restored = lastRestored(log);
        assertEquals("the instance restored its full slow window", 20, restored);
    }

    private void awaitOrders(int atLeast) throws Exception {
        QuiverTestSupport.await(WAIT, atLeast + " orders of sma-demo", () -> orderCount() >= atLeast);
    }

    private long orderCount() {
        try {
            return client("order:list --no-format -s sma-demo").output.lines().filter(l -> l.startsWith("sma-demo-")).count();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bin/karaf", "server").directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        // exec: the JVM replaces the script, so a signal from the test reaches Karaf itself.
        pb.environment().put("KARAF_EXEC", "exec");
        karaf = pb.start();
    }

    private Result client(String command) throws Exception {
        return run(home, WAIT, "bin/client", "-r", "30", "-d", "1", "-a", Integer.toString(sshPort), "-u", "it", "-p", "it-secret", command);
    }

    private static int lastRestored(Path log) throws IOException {
        Matcher m = RESTORED.matcher(Files.readString(log));
        int last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }

    private static void awaitLog(Path log, String text, int occurrences) throws Exception {
        QuiverTestSupport.await(WAIT, "'" + text + "' logged " + occurrences + " times", () -> {
            try {
                return Files.exists(log) && countOf(Files.readString(log), text) >= occurrences;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static int countOf(String s, String text) {
        int n = 0;
        for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    private static void replaceLine(Path file, String key, String line) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith(key)) {
                lines.set(i, line);
                found = true;
            }
        }
        if (!found) {
            lines.add(line);
        }
        Files.write(file, lines);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, Duration timeout, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
