package io.quiver.feed.csv;

import io.quiver.feed.csv.internal.DecimalText;
import io.quiver.feed.csv.internal.LineSplitter;
import io.quiver.feed.csv.internal.TimestampParser;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Quote;
import io.quiver.sdk.model.TickSeries;
import io.quiver.sdk.model.Trade;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a delimited text file into bars, quotes or trades as a {@link CsvSchema} describes. Every value
 * is parsed exactly; a row that cannot be read stops the import with a {@link CsvFormatException} naming
 * file, line and column; nothing is skipped silently.
 */
public final class CsvDataReader {
    /** Decimals kept while reading; the final price scale is the most found (or the schema's). */
    private static final int READ_SCALE = 9;
    /** Decimals of volumes and sizes. */
    public static final int SIZE_SCALE = 6;

    private final Path file;
    private final String fileName;
    private final CsvSchema schema;
    private final Map<CsvField, Integer> index = new EnumMap<>(CsvField.class);
    private final DecimalText decimals = new DecimalText();
    private int headerFields = -1;
    private List<String> headerNames = List.of();
    private int maxDecimals;

    /** Told about every 64 K lines how many characters have been read (about the bytes of a UTF-8 file of market data). */
    private java.util.function.LongConsumer progress = read -> { };

    private CsvDataReader(Path file, CsvSchema schema) {
        this.file = file;
        this.fileName = file.getFileName().toString();
        this.schema = schema;
    }

    /**
     * The schema for a data file: the properties file {@code <file>.schema} beside it if there is one,
     * else {@link CsvSchema#defaults()}.
     */
    public static CsvSchema schemaFor(Path dataFile) {
        Path sidecar = dataFile.resolveSibling(dataFile.getFileName() + ".schema");
        if (!Files.isRegularFile(sidecar)) {
            return CsvSchema.defaults();
        }
        return schemaFrom(sidecar);
    }

