package io.quiver.shell.internal;

import io.quiver.sdk.spi.Secrets;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code secret:encrypt}: asks for a secret (not echoed, never an argument: arguments stay in the shell's
 * history) and prints it encrypted under this installation's key, to paste into a configuration as the
 * value of a key such as {@code password}. An administrator's command.
 */
@Service
@Command(scope = "secret", name = "encrypt", description = "Encrypts a secret (asked for, not echoed) for a configuration value: ENC(...)")
public class EncryptSecretCommand implements Action {
    @Reference
    Session session;

    PrintStream out = System.out;

    @Override
    public Object execute() throws Exception {
        String secret;
        try {
            secret = session.readLine("secret: ", '*');
        } catch (UnsupportedOperationException noTerminal) {
            // bin/client "secret:encrypt" runs without a terminal to ask on
            out.println("secret:encrypt asks for the secret on a terminal: run it in the shell, or bin/quiver-secret from a script");
            return null;
        }
        if (secret == null || secret.isEmpty()) {
            out.println("nothing to encrypt");
            return null;
        }
        out.println(Secrets.encrypt(secret, Secrets.keyFile()));
        return null;
    }
}
