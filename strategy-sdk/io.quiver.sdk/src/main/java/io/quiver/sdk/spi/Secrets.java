package io.quiver.sdk.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secret settings (API keys, passwords) kept encrypted in {@code etc/}: a configuration holds
 * {@code ENC(...)}, AES-256-GCM under a key of the installation's own in {@code secrets/quiver.key}
 * (outside {@code etc/}, readable by its owner only, made on first use). {@code secret:encrypt} in the
 * shell and {@code bin/quiver-secret} give the value to paste; only the bundle that uses a secret
 * decrypts it, when it needs it. A value that is not encrypted, or that this key cannot open, is refused
 * with a message that never contains it.
 */
public final class Secrets {
    private static final String PREFIX = "ENC(";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** The installation's key file: {@code secrets/quiver.key} under the Quiver home. */
    public static Path keyFile(Path home) {
        return home.resolve("secrets").resolve("quiver.key");
    }

    /** The key file of the running installation ({@code karaf.base}, else {@code quiver.home}, else the working directory). */
    public static Path keyFile() {
        return keyFile(Path.of(System.getProperty("karaf.base", System.getProperty("quiver.home", "."))));
    }

    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX) && value.endsWith(")");
    }

    /** {@code plain} encrypted as {@code ENC(...)}, under the key in {@code keyFile} (made if there is none). */
    public static String encrypt(String plain, Path keyFile) {
        byte[] key = key("", keyFile, true);
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out) + ")";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The plain value of the setting {@code key} ({@code ENC(...)}); refused, naming the key and never the
     * value, when it is not encrypted or the installation's key cannot open it.
     */
    public static String decrypt(String settingKey, String value, Path keyFile) {
        if (!isEncrypted(value)) {
            throw new IllegalArgumentException(settingKey + ": store it encrypted, as ENC(...): secret:encrypt in the shell or bin/quiver-secret gives the value");
        }
        byte[] key = key(settingKey + ": ", keyFile, false);
        try {
            byte[] in = Base64.getDecoder().decode(value.substring(PREFIX.length(), value.length() - 1));
            if (in.length <= IV_BYTES) {
                throw new IllegalArgumentException(settingKey + ": the encrypted value is cut short; encrypt it again");
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(settingKey + ":")) {
                throw e;
            }
            throw new IllegalArgumentException(settingKey + ": the encrypted value is not readable (not base64); encrypt it again");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(settingKey + ": the key in " + keyFile + " cannot open it (encrypted under another key, or changed);"
                    + " encrypt it again with this installation's secret:encrypt");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] key(String setting, Path file, boolean create) {
        try {
            if (!Files.exists(file)) {
                if (!create) {
                    throw new IllegalArgumentException(setting + "no secret key at " + file + ": encrypt the value with this installation's secret:encrypt");
                }
                makeKey(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (key.length != 32) {
                throw new IllegalArgumentException("the secret key " + file + " is not a 256-bit key");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secret key " + file + ": " + e.getMessage(), e);
        }
    }

    private static void makeKey(Path file) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        Path tmp = Files.createTempFile(dir, "quiver", ".key");
        try {
            if (posix) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.move(tmp, file); // not replacing: two first uses at once keep one key
            } catch (FileAlreadyExistsException e) {
                Files.delete(tmp);
            }
        } finally {
            Arrays.fill(key, (byte) 0);
            Files.deleteIfExists(tmp);
        }
    }
}