    /** Reads a schema file ({@code .schema} properties); a bad key is named with the file. */
    public static CsvSchema schemaFrom(Path sidecar) {
        if (!Files.isRegularFile(sidecar)) {
            throw new CsvSchemaException("schema", "no schema file " + sidecar);
        }
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(sidecar, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sidecar + ": " + e.getMessage(), e);
        }
        Map<String, String> map = new java.util.TreeMap<>();
        props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k)));
        try {
            return CsvSchema.fromProperties(map);
        } catch (CsvSchemaException e) {
            throw new CsvSchemaException(e.key(), e.getMessage().substring(e.key().length() + 2) + " (in "
                    + sidecar.getFileName() + ")");
        }
    }

    /** Reads OHLCV bars; times must increase strictly. */
    public static BarSeries readBars(Path file, CsvSchema schema) {
        return readBars(file, schema, read -> { });
    }

    /** Reads OHLCV bars, telling {@code charactersRead} how far it has come, for progress on a large file. */
    public static BarSeries readBars(Path file, CsvSchema schema, java.util.function.LongConsumer charactersRead) {
        requireKind(schema, RecordKind.BARS);
        CsvDataReader reader = new CsvDataReader(file, schema);
        reader.progress = charactersRead;
        return reader.bars();
    }

    /** Reads trades (or ticks); a tick file in bar layout uses its close as price and volume as size. */
    public static List<Trade> readTrades(Path file, CsvSchema schema) {
        requireKind(schema, RecordKind.TRADES);
        return new CsvDataReader(file, schema).trades();
    }

    /** Reads bid/ask quotes. */
    public static List<Quote> readQuotes(Path file, CsvSchema schema) {
        requireKind(schema, RecordKind.QUOTES);
        return new CsvDataReader(file, schema).quotes();
    }

    /**
     * Reads quotes or trades (as the schema's kind says) into a tick series of one instrument, at the
     * largest number of decimals any of its prices has, telling {@code charactersRead} how far it has come.
     */
    public static TickSeries readTicks(Path file, CsvSchema schema, java.util.function.LongConsumer charactersRead) {
        CsvDataReader reader = new CsvDataReader(file, schema);
        reader.progress = charactersRead;
        return switch (schema.kind()) {
            case QUOTES -> quoteSeries(reader.quotes(), file);
            case TRADES -> tradeSeries(reader.trades(), file);
            case BARS -> throw new CsvSchemaException("kind", "the schema describes bars, not quotes or trades");
        };
    }

    private static TickSeries quoteSeries(List<Quote> quotes, Path file) {
        int scale = 0;
        for (Quote q : quotes) {
            scale = Math.max(scale, Math.max(q.bid() == null ? 0 : q.bid().scale(), q.ask() == null ? 0 : q.ask().scale()));
        }
        TickSeries.Builder b = TickSeries.builder(tickInstrument(quotes.isEmpty() ? null : quotes.get(0).instrument(), scale, file), SIZE_SCALE);
        for (Quote q : quotes) {
            b.quote(q.time(), q.bid(), q.ask(), q.bidSize(), q.askSize());
        }
        return b.build();
    }

    private static TickSeries tradeSeries(List<Trade> trades, Path file) {
        int scale = 0;
        for (Trade t : trades) {
            scale = Math.max(scale, t.price().scale());
        }
        TickSeries.Builder b = TickSeries.builder(tickInstrument(trades.isEmpty() ? null : trades.get(0).instrument(), scale, file), SIZE_SCALE);
        for (Trade t : trades) {
            b.trade(t.time(), t.price(), t.size());
        }
        return b.build();
    }

    private static Instrument tickInstrument(InstrumentId id, int scale, Path file) {
        if (id == null) {
            throw new IllegalArgumentException(file.getFileName() + ": holds no quotes or trades");
        }
        return Instrument.of(id.symbol(), scale, "USD");
    }

    private static void requireKind(CsvSchema schema, RecordKind kind) {
        if (schema.kind() != kind) {
            throw new CsvSchemaException("kind", "the schema describes " + schema.kind().name().toLowerCase()
                    + ", not " + kind.name().toLowerCase());
        }
    }

    /** The columns and values of one file being read, row by row. */
    private interface RowSink {
        void accept(List<String> row, long line, long timeNanos);
    }

    private void read(List<CsvField> required, List<CsvField> optional, RowSink sink) {
        LineSplitter splitter = new LineSplitter(schema.delimiter());
        List<String> row = new ArrayList<>();
        boolean epoch = schema.datetimeFormat() != null && CsvSchema.isEpoch(schema.datetimeFormat());
        TimestampParser times = new TimestampParser(schema.datetimeFormat(), schema.dateFormat(), schema.timeFormat(),
                schema.zone(), epoch);
        long line = 0;
        long consumed = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            boolean resolved = false;
            while ((text = in.readLine()) != null) {
                line++;
                consumed += text.length() + 1;
                if ((line & 0xFFFF) == 0) {
                    progress.accept(consumed);
                }
                if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
                if (text.indexOf('\u0000') >= 0) {
                    throw new CsvFormatException(fileName, line, 0, null, "the line holds a NUL byte: this is not a text file of market data");
                }
                if (text.isBlank()) {
                    continue;
                }
                if (!splitter.split(text, row)) {
                    throw new CsvFormatException(fileName, line, 0, null, "a quoted field is not closed");
                }
                if (!resolved) {
                    resolve(schema.header() ? row : null, required, optional);
                    resolved = true;
                    if (schema.header()) {
                        continue;
                    }
                }
                checkFieldCount(row, line);
                sink.accept(row, line, time(row, line, times));
            }
            if (!resolved) {
                throw new CsvFormatException(fileName, 1, 0, null, "the file is empty");
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CsvFormatException(fileName, firstLineNotUtf8(file, line + 1), 0, null,
                    "the line is not UTF-8 text (a binary file, or another encoding)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The first line of {@code file} that is not valid UTF-8, counting from 1 (the reader decodes ahead of
     * the line it returns, so where it failed says little); {@code fallback} if every line decodes.
     */
    static long firstLineNotUtf8(Path file, long fallback) {
        try (var in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
            java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();
            long line = 1;
            for (int b; ; ) {
                b = in.read();
                if (b == '\n' || b < 0) {
                    try {
                        decoder.reset().decode(java.nio.ByteBuffer.wrap(current.toByteArray()));
                    } catch (java.nio.charset.CharacterCodingException e) {
                        return line;
                    }
                    if (b < 0) {
                        return fallback;
                    }
                    current.reset();
                    line++;
                } else {
                    current.write(b);
                }
            }
        } catch (IOException e) {
            return fallback;
        }
    }

    private void resolve(List<String> header, List<CsvField> required, List<CsvField> optional) {
        if (header != null) {
            headerFields = header.size();
            headerNames = List.copyOf(header);
        }
        for (CsvField f : required) {
            Integer i = find(header, f);
            if (i == null) {
                throw new CsvSchemaException("column." + f.key(), "no " + f.key() + " column in " + fileName
                        + (header == null ? "" : " (header: " + String.join(",", header) + ")")
                        + ": map it in the schema by name or 0-based index");
            }
            index.put(f, i);
        }
        for (CsvField f : optional) {
            Integer i = find(header, f);
            if (i != null) {
                index.put(f, i);
            }
        }
        Integer dt = find(header, CsvField.DATETIME);
        Integer date = find(header, CsvField.DATE);
        if (dt != null && !schema.columns().containsKey(CsvField.DATE)) {
            index.put(CsvField.DATETIME, dt);
        } else if (date != null) {
            index.put(CsvField.DATE, date);
            Integer time = find(header, CsvField.TIME);
            if (time != null) {
                index.put(CsvField.TIME, time);
            }
        } else {
            throw new CsvSchemaException("column.datetime", "no date/time column in " + fileName
                    + ": map column.datetime, or column.date (and column.time), in the schema");
        }
    }

    private Integer find(List<String> header, CsvField field) {
        CsvColumn c = schema.columns().get(field);
        if (c != null) {
            if (!c.isNamed()) {
                return c.index();
            }
            for (int i = 0; header != null && i < header.size(); i++) {
                if (header.get(i).trim().equalsIgnoreCase(c.name())) {
                    return i;
                }
            }
            throw new CsvSchemaException("column." + field.key(), "no column named '" + c.name() + "' in the header of "
                    + fileName + (header == null ? "" : " (header: " + String.join(",", header) + ")"));
        }
        if (header == null || schema.columns().values().stream().anyMatch(col -> !col.isNamed())) {
            return null;
        }
        for (int i = 0; i < header.size(); i++) {
            if (field.matchesHeader(header.get(i))) {
                return i;
            }
        }
        return null;
    }

    private boolean mappedByIndex() {
        return schema.columns().values().stream().anyMatch(c -> !c.isNamed());
    }

    private void checkFieldCount(List<String> row, long line) {
        if (headerFields >= 0 && !mappedByIndex() && row.size() != headerFields) {
            throw new CsvFormatException(fileName, line, 0, null, "the row has " + row.size()
                    + " fields but the header names " + headerFields + " columns; map the columns by 0-based index in a schema");
        }
        int needed = index.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        if (row.size() < needed) {
            throw new CsvFormatException(fileName, line, 0, null, "the row has " + row.size() + " fields, the schema reads field "
                    + needed);
        }
    }

    private long time(List<String> row, long line, TimestampParser times) {
        if (index.containsKey(CsvField.DATETIME)) {
            String text = field(row, CsvField.DATETIME, line);
            try {
                return times.parseDateTime(text);
            } catch (DateTimeException | ArithmeticException e) {
                throw badTime(line, CsvField.DATETIME, text, e);
            }
        }
        String dateText = field(row, CsvField.DATE, line);
        LocalDate date;
        try {
            date = times.parseDate(dateText);
        } catch (DateTimeException e) {
            throw badTime(line, CsvField.DATE, dateText, e);
        }
        LocalTime time = LocalTime.MIDNIGHT;
        if (index.containsKey(CsvField.TIME)) {
            String timeText = field(row, CsvField.TIME, line);
            try {
                time = times.parseTime(timeText);
            } catch (DateTimeException e) {
                throw badTime(line, CsvField.TIME, timeText, e);
            }
        }
        return times.toNanos(date, time);
    }

    private CsvFormatException badTime(long line, CsvField f, String text, RuntimeException e) {
        int i = index.get(f);
        return new CsvFormatException(fileName, line, i + 1, columnName(i, f),
                "'" + text + "' is not a " + f.key() + " in the schema's format (" + e.getMessage() + ")");
    }

    private String field(List<String> row, CsvField f, long line) {
        int i = index.get(f);
        String v = row.get(i);
        if (v.isEmpty()) {
            throw new CsvFormatException(fileName, line, i + 1, columnName(i, f), "the " + f.key() + " field is empty");
        }
        return v;
    }

    /** The header's name of a column, else the field it is read as. */
    private String columnName(int i, CsvField f) {
        return i < headerNames.size() ? headerNames.get(i) : f.key();
    }

    private long price(List<String> row, CsvField f, long line) {
        String v = field(row, f, line);
        int i = index.get(f);
        try {
            long units = decimals.parse(v, READ_SCALE);
            if (units <= 0) {
                throw new NumberFormatException("'" + v + "' is not a price above zero");
            }
            int d = decimals.lastDecimals();
            if (schema.priceScale() != null && d > schema.priceScale()) {
                throw new NumberFormatException("'" + v + "' has more than the schema's " + schema.priceScale() + " decimals");
            }
            maxDecimals = Math.max(maxDecimals, d);
            return units;
        } catch (NumberFormatException e) {
            throw new CsvFormatException(fileName, line, i + 1, columnName(i, f), e.getMessage());
        }
    }

    private long size(List<String> row, CsvField f, long line) {
        Integer i = index.get(f);
        if (i == null) {
            return 0;
        }
        String v = field(row, f, line);
        try {
            long units = decimals.parse(v, SIZE_SCALE);
            if (units < 0) {
                throw new NumberFormatException("'" + v + "' is negative");
            }
            return units;
        } catch (NumberFormatException e) {
            throw new CsvFormatException(fileName, line, i + 1, columnName(i, f), e.getMessage());
        }
    }

    private int finalScale() {
        return schema.priceScale() != null ? schema.priceScale() : maxDecimals;
    }

    private long atScale(long readUnits, int scale) {
        return readUnits / DecimalText.pow10(READ_SCALE - scale);
    }

    private String symbol(List<String> row, long line) {
        if (schema.symbol() != null) {
            return schema.symbol();
        }
        if (index.containsKey(CsvField.SYMBOL)) {
            return field(row, CsvField.SYMBOL, line);
        }
        int dot = fileName.indexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private BarSeries bars() {
        List<CsvField> required = List.of(CsvField.OPEN, CsvField.HIGH, CsvField.LOW, CsvField.CLOSE);
        long[][] cols = new long[6][1024];
        int[] n = {0};
        String[] symbol = {null};
        read(required, List.of(CsvField.VOLUME, CsvField.SYMBOL), (row, line, t) -> {
            long o = price(row, CsvField.OPEN, line);
            long h = price(row, CsvField.HIGH, line);
            long l = price(row, CsvField.LOW, line);
            long c = price(row, CsvField.CLOSE, line);
            long v = size(row, CsvField.VOLUME, line);
            checkBar(line, o, h, l, c);
            String s = symbol(row, line);
            if (symbol[0] == null) {
                symbol[0] = s;
            } else if (!symbol[0].equals(s)) {
                int i = index.get(CsvField.SYMBOL);
                throw new CsvFormatException(fileName, line, i + 1, columnName(i, CsvField.SYMBOL),
                        "a bar file holds one instrument: '" + s + "' follows '" + symbol[0] + "'");
            }
            int i = n[0];
            if (i > 0 && t <= cols[0][i - 1]) {
                throw new CsvFormatException(fileName, line, 0, null, "time " + BarSeries.instantOfNanos(t)
                        + " does not follow the previous row's " + BarSeries.instantOfNanos(cols[0][i - 1])
                        + " (bar times must increase strictly)");
            }
            if (i == cols[0].length) {
                for (int k = 0; k < cols.length; k++) {
                    cols[k] = Arrays.copyOf(cols[k], i * 2);
                }
            }
            cols[0][i] = t;
            cols[1][i] = o;
            cols[2][i] = h;
            cols[3][i] = l;
            cols[4][i] = c;
            cols[5][i] = v;
            n[0] = i + 1;
        });
        int scale = finalScale();
        toCloseTimes(cols[0], n[0]);
        Instrument instrument = Instrument.of(symbol[0] == null ? symbol(List.of(), 0) : symbol[0], scale, "USD");
        BarSeries.Builder b = BarSeries.builder(instrument, SIZE_SCALE);
        for (int i = 0; i < n[0]; i++) {
            b.add(cols[0][i], atScale(cols[1][i], scale), atScale(cols[2][i], scale), atScale(cols[3][i], scale),
                    atScale(cols[4][i], scale), cols[5][i]);
        }
        return b.build();
    }

    /**
     * Bars are delivered at the end of their interval, so that nothing sees a bar's close before it
     * happened: a file that labels bars with their start ({@code time.is = start}, the default) has each
     * time moved on by the interval ({@code bar.interval}, or else the smallest spacing between two bars).
     */
    private void toCloseTimes(long[] times, int n) {
        if (schema.timeIsEnd()) {
            return;
        }
        java.time.temporal.TemporalAmount interval = schema.barInterval();
        if (interval == null) {
            if (n < 2) {
                throw new CsvSchemaException("bar.interval", "a file of one bar does not show how long a bar is: give bar.interval "
                        + "(e.g. P1D) or time.is = end");
            }
            long smallest = Long.MAX_VALUE;
            for (int i = 1; i < n; i++) {
                smallest = Math.min(smallest, times[i] - times[i - 1]);
            }
            long day = java.time.Duration.ofDays(1).toNanos();
            interval = smallest >= 28 * day ? java.time.Period.ofMonths(1)
                    : smallest % day == 0 ? java.time.Period.ofDays((int) (smallest / day)) : java.time.Duration.ofNanos(smallest);
        }
        for (int i = 0; i < n; i++) {
            // calendar days and months in the file's zone: a day is not always 24 hours, a month never a fixed length
            java.time.ZonedDateTime start = BarSeries.instantOfNanos(times[i]).atZone(schema.zone());
            times[i] = BarSeries.nanosOf(start.plus(interval).toInstant());
        }
    }

    private void checkBar(long line, long o, long h, long l, long c) {
        if (h < l) {
            fail(line, CsvField.HIGH, "high is below low");
        }
        if (o > h || o < l) {
            fail(line, CsvField.OPEN, "open is outside the bar's low..high range");
        }
        if (c > h || c < l) {
            fail(line, CsvField.CLOSE, "close is outside the bar's low..high range");
        }
    }

    private void fail(long line, CsvField f, String problem) {
        int i = index.get(f);
        throw new CsvFormatException(fileName, line, i + 1, columnName(i, f), problem);
    }

    private void checkOrder(long line, long t, long previous) {
        if (t < previous) {
            throw new CsvFormatException(fileName, line, 0, null, "time " + BarSeries.instantOfNanos(t)
                    + " is before the previous row's " + BarSeries.instantOfNanos(previous));
        }
    }

    private List<Trade> trades() {
        List<long[]> raw = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        read(List.of(), List.of(CsvField.PRICE, CsvField.SIZE, CsvField.CLOSE, CsvField.VOLUME, CsvField.SYMBOL),
                (row, line, t) -> {
                    CsvField priceField = index.containsKey(CsvField.PRICE) ? CsvField.PRICE : CsvField.CLOSE;
                    CsvField sizeField = index.containsKey(CsvField.SIZE) ? CsvField.SIZE : CsvField.VOLUME;
                    if (!index.containsKey(priceField)) {
                        throw new CsvSchemaException("column.price", "no price (or close) column in " + fileName
                                + ": map column.price in the schema");
                    }
                    if (!raw.isEmpty()) {
                        checkOrder(line, t, raw.get(raw.size() - 1)[0]);
                    }
                    raw.add(new long[] {t, price(row, priceField, line), size(row, sizeField, line)});
                    symbols.add(symbol(row, line));
                });
        int scale = finalScale();
        List<Trade> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            long[] r = raw.get(i);
            out.add(new Trade(InstrumentId.of(symbols.get(i)), BarSeries.instantOfNanos(r[0]),
                    Price.ofUnits(atScale(r[1], scale), scale), Qty.ofUnits(r[2], SIZE_SCALE)));
        }
        return out;
    }

    private List<Quote> quotes() {
        List<long[]> raw = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        read(List.of(CsvField.BID, CsvField.ASK), List.of(CsvField.BID_SIZE, CsvField.ASK_SIZE, CsvField.SYMBOL),
                (row, line, t) -> {
                    long bid = price(row, CsvField.BID, line);
                    long ask = price(row, CsvField.ASK, line);
                    if (bid > ask) {
                        fail(line, CsvField.ASK, "ask is below bid");
                    }
                    if (!raw.isEmpty()) {
                        checkOrder(line, t, raw.get(raw.size() - 1)[0]);
                    }
                    raw.add(new long[] {t, bid, ask, size(row, CsvField.BID_SIZE, line), size(row, CsvField.ASK_SIZE, line)});
                    symbols.add(symbol(row, line));
                });
        int scale = finalScale();
        List<Quote> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            long[] r = raw.get(i);
            out.add(new Quote(InstrumentId.of(symbols.get(i)), BarSeries.instantOfNanos(r[0]),
                    Price.ofUnits(atScale(r[1], scale), scale), Price.ofUnits(atScale(r[2], scale), scale),
                    Qty.ofUnits(r[3], SIZE_SCALE), Qty.ofUnits(r[4], SIZE_SCALE)));
        }
        return out;
    }
}
