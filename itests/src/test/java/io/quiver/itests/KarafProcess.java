package io.quiver.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The distribution unpacked into its own folder and run as an operator runs it: started as a process,
 * scripted through bin/client on a free SSH port, stopped, or killed with SIGKILL.
 */
final class KarafProcess {
    static final Duration WAIT = Duration.ofSeconds(90);
    final Path home;
    final Path log;
    private final int sshPort;
    private Process karaf;

    record Result(int exit, String output) {
    }

    /** Unpacks the distribution into {@code target/<folder>} with free ports, a login and a feed bar every {@code barInterval}. */
    KarafProcess(String folder, String barInterval) throws Exception {
        Path dir = Path.of("target", folder).toAbsolutePath();
        if (Files.exists(dir)) {
            run(dir.getParent(), Duration.ofSeconds(60), "rm", "-rf", dir.toString());
        }
        Files.createDirectories(dir);
        run(dir, Duration.ofSeconds(60), "tar", "xzf", new File(System.getProperty("quiver.distribution")).getAbsolutePath());
        try (var s = Files.list(dir)) {
            home = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        log = home.resolve("data/log/karaf.log");
        sshPort = QuiverTestSupport.freePort();
        replaceLine("etc/org.apache.karaf.shell.cfg", "sshPort", "sshPort = " + sshPort);
        replaceLine("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", "rmiRegistryPort = " + QuiverTestSupport.freePort());
        replaceLine("etc/org.apache.karaf.management.cfg", "rmiServerPort", "rmiServerPort = " + QuiverTestSupport.freePort());
        replaceLine("etc/io.quiver.feed.synthetic.cfg", "interval", "interval = " + barInterval);
        Files.writeString(home.resolve("etc/users.properties"), "\nit = it-secret,_g_:admingroup\n", StandardOpenOption.APPEND);
    }

    void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bin/karaf", "server").directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        // exec: the JVM replaces the script, so a signal from the test reaches Karaf itself.
        pb.environment().put("KARAF_EXEC", "exec");
        karaf = pb.start();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing saved on the way out. */
    void kill() throws InterruptedException {
        karaf.destroyForcibly();
        if (!karaf.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("karaf did not die within 60 s of SIGKILL");
        }
    }

    /** bin/stop, waiting until the process has gone. */
    Result stop() throws Exception {
        Result r = run(home, WAIT, "bin/stop");
        if (!karaf.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("karaf did not stop within 60 s");
        }
        return r;
    }

    boolean isAlive() {
        return karaf != null && karaf.isAlive();
    }

    /** Stops a process a test left running. */
    void destroy() throws InterruptedException {
        if (isAlive()) {
            karaf.destroy();
            if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
                karaf.destroyForcibly();
            }
        }
    }

    Result client(String command) throws Exception {
        return clientAs("it", "it-secret", command);
    }

    /**
     * Runs one command through bin/client. Right after a start the SSH server can accept a connection and
     * close the session before the shell is ready ("Session is being closed"); that, and only that, is
     * tried again until the shell keeps the session open (at most {@link #WAIT}).
     */
    Result clientAs(String user, String password, String command) throws Exception {
        Result[] r = new Result[1];
        QuiverTestSupport.await(WAIT, "a session the shell keeps open for " + command, () -> {
            try {
                r[0] = run(home, WAIT, "bin/client", "-r", "30", "-d", "1", "-a", Integer.toString(sshPort), "-u", user, "-p", password,
                        command);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return !r[0].output().contains("Session is being closed");
        });
        return r[0];
    }

    /**
     * An interactive bin/client session on a pseudo-terminal (util-linux {@code script}), as an operator
     * at a terminal sees it: everything up to the first prompt, then {@code logout}.
     */
    String terminalSession() throws Exception {
        String client = "bin/client -a " + sshPort + " -u it -p it-secret";
        Process p = new ProcessBuilder("script", "-qec", client, "/dev/null").directory(home.toFile()).redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        try (var in = p.getInputStream(); var out = p.getOutputStream()) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            byte[] buf = new byte[4096];
            while (!seen.toString().contains("@quiver()>")) {
                int n = in.read(buf);
                if (n < 0 || System.nanoTime() > deadline) {
                    throw new AssertionError("no prompt from an interactive session: " + seen);
                }
                seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
            out.write("logout\r".getBytes(StandardCharsets.UTF_8));
            out.flush();
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the interactive session did not end after logout");
        }
        return seen.toString();
    }

    int sshPort() {
        return sshPort;
    }

    Result script(String... command) throws Exception {
        return run(home, WAIT, command);
    }

    /** Every committed record of one of the distribution's journals, through bin/quiver-journal (Karaf stopped). */
    List<String> journal(String name) throws Exception {
        Result r = script("bin/quiver-journal", name);
        if (r.exit() != 0) {
            throw new AssertionError("bin/quiver-journal " + name + " failed: " + r.output());
        }
        return r.output().lines().filter(l -> !l.isEmpty()).toList();
    }

    /** {@code strategy:list --no-format} as an operator's script reads it (unchecked, for polling). */
    String strategyList() {
        try {
            return client("strategy:list --no-format").output();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The open orders column of {@code strategy:list} for one instance; -1 if it is not listed. */
    int openOrders(String instance) {
        for (String line : strategyList().lines().toList()) {
            String[] f = line.split("\t");
            if (f.length > 7 && f[0].equals(instance)) {
                return Integer.parseInt(f[7].trim());
            }
        }
        return -1;
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    void awaitLog(String text, int occurrences) throws Exception {
        QuiverTestSupport.await(WAIT, "'" + text + "' logged " + occurrences + " times", () -> {
            try {
                return countOf(logText(), text) >= occurrences;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static int countOf(String s, String text) {
        int n = 0;
        for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    void replaceLine(String file, String key, String line) throws IOException {
        Path path = home.resolve(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(path));
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
        Files.write(path, lines);
    }

    static Result run(Path dir, Duration timeout, String... command) throws Exception {
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
