package io.quiver.backtest.internal;

/**
 * A minimal JSON writer that writes fields in the order given, so output is byte-for-byte repeatable.
 * Objects are indented one field a line, except those begun with {@link #beginRow()}: the records of long
 * arrays (fills, round trips, the equity curve) go one to a line, which halves a result's size and the
 * time to write it.
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder(1 << 16);
    private final StringBuilder indent = new StringBuilder();
    private boolean first = true;
    /** How many rows are open: inside one, fields are separated by ", " on the same line. */
    private int rows;

    public JsonWriter beginObject() {
        value();
        out.append('{');
        open();
        return this;
    }

    public JsonWriter endObject() {
        close();
        out.append('}');
        return this;
    }

    /** An object written on one line. */
    public JsonWriter beginRow() {
        value();
        out.append('{');
        rows++;
        first = true;
        return this;
    }

    public JsonWriter endRow() {
        rows--;
        out.append('}');
        first = false;
        return this;
    }

    public JsonWriter beginArray() {
        value();
        out.append('[');
        open();
        return this;
    }

    public JsonWriter endArray() {
        close();
        out.append(']');
        return this;
    }

    public JsonWriter name(String name) {
        separator();
        string(name);
        out.append(": ");
        first = true;
        pendingName = true;
        return this;
    }

    private boolean pendingName;

    public JsonWriter value(String s) {
        value();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    /** A number written as given (exact decimals stay exact). */
    public JsonWriter number(String plainNumber) {
        value();
        out.append(plainNumber);
        return this;
    }

    /** An amount of money, exact, without trailing zeros ({@code 0} for none). */
    public JsonWriter money(io.quiver.sdk.model.Money m) {
        java.math.BigDecimal v = m.toBigDecimal();
        return number(v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString());
    }

    /** A document another writer wrote, as a value here, indented to its place. */
    public JsonWriter embed(String json) {
        value();
        String doc = json.strip();
        out.append(indent.length() == 0 ? doc : doc.replace("\n", "\n" + indent));
        return this;
    }

    public JsonWriter bool(boolean b) {
        return number(b ? "true" : "false");
    }

    public JsonWriter number(long n) {
        return number(Long.toString(n));
    }

    /** A statistic; non-finite values are written as null. */
    public JsonWriter number(double d) {
        return Double.isFinite(d) ? number(Double.toString(d)) : value((String) null);
    }

    private void value() {
        if (pendingName) {
            pendingName = false;
        } else {
            separator();
        }
        first = false;
    }

    private void separator() {
        if (rows > 0) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            return;
        }
        if (!first) {
            out.append(',');
        }
        if (indent.length() > 0) {
            out.append('\n').append(indent);
        }
        first = false;
    }

    private void open() {
        indent.append("  ");
        first = true;
    }

    private void close() {
        indent.setLength(indent.length() - 2);
        if (!first) {
            out.append('\n').append(indent);
        }
        first = false;
    }

    private void string(String s) {
        out.append('"');
        int plain = 0;
        while (plain < s.length() && s.charAt(plain) >= 0x20 && s.charAt(plain) != '"' && s.charAt(plain) != '\\') {
            plain++;
        }
        if (plain == s.length()) {
            out.append(s).append('"'); // the usual case: nothing to escape
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private boolean ended;

    /** The document, with a final newline. */
    @Override
    public String toString() {
        if (!ended) {
            out.append('\n'); // appended once, in place: a copy of a large result costs what writing it did
            ended = true;
        }
        return out.toString();
    }
}
