package io.quiver.shell.internal;

/**
 * An operator's mistake (a bad option, an unknown id, an order the books refuse), said in one line. Named
 * so on purpose: Karaf's shell prints an exception whose class is called {@code CommandException} as its
 * message and logs it at DEBUG, where it logs every other exception at ERROR with a stack trace. A
 * mistake is not a fault of the runtime and must not fill its log.
 */
final class CommandException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
