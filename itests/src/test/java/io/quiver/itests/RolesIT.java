package io.quiver.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.quiver.itests.KarafProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.Test;

/**
 * Locked down by default, tried through bin/client as each role: a viewer reads but may not trade, a
 * trader trades but may not reset the kill switch or compact the journal, an admin may; refusals say
 * "Insufficient credentials." with exit code 1. SSH listens on loopback only, logins are audited, and the
 * passwords file is the owner's only and holds salted hashes.
 */
public class RolesIT extends KarafProcessTestSupport {


    @Test
    public void eachRoleMayDoItsPartAndIsToldClearlyWhatItMayNot() throws Exception {
        karaf = new KarafProcess("roles-it", "PT0.2S");
        for (String[] user : List.of(new String[] {"vera", "viewer"}, new String[] {"tom", "trader"}, new String[] {"ada", "admin"})) {
            Result added = KarafProcess.run(karaf.home, KarafProcess.WAIT, "sh", "-c",
                    "printf '" + user[0] + "-password\\n' | bin/quiver-operator " + user[0] + " " + user[1]);
            assertEquals(added.output(), 0, added.exit());
        }
        karaf.start();
        karaf.awaitLog("reconciliation with venue sim:", 1);
        karaf.awaitLog(SMA_DEMO_STARTED, 1);

        allowed("vera", "strategy:list");
        allowed("vera", "order:list");
        allowed("vera", "risk:status");
        allowed("vera", "risk:limits");
        refused("vera", "order:submit -s sma-demo BUY 1 SYN1 limit 1.00");
        refused("vera", "order:cancel --all");
        refused("vera", "strategy:stop sma-demo");
        refused("vera", "risk:kill --reason viewer");
        refused("vera", "backtest:run sma");
        refused("vera", "shell:tac -f etc/users.properties");

        Result entered = allowed("tom", "order:submit -s sma-demo BUY 1 SYN1 limit 1.00");
        assertTrue(entered.output(), entered.output().contains("ACCEPTED"));
        allowed("tom", "order:cancel --all -s sma-demo");
        refused("tom", "risk:reset");
        refused("tom", "order:compact");
        Result outside = karaf.clientAs("tom", "tom-password", "backtest:run --output ../../../etc/users.properties sma");
        assertEquals(outside.output(), 1, outside.exit());
        assertTrue(outside.output(), outside.output().contains("leads outside"));

        // An operator's mistake is one line on the console and no stack trace in the log.
        Result mistake = karaf.clientAs("vera", "vera-password", "order:list -n -1");
        assertEquals(mistake.output(), 1, mistake.exit());
        assertTrue(mistake.output(), mistake.output().contains("-n: the number of orders must be 0 or more, was -1"));
        assertFalse("a mistake is not logged as an error", karaf.logText().contains("the number of orders must be 0 or more"));

        allowed("ada", "risk:reset");
        allowed("ada", "order:compact");

        // Without a terminal and without a password or key the client says how to log in.
        Result noLogin = KarafProcess.run(karaf.home, KarafProcess.WAIT, "bin/client", "-a", Integer.toString(karaf.sshPort()), "strategy:list");
        assertEquals(noLogin.output(), 2, noLogin.exit());
        assertTrue(noLogin.output(), noLogin.output().contains("without a terminal give a login: -u <user> with a key"));

        Result wrong = karaf.clientAs("vera", "not-her-password", "strategy:list");
        assertTrue(wrong.output(), wrong.exit() != 0);
        String security = Files.readString(karaf.home.resolve("data/log/security.log"));
        assertTrue(security, security.contains("Authentication failed - vera"));
        assertTrue(security, security.contains("Authentication succeeded - ada"));

        Path users = karaf.home.resolve("etc/users.properties");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(users));
        String logins = Files.readString(users);
        assertFalse("no password is kept in clear: " + logins, logins.contains("vera-password"));
        assertTrue(logins, logins.contains("vera = {CRYPT}"));

        String listeners = Files.readString(Path.of("/proc/net/tcp")) + Files.readString(Path.of("/proc/net/tcp6"));
        String port = String.format(Locale.ROOT, ":%04X ", karaf.sshPort());
        List<String> ssh = listeners.lines().filter(l -> l.contains(port) && l.trim().split("\\s+")[3].equals("0A")).toList();
        assertFalse("SSH listens on port " + karaf.sshPort(), ssh.isEmpty());
        for (String l : ssh) {
            String local = l.trim().split("\\s+")[1];
            assertTrue("SSH listens on loopback only: " + l, local.startsWith("0100007F:") || local.startsWith("0000000000000000FFFF00000100007F:")
                    || local.startsWith("00000000000000000000000001000000:"));
        }
    }

    private Result allowed(String user, String command) throws Exception {
        Result r = karaf.clientAs(user, user + "-password", command);
        assertEquals(user + " may run " + command + ": " + r.output(), 0, r.exit());
        assertFalse(r.output(), r.output().contains("Insufficient credentials"));
        assertFalse("no warning on the client's output: " + r.output(), r.output().contains("JAVA_HOME not set"));
        return r;
    }

    private void refused(String user, String command) throws Exception {
        Result r = karaf.clientAs(user, user + "-password", command);
        assertEquals(user + " may not run " + command + ": " + r.output(), 1, r.exit());
        assertTrue(r.output(), r.output().contains("Insufficient credentials."));
    }
}
