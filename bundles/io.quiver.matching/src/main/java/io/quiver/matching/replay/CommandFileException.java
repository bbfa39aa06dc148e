package io.quiver.matching.replay;

/** A command file line could not be read; the message names file, line and (where one is at fault) column. */
public final class CommandFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandFileException(String file, long line, int column, String problem) {
        super(file + ":" + line + (column > 0 ? ": column " + column : "") + ": " + problem);
    }
}
