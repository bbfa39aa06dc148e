package io.quiver.feed.csv;

/**
 * A row of a data file could not be read. The message names the file, the 1-based line and, where one
 * field is at fault, the 1-based column and its name.
 */
public final class CsvFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final int column;

    public CsvFormatException(String file, long line, int column, String columnName, String problem) {
        super(file + ":" + line + (column > 0 ? ": column " + column + (columnName == null ? "" : " (" + columnName + ")") : "")
                + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    /** 1-based column, or 0 when the whole row is at fault. */
    public int column() {
        return column;
    }
}
