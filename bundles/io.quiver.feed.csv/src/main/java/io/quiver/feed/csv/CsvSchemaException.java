package io.quiver.feed.csv;

/** A schema mapping is invalid; the message names the offending key. */
public final class CsvSchemaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public CsvSchemaException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
