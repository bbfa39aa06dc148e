package io.quiver.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.spi.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import org.apache.karaf.shell.api.console.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptSecretCommandTest {
    @TempDir
    Path home;

    @AfterEach
    void forgetTheHome() {
        System.clearProperty("karaf.base");
    }

    /** A shell session whose readLine answers {@code typed}, or has no terminal when it is null. */
    private static Session session(String typed) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class}, (p, m, a) -> {
            if (m.getName().equals("readLine")) {
                if (typed == null) {
                    throw new UnsupportedOperationException();
                }
                return typed;
            }
            throw new AssertionError("not expected: " + m);
        });
    }

    private static String run(Session s) throws Exception {
        EncryptSecretCommand c = new EncryptSecretCommand();
        c.session = s;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        c.out = new PrintStream(bytes, true);
        c.execute();
        return bytes.toString().trim();
    }

    @Test
    void theSecretTypedComesOutEncryptedUnderTheInstallationsKeyAndWithoutATerminalItSaysWhereToGo() throws Exception {
        System.setProperty("karaf.base", home.toString());
        String sealed = run(session("typed-secret"));
        assertTrue(Secrets.isEncrypted(sealed), sealed);
        assertFalse(sealed.contains("typed-secret"));
        assertEquals("typed-secret", Secrets.decrypt("password", sealed, Secrets.keyFile(home)));
        assertEquals("secret:encrypt asks for the secret on a terminal: run it in the shell, or bin/quiver-secret from a script", run(session(null)));
        assertEquals("nothing to encrypt", run(session("")));
    }
}
