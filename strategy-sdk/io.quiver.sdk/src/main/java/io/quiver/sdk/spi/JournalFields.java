package io.quiver.sdk.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * Records for a {@link VenueStore} or a journal as tab-separated text: readable with {@code less},
 * exact for decimals, and stable across versions. Tabs, newlines and backslashes in values are escaped; null is written as {@code \0}.
 */
public final class JournalFields {
    private final StringBuilder out = new StringBuilder(96);
    private boolean first = true;

    public static JournalFields record(String type) {
        return new JournalFields().add(type);
    }

    public JournalFields add(Object value) {
        if (!first) {
            out.append('\t');
        }
        first = false;
        if (value == null) {
            out.append("\\0");
            return this;
        }
        String s = value.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                default -> out.append(c);
            }
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** Splits a record into its values, undoing the escapes; {@code \0} becomes null. */
    public static List<String> parse(String record) {
        List<String> values = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean isNull = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (c == '\t') {
                values.add(isNull ? null : cur.toString());
                cur.setLength(0);
                isNull = false;
            } else if (c == '\\' && i + 1 < record.length()) {
                char n = record.charAt(++i);
                switch (n) {
                    case 't' -> cur.append('\t');
                    case 'n' -> cur.append('\n');
                    case 'r' -> cur.append('\r');
                    case '0' -> isNull = true;
                    default -> cur.append(n);
                }
            } else {
                cur.append(c);
            }
        }
        values.add(isNull ? null : cur.toString());
        return values;
    }
}
