package io.quiver.shell.internal;

import io.quiver.sdk.spi.Secrets;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code bin/quiver-secret}: {@code secret:encrypt} while Quiver is stopped. The secret is read from the
 * terminal without echo, or from the first line of standard input (for scripts), never from the command line.
 */
public final class SecretCommandLine {
    private SecretCommandLine() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("quiver.home", "."));
        Console console = System.console();
        String secret;
        if (console != null) {
            char[] typed = console.readPassword("secret: ");
            secret = typed == null ? null : new String(typed);
        } else {
            secret = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (secret == null || secret.isEmpty()) {
            System.err.println("error: nothing to encrypt");
            System.exit(2);
        }
        System.out.println(Secrets.encrypt(secret, Secrets.keyFile(home)));
    }
}
