package io.quiver.feed.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad rows and bad schemas stop the import with the file, line, column and reason. */
class BrokenFilesTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private CsvFormatException failure(String content) throws IOException {
        Path p = write("bad.csv", content);
        return assertThrows(CsvFormatException.class, () -> CsvDataReader.readBars(p, CsvSchema.defaults()));
    }

    @Test
    void notANumberNamesLineColumnAndHeader() throws IOException {
        CsvFormatException e = failure("Date,Open,High,Low,Close,Volume\n2020-01-02,1,2,0.5,1.5,10\n2020-01-03,1,2,0.5,abc,10\n");
        assertEquals("bad.csv:3: column 5 (Close): 'abc' is not a decimal number", e.getMessage());
        assertEquals(3, e.line());
        assertEquals(5, e.column());
    }

    @Test
    void emptyField() throws IOException {
        CsvFormatException e = failure("Date,Open,High,Low,Close\n2020-01-02,1,,0.5,1.5\n");
        assertEquals("bad.csv:2: column 3 (High): the high field is empty", e.getMessage());
    }

    @Test
    void badDate() throws IOException {
        CsvFormatException e = failure("Date,Open,High,Low,Close\n2020-13-02,1,2,0.5,1.5\n");
        assertEquals(2, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().contains("'2020-13-02' is not a date"), e.getMessage());
    }

    @Test
    void highBelowLow() throws IOException {
        CsvFormatException e = failure("Date,Open,High,Low,Close\n2020-01-02,1,0.5,2,1\n");
        assertEquals("bad.csv:2: column 3 (High): high is below low", e.getMessage());
    }

    @Test
    void closeOutsideRange() throws IOException {
        CsvFormatException e = failure("Date,Open,High,Low,Close\n2020-01-02,1,2,0.5,3\n");
        assertEquals("bad.csv:2: column 5 (Close): close is outside the bar's low..high range", e.getMessage());
    }

    /** Zero and negative prices were taken as bars. */
    @Test
    void zeroAndNegativePricesAreRefusedWithTheirColumn() throws IOException {
        assertEquals("bad.csv:2: column 4 (Low): '0' is not a price above zero",
                failure("Date,Open,High,Low,Close\n2020-01-02,1,2,0,1\n").getMessage());
        assertEquals("bad.csv:3: column 2 (Open): '-1.5' is not a price above zero",
                failure("Date,Open,High,Low,Close\n2020-01-02,1,2,0.5,1\n2020-01-03,-1.5,2,0.5,1\n").getMessage());
    }

    /** A binary file gave "Input length = 1" and exit code 1, naming neither the file nor the line. */
    @Test
    void aFileThatIsNotUtf8TextNamesTheFileAndLine() throws IOException {
        Path p = dir.resolve("bad.csv");
        byte[] head = "Date,Open,High,Low,Close\n2020-01-02,1,2,0.5,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] binary = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '\n'};
        byte[] all = java.util.Arrays.copyOf(head, head.length + binary.length);
        System.arraycopy(binary, 0, all, head.length, binary.length);
        Files.write(p, all);
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvDataReader.readBars(p, CsvSchema.defaults()));
        assertEquals("bad.csv:3: the line is not UTF-8 text (a binary file, or another encoding)", e.getMessage());
        Path nul = write("nul.csv", "Date,Open,High,Low,Close\n2020-01-02,1,2\u0000,0.5,1\n");
        CsvFormatException n = assertThrows(CsvFormatException.class, () -> CsvDataReader.readBars(nul, CsvSchema.defaults()));
        assertEquals("nul.csv:2: the line holds a NUL byte: this is not a text file of market data", n.getMessage());
    }

    @Test
    void negativeVolume() throws IOException {
        CsvFormatException e = failure("Date,Open,High,Low,Close,Volume\n2020-01-02,1,2,0.5,1,-5\n");
        assertEquals("bad.csv:2: column 6 (Volume): '-5' is negative", e.getMessage());
    }

    @Test
    void timeGoingBackwards() throws IOException {
        CsvFormatException e = failure("Date,Open,High,Low,Close\n2020-01-03,1,2,0.5,1\n2020-01-02,1,2,0.5,1\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("increase strictly"), e.getMessage());
    }

    @Test
    void shortRow() throws IOException {
        CsvFormatException e = failure("Date,Open,High,Low,Close\n2020-01-02,1,2,0.5\n");
        assertEquals("bad.csv:2: the row has 4 fields but the header names 5 columns; map the columns by 0-based index in a schema",
                e.getMessage());
    }

    @Test
    void unclosedQuote() throws IOException {
        CsvFormatException e = failure("Date,Open,High,Low,Close\n\"2020-01-02,1,2,0.5,1\n");
        assertEquals("bad.csv:2: a quoted field is not closed", e.getMessage());
    }

    @Test
    void tooManyDecimalsForTheSchema() throws IOException {
        Path p = write("bad.csv", "Date,Open,High,Low,Close\n2020-01-02,1.123,2,0.5,1\n");
        CsvSchema schema = CsvSchema.builder().priceScale(2).build();
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvDataReader.readBars(p, schema));
        assertEquals("bad.csv:2: column 2 (Open): '1.123' has more than the schema's 2 decimals", e.getMessage());
    }

    @Test
    void missingColumnNamesTheSchemaKey() throws IOException {
        Path p = write("bad.csv", "Date,Open,High,Low\n2020-01-02,1,2,0.5\n");
        CsvSchemaException e = assertThrows(CsvSchemaException.class, () -> CsvDataReader.readBars(p, CsvSchema.defaults()));
        assertEquals("column.close", e.key());
    }

    @Test
    void unknownAndBadSchemaKeysAreNamed() {
        assertEquals("colum.close", assertThrows(CsvSchemaException.class,
                () -> CsvSchema.fromProperties(Map.of("colum.close", "4"))).key());
        assertEquals("header", assertThrows(CsvSchemaException.class,
                () -> CsvSchema.fromProperties(Map.of("header", "yes"))).key());
        assertEquals("timezone", assertThrows(CsvSchemaException.class,
                () -> CsvSchema.fromProperties(Map.of("timezone", "Mars/Olympus"))).key());
        assertEquals("format.date", assertThrows(CsvSchemaException.class,
                () -> CsvSchema.fromProperties(Map.of("format.date", "yyyy-MM-dd{{"))).key());
    }

    @Test
    void headerlessFileByIndexWithEpochMillisAndTimeZone() throws IOException {
        Path p = write("epoch.csv", "1577836800000;10;12;9;11;100\n1577836860000;11;13;10;12;50\n");
        CsvSchema schema = CsvSchema.fromProperties(Map.of("header", "false", "delimiter", "semicolon",
                "column.datetime", "0", "format.datetime", "epoch-millis", "column.open", "1", "column.high", "2",
                "column.low", "3", "column.close", "4", "column.volume", "5", "symbol", "X"));
        var s = CsvDataReader.readBars(p, schema);
        assertEquals(2, s.size());
        assertEquals(Instant.parse("2020-01-01T00:02:00Z"), s.time(1), "labelled 00:01, one minute long");
        assertEquals("X", s.instrument().id().symbol());
    }

    @Test
    void localTimesAreConvertedFromTheSchemaZone() throws IOException {
        Path p = write("ny.csv", "Date,Time,Open,High,Low,Close\n2020-07-01,09:30:00,1,2,0.5,1\n");
        CsvSchema schema = CsvSchema.builder().zone(ZoneId.of("America/New_York")).timeIsEnd(true).build();
        assertEquals(Instant.parse("2020-07-01T13:30:00Z"), CsvDataReader.readBars(p, schema).time(0));
    }

    @Test
    void aBarIsDeliveredAtTheEndOfItsIntervalAsTheSchemaSays() throws IOException {
        Path p = write("min.csv", "Date,Time,Open,High,Low,Close\n2020-07-01,09:30:00,1,2,0.5,1\n2020-07-01,09:31:00,1,2,0.5,1\n"
                + "2020-07-01,09:35:00,1,2,0.5,1\n");
        assertEquals(Instant.parse("2020-07-01T09:31:00Z"), CsvDataReader.readBars(p, CsvSchema.defaults()).time(0),
                "by default a time labels a bar's start, and the bar is a minute: the smallest spacing");
        assertEquals(Instant.parse("2020-07-01T09:35:00Z"), CsvDataReader.readBars(p, CsvSchema.fromProperties(Map.of("bar.interval", "PT5M")))
                .time(0));
        assertEquals(Instant.parse("2020-07-01T09:30:00Z"), CsvDataReader.readBars(p, CsvSchema.fromProperties(Map.of("time.is", "end")))
                .time(0), "a file that labels bars with their end is taken as it is");
        assertEquals("time.is: 'middle' is not start or end (what a bar's time labels)", assertThrows(CsvSchemaException.class,
                () -> CsvSchema.fromProperties(Map.of("time.is", "middle"))).getMessage());
        assertEquals("bar.interval: 'a minute' is not an ISO-8601 duration or period such as PT1M, P1D or P1M",
                assertThrows(CsvSchemaException.class, () -> CsvSchema.fromProperties(Map.of("bar.interval", "a minute"))).getMessage());
        Path one = write("one.csv", "Date,Open,High,Low,Close\n2020-07-01,1,2,0.5,1\n");
        assertEquals("bar.interval: a file of one bar does not show how long a bar is: give bar.interval (e.g. P1D) or time.is = end",
                assertThrows(CsvSchemaException.class, () -> CsvDataReader.readBars(one, CsvSchema.defaults())).getMessage());
    }
}
