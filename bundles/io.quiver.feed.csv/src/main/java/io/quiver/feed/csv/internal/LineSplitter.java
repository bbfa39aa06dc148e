package io.quiver.feed.csv.internal;

import java.util.List;

/** Splits one line into fields; a field may be double-quoted, with "" standing for a quote inside it. */
public final class LineSplitter {
    private final char delimiter;
    private final StringBuilder field = new StringBuilder();

    public LineSplitter(char delimiter) {
        this.delimiter = delimiter;
    }

    /** Fills {@code out} with the fields of {@code line}; returns false if a quote is left open. */
    public boolean split(String line, List<String> out) {
        out.clear();
        field.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == delimiter) {
                out.add(wasQuoted ? field.toString() : field.toString().trim());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else {
                field.append(c);
            }
        }
        out.add(wasQuoted ? field.toString() : field.toString().trim());
        return !quoted;
    }
}
