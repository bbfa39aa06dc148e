package io.quiver.shell.internal;

import io.quiver.feed.csv.CsvFormatException;
import io.quiver.feed.csv.CsvSchemaException;
import java.io.IOException;

/** Runs a command's body so that the operator's mistakes reach the shell as {@link CommandException}s: one line, no stack trace. */
final class UserMistakes {
    private UserMistakes() {
    }

    /** The body of a command that reads or writes files. */
    @FunctionalInterface
    interface Reading {
        Object run() throws IOException;
    }

    static Object oneLine(java.util.function.Supplier<Object> body) {
        try {
            return body.get();
        } catch (IllegalArgumentException | CsvFormatException | CsvSchemaException e) {
            throw mistake(e);
        }
    }

    static Object oneLineReading(Reading body) throws IOException {
        try {
            return body.run();
        } catch (IllegalArgumentException | CsvFormatException | CsvSchemaException e) {
            throw mistake(e);
        }
    }

    private static CommandException mistake(RuntimeException e) {
        return e instanceof CommandException c ? c : new CommandException(e.getMessage(), e);
    }
}
