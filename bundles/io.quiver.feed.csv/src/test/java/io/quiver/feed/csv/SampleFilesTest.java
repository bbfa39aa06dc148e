package io.quiver.feed.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Quote;
import io.quiver.sdk.model.Trade;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every layout of the sample data reads through its schema; expected values are the files' own rows. */
class SampleFilesTest {

    private static BarSeries bars(String name) {
        Path p = SampleData.file(name);
        return CsvDataReader.readBars(p, CsvDataReader.schemaFor(p));
    }

    @Test
    void oracleDailyBarsWithSixDecimals() {
        BarSeries s = bars("orcl-1995-2014.txt");
        assertEquals(5036, s.size());
        assertEquals(6, s.priceScale());
        Bar first = s.bar(0);
        // the file labels each day's bar with its date; a bar is delivered when its day is over
        assertEquals(Instant.parse("1995-01-04T00:00:00Z"), first.time());
        assertEquals(Price.of("2.179012"), first.open());
        assertEquals(Price.of("2.191358"), first.high());
        assertEquals(Price.of("2.117284"), first.low());
        assertEquals(Price.of("2.117284"), first.close());
        assertEquals(Qty.of(36301200), first.volume());
        Bar last = s.bar(s.size() - 1);
        assertEquals(Instant.parse("2015-01-01T00:00:00Z"), last.time());
        assertEquals(Price.of("44.970001"), last.close());
        assertEquals("orcl-1995-2014", s.instrument().id().symbol());
    }

    @Test
    void sumOfAllOracleClosesIsExact() throws Exception {
        BarSeries s = bars("orcl-1995-2014.txt");
        BigDecimal expected = BigDecimal.ZERO;
        for (String line : Files.readAllLines(SampleData.file("orcl-1995-2014.txt")).subList(1, 5037)) {
            expected = expected.add(new BigDecimal(line.split(",")[4]));
        }
        Price sum = Price.ZERO;
        for (int i = 0; i < s.size(); i++) {
            sum = sum.plus(s.bar(i).close());
        }
        assertEquals(0, expected.compareTo(sum.toBigDecimal()));
    }

    @Test
    void dailyWeeklyMonthlyIndexBars() {
        assertEquals(255, bars("2006-day-001.txt").size());
        assertEquals(52, bars("2006-week-001.txt").size());
        BarSeries m = bars("2006-month-001.txt");
        assertEquals(12, m.size());
        assertEquals(2, m.priceScale());
        assertEquals(Price.of("3691.41"), m.bar(0).close());
        // labelled 2006-01-31, a month long: delivered a calendar month later
        assertEquals(Instant.parse("2006-02-28T00:00:00Z"), m.time(0));
    }

    @Test
    void fiveMinuteBarsWithSeparateDateAndTime() {
        BarSeries s = bars("2006-min-005.txt");
        assertEquals(2142, s.size());
        // the 09:05 bar of a five-minute file closes at 09:10
        assertEquals(Instant.parse("2006-01-02T09:10:00Z"), s.time(0));
        assertEquals(Price.of("3582.99"), s.bar(0).close());
    }

    @Test
    void oneMinuteFileWhoseHeaderIsShortReadsThroughItsSchema() {
        BarSeries s = bars("2006-01-02-volume-min-001.txt");
        assertEquals(30889, s.size());
        assertEquals(Instant.parse("2006-01-02T09:02:00Z"), s.time(0), "the 09:01 bar closes a minute later");
        assertEquals(Price.of("3599.00"), s.bar(0).close());
        assertEquals(Qty.of(5699), s.bar(0).volume());
        assertEquals(Instant.parse("2006-02-27T22:01:00Z"), s.time(s.size() - 1));
        assertEquals(Qty.of(327), s.bar(s.size() - 1).volume());
    }

    @Test
    void oneMinuteFileWithoutSchemaNamesTheLineAndTheProblem() {
        Path p = SampleData.file("2006-01-02-volume-min-001.txt");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvDataReader.readBars(p, CsvSchema.defaults()));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("8 fields but the header names 7"), e.getMessage());
        assertTrue(e.getMessage().startsWith("2006-01-02-volume-min-001.txt:2:"), e.getMessage());
    }

    @Test
    void ticksReadAsTradesKeepingTheirMillisecondsAndDuplicates() {
        Path p = SampleData.file("ticksample.csv");
        List<Trade> t = CsvDataReader.readTrades(p, CsvDataReader.schemaFor(p));
        assertEquals(135, t.size());
        assertEquals(Instant.parse("2015-09-23T20:57:42.146Z"), t.get(0).time());
        assertEquals(Price.of("3067"), t.get(0).price());
        assertEquals(Qty.of(180), t.get(0).size());
        assertEquals(t.get(21).time(), t.get(22).time());
    }

    @Test
    void ticksAsBarsAreRefusedAtTheDuplicateTime() {
        Path p = SampleData.file("ticksample.csv");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvDataReader.readBars(p, CsvSchema.defaults()));
        assertEquals(24, e.line());
        assertTrue(e.getMessage().contains("increase strictly"), e.getMessage());
    }

    @Test
    void bidAskQuotesWithUsDates() {
        Path p = SampleData.file("bidask.csv");
        List<Quote> q = CsvDataReader.readQuotes(p, CsvDataReader.schemaFor(p));
        assertEquals(10, q.size());
        assertEquals(Instant.parse("2010-02-03T16:53:50Z"), q.get(0).time());
        assertEquals(Price.of("0.5346"), q.get(0).bid());
        assertEquals(Price.of("0.5347"), q.get(0).ask());
    }

    @Test
    void fxDealsWithEmptyColumnsAndDayFirstDates() {
        Path p = SampleData.file("bidask2.csv");
        List<Trade> t = CsvDataReader.readTrades(p, CsvDataReader.schemaFor(p));
        assertEquals(10, t.size());
        assertEquals("EUR/JPY", t.get(0).instrument().symbol());
        assertEquals(Instant.parse("2016-03-01T23:43:11Z"), t.get(0).time());
        assertEquals(Price.of("130.52"), t.get(0).price());
        assertEquals(3, t.get(0).price().scale());
        assertEquals(Qty.of(1000000), t.get(0).size());
        assertEquals(Price.of("130.495"), t.get(7).price());
    }
}
