package io.quiver.backtest.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The results' JSON, written with Jackson's streaming generator in the order given, so output is byte for
 * byte repeatable. Objects and arrays are indented one field a line, except objects begun with
 * {@link #beginRow()}: the records of long arrays (fills, round trips, the equity curve) go one to a line,
 * which halves a result's size and the time to write it. Decimals are written as the exact text given.
 */
public final class JsonWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** Grows by segments, not by copying a whole buffer (a 1 M-bar result's JSON is tens of MB). */
    private final SegmentedStringWriter out = new SegmentedStringWriter(new BufferRecycler());
    private final JsonGenerator g;
    private final Layout layout = new Layout();
    private String document;

    public JsonWriter() {
        try {
            g = FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        g.setPrettyPrinter(layout);
    }

    public JsonWriter beginObject() {
        try {
            g.writeStartObject();
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    public JsonWriter endObject() {
        try {
            g.writeEndObject();
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    /** An object written on one line. */
    public JsonWriter beginRow() {
        layout.nextIsRow = true;
        try {
            g.writeStartObject();
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    public JsonWriter endRow() {
        try {
            g.writeEndObject();
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    public JsonWriter beginArray() {
        try {
            g.writeStartArray();
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    public JsonWriter endArray() {
        try {
            g.writeEndArray();
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    public JsonWriter name(String name) {
        try {
            g.writeFieldName(name);
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    public JsonWriter value(String s) {
        try {
            if (s == null) {
                g.writeNull();
            } else {
                g.writeString(s);
            }
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    /** A number written as given (exact decimals stay exact). */
    public JsonWriter number(String plainNumber) {
        try {
            g.writeNumber(plainNumber);
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    /** An amount of money, exact, without trailing zeros ({@code 0} for none). */
    public JsonWriter money(io.quiver.sdk.model.Money m) {
        java.math.BigDecimal v = m.toBigDecimal();
        return number(v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString());
    }

    /** A document another writer wrote, as a value here, indented to its place. */
    public JsonWriter embed(String json) {
        String doc = json.strip();
        try {
            g.writeRawValue(layout.depth == 0 ? doc : doc.replace("\n", "\n" + "  ".repeat(layout.depth)));
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    public JsonWriter bool(boolean b) {
        try {
            g.writeBoolean(b);
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    public JsonWriter number(long n) {
        try {
            g.writeNumber(n);
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    /** A statistic; non-finite values are written as null. */
    public JsonWriter number(double d) {
        return Double.isFinite(d) ? number(Double.toString(d)) : value((String) null);
    }

    /** The document, with a final newline. */
    @Override
    public String toString() {
        if (document == null) {
            try {
                g.flush();
                out.write('\n');
                document = out.getAndClear();
            } catch (IOException e) {
                throw failed(e);
            }
        }
        return document;
    }

    private static UncheckedIOException failed(IOException e) {
        return new UncheckedIOException(e); // a writer to memory does not fail
    }

    /** The layout: indented objects and arrays, rows on one line ({@code "a": 1, "b": 2}). */
    private static final class Layout implements PrettyPrinter {
        /** Whether each open object or array is a row (or inside one). */
        private final Deque<Boolean> rows = new ArrayDeque<>();
        boolean nextIsRow;
        /** How many indented (non-row) levels are open. */
        int depth;

        private boolean inRow() {
            return !rows.isEmpty() && rows.peek();
        }

        private void open(JsonGenerator g, char c) throws IOException {
            boolean row = nextIsRow || inRow();
            nextIsRow = false;
            rows.push(row);
            if (!row) {
                depth++;
            }
            g.writeRaw(c);
        }

        private void close(JsonGenerator g, char c, int entries) throws IOException {
            boolean row = rows.pop();
            if (!row) {
                depth--;
                if (entries > 0) {
                    newline(g);
                }
            }
            g.writeRaw(c);
        }

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < depth; i++) {
                g.writeRaw("  ");
            }
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            open(g, '{');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            close(g, '}', entries);
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            separate(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            open(g, '[');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            close(g, ']', values);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            separate(g);
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            first(g);
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            first(g);
        }

        private void first(JsonGenerator g) throws IOException {
            if (!inRow()) {
                newline(g);
            }
        }

        private void separate(JsonGenerator g) throws IOException {
            if (inRow()) {
                g.writeRaw(' ');
            } else {
                newline(g);
            }
        }
    }
}
