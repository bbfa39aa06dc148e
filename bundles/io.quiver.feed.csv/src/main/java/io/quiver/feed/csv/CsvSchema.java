package io.quiver.feed.csv;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to read a delimited text file: the kind of records, the delimiter, whether there is a header,
 * which column holds which field (by header name or 0-based index), the timestamp formats and the time
 * zone. Columns not given are found by their header names ({@code Date}, {@code Time}, {@code Open}...).
 *
 * <p>As a properties file ({@link #fromProperties}), the keys are: {@code kind} (bars, quotes, trades),
 * {@code delimiter} (a character, or {@code tab}, {@code comma}, {@code semicolon}, {@code pipe}),
 * {@code header} (true/false), {@code symbol}, {@code column.<field>} for every {@link CsvField},
 * {@code format.datetime}, {@code format.date}, {@code format.time} (java.time patterns, or
 * {@code epoch-seconds}, {@code epoch-millis}, {@code epoch-micros}, {@code epoch-nanos} for a
 * datetime), {@code timezone}, {@code price.scale}, and for bars {@code time.is} ({@code start}, the
 * default, or {@code end}: which end of its interval a bar's time labels) and {@code bar.interval} (an
 * ISO-8601 duration or period such as PT1M, P1D or P1M; by default the smallest spacing between two bars
 * of the file, in calendar days or, from 28 days on, calendar months). A bar is delivered
 * at the end of its interval, so a bar labelled with its start is stamped start + interval.
 */
public final class CsvSchema {
    /** Formats a datetime field may use besides a pattern. */
    public static final String EPOCH_SECONDS = "epoch-seconds";
    public static final String EPOCH_MILLIS = "epoch-millis";
    public static final String EPOCH_MICROS = "epoch-micros";
    public static final String EPOCH_NANOS = "epoch-nanos";

    private final RecordKind kind;
    private final char delimiter;
    private final boolean header;
    private final String symbol;
    private final Map<CsvField, CsvColumn> columns;
    private final String datetimeFormat;
    private final String dateFormat;
    private final String timeFormat;
    private final ZoneId zone;
    private final Integer priceScale;
    private final boolean timeIsEnd;
    private final java.time.temporal.TemporalAmount barInterval;

    private CsvSchema(Builder b) {
        this.kind = b.kind;
        this.delimiter = b.delimiter;
        this.header = b.header;
        this.symbol = b.symbol;
        this.columns = Collections.unmodifiableMap(new EnumMap<>(b.columns));
        this.datetimeFormat = b.datetimeFormat;
        this.dateFormat = b.dateFormat;
        this.timeFormat = b.timeFormat;
        this.zone = b.zone;
        this.priceScale = b.priceScale;
        this.timeIsEnd = b.timeIsEnd;
        this.barInterval = b.barInterval;
    }

    /** Whether a bar's time in the file is the end of its interval; false: its start. */
    public boolean timeIsEnd() {
        return timeIsEnd;
    }

    /** The length of a bar, or null to take the smallest spacing between two bars of the file. */
    public java.time.temporal.TemporalAmount barInterval() {
        return barInterval;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The default: bars, comma-delimited, header row, columns found by name, ISO dates, UTC. */
    public static CsvSchema defaults() {
        return builder().build();
    }

    /**
     * Reads a schema from properties (e.g. a {@code .schema} file beside the data). Unknown keys and bad
     * values are refused with a {@link CsvSchemaException} naming the key.
     */
    public static CsvSchema fromProperties(Map<String, String> props) {
        Builder b = builder();
        for (Map.Entry<String, String> e : new TreeMap<>(props).entrySet()) {
            String key = e.getKey().trim();
            String value = e.getValue().trim();
            switch (key) {
                case "kind" -> b.kind(parseKind(key, value));
                case "delimiter" -> b.delimiter(parseDelimiter(key, e.getValue()));
                case "header" -> b.header(parseBoolean(key, value));
                case "symbol" -> b.symbol(value);
                case "format.datetime" -> b.datetimeFormat(checkFormat(key, value, true));
                case "format.date" -> b.dateFormat(checkFormat(key, value, false));
                case "format.time" -> b.timeFormat(checkFormat(key, value, false));
                case "timezone" -> b.zone(parseZone(key, value));
                case "price.scale" -> b.priceScale(parseScale(key, value));
                case "time.is" -> b.timeIsEnd(parseTimeIs(key, value));
                case "bar.interval" -> b.barInterval(parseInterval(key, value));
                default -> {
                    CsvField field = key.startsWith("column.") ? CsvField.ofKey(key.substring("column.".length())) : null;
                    if (field == null) {
                        throw new CsvSchemaException(key, "unknown key");
                    }
                    if (value.isEmpty()) {
                        throw new CsvSchemaException(key, "a column name or 0-based index is required");
                    }
                    b.column(field, CsvColumn.parse(value));
                }
            }
        }
        return b.build();
    }

    private static boolean parseTimeIs(String key, String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "start" -> false;
            case "end" -> true;
            default -> throw new CsvSchemaException(key, "'" + value + "' is not start or end (what a bar's time labels)");
        };
    }

    private static java.time.temporal.TemporalAmount parseInterval(String key, String value) {
        String v = value.toUpperCase(java.util.Locale.ROOT);
        try {
            if (v.contains("T")) {
                java.time.Duration d = java.time.Duration.parse(v);
                if (d.isNegative() || d.isZero()) {
                    throw new CsvSchemaException(key, "must be positive, was " + value);
                }
                return d;
            }
            java.time.Period p = java.time.Period.parse(v);
            if (p.isNegative() || p.isZero()) {
                throw new CsvSchemaException(key, "must be positive, was " + value);
            }
            return p;
        } catch (java.time.format.DateTimeParseException e) {
            throw new CsvSchemaException(key, "'" + value + "' is not an ISO-8601 duration or period such as PT1M, P1D or P1M");
        }
    }

    private static RecordKind parseKind(String key, String value) {
        try {
            return RecordKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CsvSchemaException(key, "'" + value + "' is not one of bars, quotes, trades");
        }
    }

    private static char parseDelimiter(String key, String raw) {
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "tab", "\\t" -> '\t';
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "pipe" -> '|';
            case "space" -> ' ';
            default -> {
                if (raw.length() == 1) {
                    yield raw.charAt(0);
                }
                if (raw.trim().length() == 1) {
                    yield raw.trim().charAt(0);
                }
                throw new CsvSchemaException(key, "'" + raw + "' is not a single character or tab/comma/semicolon/pipe/space");
            }
        };
    }

    private static boolean parseBoolean(String key, String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new CsvSchemaException(key, "'" + value + "' is not true or false");
    }

    private static String checkFormat(String key, String value, boolean epochAllowed) {
        if (epochAllowed && isEpoch(value)) {
            return value;
        }
        try {
            DateTimeFormatter.ofPattern(value, Locale.ROOT);
            return value;
        } catch (IllegalArgumentException e) {
            throw new CsvSchemaException(key, "'" + value + "' is not a valid date/time pattern: " + e.getMessage());
        }
    }

    static boolean isEpoch(String format) {
        return EPOCH_SECONDS.equals(format) || EPOCH_MILLIS.equals(format) || EPOCH_MICROS.equals(format)
                || EPOCH_NANOS.equals(format);
    }

    private static ZoneId parseZone(String key, String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new CsvSchemaException(key, "'" + value + "' is not a time zone id (e.g. UTC, America/New_York)");
        }
    }

    private static int parseScale(String key, String value) {
        try {
            int s = Integer.parseInt(value);
            if (s >= 0 && s <= 9) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CsvSchemaException(key, "'" + value + "' is not a whole number from 0 to 9");
    }

    public RecordKind kind() {
        return kind;
    }

    public char delimiter() {
        return delimiter;
    }

    public boolean header() {
        return header;
    }

    /** The instrument symbol, or null to take it from a symbol column or the file name. */
    public String symbol() {
        return symbol;
    }

    public Map<CsvField, CsvColumn> columns() {
        return columns;
    }

    /** The datetime format; null means ISO local date-time ({@code 2015-09-23T20:57:42.146} or with a space). */
    public String datetimeFormat() {
        return datetimeFormat;
    }

    public String dateFormat() {
        return dateFormat;
    }

    public String timeFormat() {
        return timeFormat;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Decimals of prices, or null to use the most decimals found in the file. */
    public Integer priceScale() {
        return priceScale;
    }

    /** Builds a schema; every setting has the default of {@link #defaults()}. */
    public static final class Builder {
        private RecordKind kind = RecordKind.BARS;
        private char delimiter = ',';
        private boolean header = true;
        private String symbol;
        private final Map<CsvField, CsvColumn> columns = new EnumMap<>(CsvField.class);
        private String datetimeFormat;
        private String dateFormat = "yyyy-MM-dd";
        private String timeFormat = "HH:mm:ss";
        private ZoneId zone = ZoneOffset.UTC;
        private Integer priceScale;
        private boolean timeIsEnd;
        private java.time.temporal.TemporalAmount barInterval;

        /** Whether a bar's time is the end of its interval ({@code time.is = end}) rather than its start (the default). */
        public Builder timeIsEnd(boolean end) {
            this.timeIsEnd = end;
            return this;
        }

        /** The length of a bar ({@code bar.interval}); null: the smallest spacing between two bars of the file. */
        public Builder barInterval(java.time.temporal.TemporalAmount interval) {
            this.barInterval = interval;
            return this;
        }

        public Builder kind(RecordKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder delimiter(char delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        public Builder header(boolean header) {
            this.header = header;
            return this;
        }

        public Builder symbol(String symbol) {
            this.symbol = symbol;
            return this;
        }

        public Builder column(CsvField field, CsvColumn column) {
            columns.put(field, column);
            return this;
        }

        public Builder datetimeFormat(String format) {
            this.datetimeFormat = format;
            return this;
        }

        public Builder dateFormat(String format) {
            this.dateFormat = format;
            return this;
        }

        public Builder timeFormat(String format) {
            this.timeFormat = format;
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public Builder priceScale(Integer scale) {
            this.priceScale = scale;
            return this;
        }

        public CsvSchema build() {
            if (columns.containsKey(CsvField.DATETIME) && columns.containsKey(CsvField.DATE)) {
                throw new CsvSchemaException("column.datetime", "give either column.datetime or column.date (+ column.time), not both");
            }
            if (!header && columns.values().stream().anyMatch(CsvColumn::isNamed)) {
                throw new CsvSchemaException("header", "columns are named but the file has no header: give 0-based indexes");
            }
            return new CsvSchema(this);
        }
    }
}
