package io.quiver.sdk.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
    private static final String PLAIN = "s3cr3t-Pässword!";

    @TempDir
    Path home;

    @Test
    void aValueEncryptedUnderTheInstallationsKeyComesBackAndNeverShowsInTheText() throws Exception {
        Path key = Secrets.keyFile(home);
        String sealed = Secrets.encrypt(PLAIN, key);
        assertTrue(Secrets.isEncrypted(sealed), sealed);
        assertFalse(sealed.contains(PLAIN));
        assertNotEquals(sealed, Secrets.encrypt(PLAIN, key), "a fresh IV each time");
        assertEquals(PLAIN, Secrets.decrypt("password", sealed, key));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
    }

    @Test
    void aPlainOrChangedValueOrAnotherKeyIsRefusedNamingTheKeyAndNotTheValue() {
        Path key = Secrets.keyFile(home);
        String sealed = Secrets.encrypt(PLAIN, key);
        assertEquals("password: store it encrypted, as ENC(...): secret:encrypt in the shell or bin/quiver-secret gives the value",
                assertThrows(IllegalArgumentException.class, () -> Secrets.decrypt("password", PLAIN, key)).getMessage());
        char[] c = sealed.toCharArray();
        c[10] = c[10] == 'A' ? 'B' : 'A';
        String changed = new String(c);
        String refused = assertThrows(IllegalArgumentException.class, () -> Secrets.decrypt("password", changed, key)).getMessage();
        assertTrue(refused.startsWith("password: the key in ") && refused.contains("cannot open it"), refused);
        Path other = Secrets.keyFile(home.resolve("other"));
        String elsewhere = Secrets.encrypt(PLAIN, other);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Secrets.decrypt("password", elsewhere, key)).getMessage().contains("cannot open it"));
        assertEquals("password: the encrypted value is not readable (not base64); encrypt it again",
                assertThrows(IllegalArgumentException.class, () -> Secrets.decrypt("password", "ENC(***)", key)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Secrets.decrypt("password", sealed, home.resolve("none/quiver.key"))).getMessage()
                .startsWith("password: no secret key at "));
    }
}
