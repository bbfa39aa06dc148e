package io.quiver.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.catalog.DataCatalog;
import io.quiver.feed.csv.CsvDataReader;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.TickSeries;
import io.quiver.sdk.spi.BarSourceFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalCatalogTest {
    private static final Path DATA = Path.of(System.getProperty("quiver.sample.data", "../../data"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    private LocalCatalog catalog() {
        return new LocalCatalog(home.resolve("data/quiver/catalog"), CLOCK);
    }

    /** Every sample file of bars, through the catalog and back, is the file as a backtest reads it, bar for bar. */
    @ParameterizedTest
    @ValueSource(strings = {"orcl-1995-2014.txt", "2006-day-001.txt", "2006-week-001.txt", "2006-month-001.txt", "2006-min-005.txt",
            "2006-01-02-volume-min-001.txt"})
    void aSampleFileComesBackBarForBar(String file) {
        BarSeries csv = CsvDataReader.readBars(DATA.resolve(file), CsvDataReader.schemaFor(DATA.resolve(file)));
        try (LocalCatalog c = catalog()) {
            DataCatalog.Ingested in = c.ingest(DATA.resolve(file), null);
            assertTrue(in.added());
            assertEquals(csv.size(), in.entry().rows());
            BarSourceFactory.BarData read = new CatalogBarSourceFactory().open("catalog:" + in.entry().name(), home);
            assertEquals("catalog:" + LocalCatalog.defaultName(DATA.resolve(file)), read.name());
            assertEquals(sha256(DATA.resolve(file)), read.checksum());
            BarSeries back = read.series();
            assertEquals(csv.size(), back.size());
            assertEquals(csv.instrument().id(), back.instrument().id());
            assertEquals(csv.priceScale(), back.priceScale());
            for (int i = 0; i < csv.size(); i++) {
                assertEquals(csv.bar(i), back.bar(i), "bar " + i);
            }
        }
    }

    /** Every sample file of quotes or trade prints, through the catalog and back, is the file as a backtest reads it, tick for tick. */
    @ParameterizedTest
    @ValueSource(strings = {"bidask.csv", "bidask2.csv", "ticksample.csv"})
    void aSampleFileOfTicksComesBackTickForTick(String file) {
        BarSourceFactory.BarData csv = new io.quiver.feed.csv.internal.CsvBarSourceFactory().open(file, DATA);
        TickSeries expected = csv.ticks();
        try (LocalCatalog c = catalog()) {
            DataCatalog.Ingested in = c.ingest(DATA.resolve(file), null);
            assertTrue(in.added());
            assertEquals(expected.size(), in.entry().rows());
            assertEquals(expected.isQuote(0) ? DataCatalog.Kind.QUOTES : DataCatalog.Kind.TRADES, in.entry().kind());
            BarSourceFactory.BarData read = new CatalogBarSourceFactory().open("catalog:" + in.entry().name(), home);
            assertTrue(read.isTicks());
            assertEquals(sha256(DATA.resolve(file)), read.checksum());
            TickSeries back = read.ticks();
            assertEquals(expected.size(), back.size());
            assertEquals(expected.instrument(), back.instrument());
            assertEquals(expected.sizeScale(), back.sizeScale());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.isQuote(i) ? expected.quote(i) : expected.trade(i), back.isQuote(i) ? back.quote(i) : back.trade(i), "tick " + i);
            }
            String name = in.entry().name();
            assertEquals(name + " holds " + in.entry().kind().text() + ", not bars",
                    assertThrows(IllegalArgumentException.class, () -> c.read(name)).getMessage());
        }
        try (LocalCatalog reopened = catalog()) {
            assertEquals(expected.isQuote(0) ? "quotes" : "trades", reopened.list().get(0).spacing());
        }
    }

    @Test
    void tickQualityCountsRepeatsAndJumps() throws IOException {
        Path f = home.resolve("quotes.csv");
        Path schema = home.resolve("quotes.csv.schema");
        Files.writeString(schema, "kind=quotes\n", StandardCharsets.UTF_8);
        // a repeat of the first quote, and a mid that jumps by half
        Files.writeString(f, String.join("\n", "Datetime,Bid,Ask", "2024-01-02T10:00:00,1.0000,1.0002", "2024-01-02T10:00:00,1.0000,1.0002",
                "2024-01-02T10:00:01,1.0001,1.0003", "2024-01-02T10:00:02,1.0002,1.0004", "2024-01-02T10:00:03,1.0002,1.0004",
                "2024-01-02T10:00:04,1.0001,1.0003", "2024-01-02T10:00:05,1.5000,1.5002", "2024-01-02T10:00:06,1.5001,1.5003") + "\n",
                StandardCharsets.UTF_8);
        try (LocalCatalog c = catalog()) {
            DataCatalog.Entry e = c.ingest(f, null).entry();
            DataCatalog.Quality q = e.quality();
            assertEquals(0, q.gaps());
            assertEquals(1, q.duplicates(), q.examples().toString());
            assertEquals(1, q.outliers(), q.examples().toString()); // the jump to 1.5
            assertTrue(q.examples().contains("repeated tick at 2024-01-02T10:00:00Z"), q.examples().toString());
            assertTrue(q.examples().stream().anyMatch(x -> x.startsWith("outlier at 2024-01-02T10:00:05Z: price +49.")), q.examples().toString());
            assertEquals(Duration.ZERO, e.interval(), "two quotes share a time");
        }
    }

    /** Trade prints resample into bars; checked against a grouping by the minute written here. Quotes are refused. */
    @Test
    void tradePrintsResampleToMinuteBarsAndQuotesAreRefused() {
        try (LocalCatalog c = catalog()) {
            c.ingest(DATA.resolve("ticksample.csv"), "prints");
            TickSeries prints = c.readTicks("prints");
            DataCatalog.Ingested minutes = c.resample("prints", Duration.ofMinutes(1), null);
            assertEquals("prints-PT1M", minutes.entry().name());
            assertEquals(DataCatalog.Kind.BARS, minutes.entry().kind());
            BarSeries bars = c.read("prints-PT1M");
            java.util.TreeMap<Long, long[]> naive = new java.util.TreeMap<>(); // minute's end -> open, high, low, close, volume
            long minute = 60_000_000_000L;
            for (int i = 0; i < prints.size(); i++) {
                long end = (prints.timeNanos(i) / minute + 1) * minute;
                long p = prints.priceUnits(i);
                long v = prints.sizeUnits(i);
                naive.merge(end, new long[] {p, p, p, p, v}, (a, b) -> new long[] {a[0], Math.max(a[1], b[1]), Math.min(a[2], b[2]), b[3], a[4] + b[4]});
            }
            assertEquals(naive.size(), bars.size());
            int i = 0;
            for (var e : naive.entrySet()) {
                assertEquals(e.getKey(), bars.timeNanos(i), "bar " + i);
                assertEquals(List.of(e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4]),
                        List.of(bars.openUnits(i), bars.highUnits(i), bars.lowUnits(i), bars.closeUnits(i), bars.volumeUnits(i)), "bar " + i);
                i++;
            }
            c.ingest(DATA.resolve("bidask.csv"), "quotes");
            assertEquals("quotes holds quotes: bars are made of trade prints; ingest the trades of " + c.entry("quotes").orElseThrow().symbol(),
                    assertThrows(IllegalArgumentException.class, () -> c.resample("quotes", Duration.ofMinutes(1), null)).getMessage());
            assertEquals("prints holds trades, not bars", assertThrows(IllegalArgumentException.class, () -> c.read("prints")).getMessage());
            assertEquals("prints-PT1M holds bars, not ticks",
                    assertThrows(IllegalArgumentException.class, () -> c.readTicks("prints-PT1M")).getMessage());
        }
    }

    /** A file without its .schema beside it is read with the one --schema names, as if it were beside it. */
    @Test
    void aSchemaGivenApartReadsAFileThatHasNoneBesideIt() throws java.io.IOException {
        Path apart = java.nio.file.Files.createDirectories(home.resolve("apart"));
        Path file = java.nio.file.Files.copy(DATA.resolve("2006-01-02-volume-min-001.txt"), apart.resolve("minutes.txt"));
        BarSeries expected = CsvDataReader.readBars(DATA.resolve("2006-01-02-volume-min-001.txt"),
                CsvDataReader.schemaFor(DATA.resolve("2006-01-02-volume-min-001.txt")));
        try (LocalCatalog c = catalog()) {
            // without a schema the short header (7 names, 8 fields a row) is refused, naming the file
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.ingest(file, null));
            assertTrue(e.getMessage().contains("minutes.txt"), e.getMessage());
            DataCatalog.Ingested in = c.ingest(file, DATA.resolve("2006-01-02-volume-min-001.txt.schema"), null, read -> { });
            assertEquals(expected.size(), in.entry().rows());
            assertEquals("2006-01-02-volume-min-001.txt.schema", in.entry().schema());
            BarSeries back = c.read("minutes");
            assertEquals("minutes", back.instrument().id().symbol()); // the file's name: the schema names no symbol
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.timeNanos(i), back.timeNanos(i), "bar " + i);
                assertEquals(List.of(expected.openUnits(i), expected.highUnits(i), expected.lowUnits(i), expected.closeUnits(i), expected.volumeUnits(i)),
                        List.of(back.openUnits(i), back.highUnits(i), back.lowUnits(i), back.closeUnits(i), back.volumeUnits(i)), "bar " + i);
            }
            assertEquals("schema: no schema file " + home.resolve("none.schema"),
                    assertThrows(IllegalArgumentException.class, () -> c.ingest(DATA.resolve("2006-day-001.txt"), home.resolve("none.schema"), null,
                            read -> { })).getMessage().replace("2006-day-001.txt: ", ""));
        }
    }

    @Test
    void aFileAlreadyStoredIsNotIngestedAgainAndANameInUseIsRefused() throws IOException {
        Path orcl = DATA.resolve("orcl-1995-2014.txt");
        try (LocalCatalog c = catalog()) {
            assertTrue(c.ingest(orcl, "orcl").added());
            Path copy = Files.copy(orcl, home.resolve("same-bytes.txt"));
            DataCatalog.Ingested again = c.ingest(copy, null);
            assertFalse(again.added(), "same checksum: a no-op");
            assertEquals("orcl", again.entry().name());
            assertEquals("name 'orcl' holds other data (from orcl-1995-2014.txt, SHA-256 " + sha256(orcl).substring(0, 12)
                    + "...); give another with --name", assertThrows(IllegalArgumentException.class,
                            () -> c.ingest(DATA.resolve("2006-day-001.txt"), "orcl")).getMessage());
            assertEquals("name '../x' is not a catalog name: letters, digits, '.', '-' and '_', up to 100",
                    assertThrows(IllegalArgumentException.class, () -> c.ingest(orcl, "../x")).getMessage());
        }
        try (LocalCatalog reopened = catalog()) {
            DataCatalog.Entry e = reopened.entry("orcl").orElseThrow();
            assertEquals(5036, e.rows());
            assertEquals(Instant.parse("2026-12-01T12:00:00Z"), e.ingested());
            assertEquals(Duration.ofDays(1), e.interval());
            assertEquals("ORCL-1995-2014", e.symbol().toUpperCase(java.util.Locale.ROOT));
            assertEquals(1, reopened.list().size());
        }
    }

    @Test
    void aDamagedCatalogFileIsFoundWithAClearError() throws IOException {
        Path bars;
        try (LocalCatalog c = catalog()) {
            c.ingest(DATA.resolve("2006-day-001.txt"), "index");
            bars = c.folder().resolve("index.bars");
        }
        byte[] bytes = Files.readAllBytes(bars);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(bars, bytes);
        try (LocalCatalog c = catalog()) {
            assertEquals("catalog file index.bars is damaged: its checksum does not match its contents; ingest its source again",
                    assertThrows(IllegalArgumentException.class, () -> c.read("index")).getMessage());
        }
        Files.write(bars, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CatalogBarSourceFactory().open("catalog:index", home)).getMessage()
                .startsWith("catalog file index.bars is damaged: it is " + (bytes.length - 100) + " bytes long, its header says "));
    }

    @Test
    void qualityCountsDuplicatesOutliersAndMissingDays() throws IOException {
        // Tuesday 2 to Friday 12 January 2024, weekdays: Thursday the 4th is missing, the 9th repeats the 8th, the 11th jumps by half
        Path f = home.resolve("q.csv");
        Files.writeString(f, String.join("\n", "Date,Open,High,Low,Close,Volume",
                "2024-01-02,10.00,10.10,9.90,10.00,100", "2024-01-03,10.00,10.20,9.90,10.10,100", "2024-01-05,10.10,10.20,10.00,10.05,100",
                "2024-01-08,10.05,10.20,10.00,10.10,100", "2024-01-09,10.05,10.20,10.00,10.10,100", "2024-01-10,10.10,10.20,10.00,10.00,100",
                "2024-01-11,15.00,15.10,14.90,15.00,100", "2024-01-12,15.00,15.10,14.90,15.05,100") + "\n", StandardCharsets.UTF_8);
        try (LocalCatalog c = catalog()) {
            DataCatalog.Quality q = c.ingest(f, null).entry().quality();
            assertEquals(1, q.gaps(), q.examples().toString());
            assertEquals(1, q.duplicates(), q.examples().toString());
            assertEquals(1, q.outliers(), q.examples().toString());
            assertTrue(q.examples().contains("no bar on 2024-01-04"), q.examples().toString());
        }
    }

    @Test
    void minuteBarsResampleToFiveMinutesAndAgainIsANoOp() {
        try (LocalCatalog c = catalog()) {
            c.ingest(DATA.resolve("2006-01-02-volume-min-001.txt"), "minutes");
            BarSeries minutes = c.read("minutes");
            DataCatalog.Ingested five = c.resample("minutes", Duration.ofMinutes(5), null);
            assertTrue(five.added());
            assertEquals("minutes-PT5M", five.entry().name());
            assertEquals(Duration.ofMinutes(5), five.entry().interval());
            BarSeries coarse = c.read("minutes-PT5M");
            assertEquals(io.quiver.sdk.model.BarAggregator.resample(minutes, Duration.ofMinutes(5), io.quiver.sdk.model.TradingHours.ALWAYS).size(),
                    coarse.size());
            long volume = 0;
            long coarseVolume = 0;
            for (int i = 0; i < minutes.size(); i++) {
                volume += minutes.volumeUnits(i);
            }
            for (int i = 0; i < coarse.size(); i++) {
                coarseVolume += coarse.volumeUnits(i);
            }
            assertEquals(volume, coarseVolume, "every minute's volume is in exactly one five-minute bar");
            assertFalse(c.resample("minutes", Duration.ofMinutes(5), null).added());
            assertEquals("interval PT1M is not coarser than the data's PT1M",
                    assertThrows(IllegalArgumentException.class, () -> c.resample("minutes", Duration.ofMinutes(1), null)).getMessage());
        }
    }

    @Test
    void aLargeIngestReportsHowFarItHasComeAndPrintsFifths() throws IOException {
        // 140,000 minute bars: the reader reports every 65,536 lines, the first time at 65,536 lines' worth of characters
        Path f = home.resolve("large.csv");
        StringBuilder csv = new StringBuilder("Datetime,Open,High,Low,Close,Volume\n");
        java.time.LocalDateTime t = java.time.LocalDateTime.of(2024, 1, 1, 0, 0);
        for (int i = 0; i < 140_000; i++) {
            csv.append(t.plusMinutes(i)).append(":00,10.00,10.10,9.90,10.05,100\n");
        }
        Files.writeString(f, csv, StandardCharsets.UTF_8);
        java.util.List<Long> reported = new java.util.ArrayList<>();
        try (LocalCatalog c = catalog()) {
            assertEquals(140_000, c.ingest(f, null, reported::add).entry().rows());
        }
        assertEquals(2, reported.size(), reported.toString());
        assertTrue(reported.get(0) < reported.get(1) && reported.get(1) < Files.size(f), reported.toString());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.util.function.LongConsumer printer = DataCatalog.progressPrintedTo(new java.io.PrintStream(bytes, true), 52_600_000);
        for (long read = 0; read <= 52_600_000; read += 1_000_000) {
            printer.accept(read);
        }
        java.util.List<String> lines = bytes.toString().lines().toList();
        assertEquals(4, lines.size(), lines.toString()); // 20, 40, 60 and 80 %: a finished ingest says so itself
        assertTrue(lines.get(0).startsWith("  20 % (11.0 of 52.6 MB, about "), lines.toString());
    }

    @Test
    void aBadRowIsRefusedAsABacktestRefusesItAndNothingIsStored() throws IOException {
        Path f = home.resolve("bad.csv");
        Files.writeString(f, "Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10,1\n2024-01-03,10,abc,9,10,1\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE);
        try (LocalCatalog c = catalog()) {
            assertEquals("bad.csv:3: column 3 (High): 'abc' is not a decimal number",
                    assertThrows(IllegalArgumentException.class, () -> c.ingest(f, null)).getMessage());
            assertTrue(c.list().isEmpty());
            assertFalse(Files.exists(c.folder().resolve("bad.bars")));
        }
    }

    /** The file's SHA-256 worked out here, not by the code under test. */
    private static String sha256(Path file) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            StringBuilder hex = new StringBuilder();
            for (byte x : d) {
                hex.append(String.format("%02x", x));
            }
            return hex.toString();
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
