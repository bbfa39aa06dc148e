package io.quiver.feed.csv;

import java.util.Locale;

/** The fields a schema can map; the schema key of each is {@code column.<key>}, e.g. {@code column.close}. */
public enum CsvField {
    DATETIME("datetime", "datetime", "timestamp"),
    DATE("date", "date"),
    TIME("time", "time"),
    OPEN("open", "open"),
    HIGH("high", "high"),
    LOW("low", "low"),
    CLOSE("close", "close"),
    VOLUME("volume", "volume"),
    BID("bid", "bid"),
    ASK("ask", "ask", "offer"),
    BID_SIZE("bid.size", "bidsize", "bid size", "vol bid"),
    ASK_SIZE("ask.size", "asksize", "ask size", "vol offer"),
    PRICE("price", "price", "last"),
    SIZE("size", "size", "quantity", "qty"),
    SYMBOL("symbol", "symbol", "ticker", "instrument");

    private final String key;
    private final String[] headerNames;

    CsvField(String key, String... headerNames) {
        this.key = key;
        this.headerNames = headerNames;
    }

    /** The part after {@code column.} in a schema file. */
    public String key() {
        return key;
    }

    /** Whether a header cell names this field when columns are detected from the header. */
    boolean matchesHeader(String cell) {
        String c = cell.trim().toLowerCase(Locale.ROOT);
        for (String n : headerNames) {
            if (n.equals(c)) {
                return true;
            }
        }
        return false;
    }

    public static CsvField ofKey(String key) {
        for (CsvField f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }
}
