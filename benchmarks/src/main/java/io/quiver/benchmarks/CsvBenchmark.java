package io.quiver.benchmarks;

import io.quiver.feed.csv.internal.DecimalText;
import io.quiver.feed.csv.internal.LineSplitter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CSV reader's hand-written parts against the libraries the issue names, on 200,000 bar rows
 * ({@code Date,Time,Open,High,Low,Close,Volume}, prices with 2 decimals) held in memory:
 * <ul>
 * <li>{@code splitOwn} / {@code splitCommonsCsv}: splitting the rows into fields (the numbers then parsed
 * the same way, with {@link DecimalText});</li>
 * <li>{@code numbersOwn} / {@code numbersBigDecimal}: the numbers of the rows parsed into exact units,
 * by {@link DecimalText} or by {@code new BigDecimal(text)} moved to the scale.</li>
 * </ul>
 * Each operation reads all rows and returns a checksum of the units, so nothing is optimised away.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CsvBenchmark {
    private static final int ROWS = 200_000;
    private String text;
    private List<String[]> fields;

    @Setup(Level.Trial)
    public void generate() {
        SplittableRandom r = new SplittableRandom(7);
        StringBuilder b = new StringBuilder(ROWS * 64).append("Date,Time,Open,High,Low,Close,Volume\n");
        long price = 10_000;
        fields = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            long o = price;
            long c = Math.max(100, o + r.nextInt(-50, 51));
            long h = Math.max(o, c) + r.nextInt(0, 20);
            long l = Math.min(o, c) - r.nextInt(0, 20);
            price = c;
            String[] row = {String.format(Locale.ROOT, "2020-%02d-%02d", 1 + i / 40_000, 1 + (i / 1440) % 28),
                String.format(Locale.ROOT, "%02d:%02d:00", (i / 60) % 24, i % 60), money(o), money(h), money(l), money(c),
                Integer.toString(r.nextInt(1, 100_000))};
            fields.add(row);
            b.append(String.join(",", row)).append('\n');
        }
        text = b.toString();
    }

    private static String money(long cents) {
        return cents / 100 + "." + String.format(Locale.ROOT, "%02d", cents % 100);
    }

    @Benchmark
    public long splitOwn() throws IOException {
        LineSplitter splitter = new LineSplitter(',');
        DecimalText numbers = new DecimalText();
        List<String> row = new ArrayList<>();
        long sum = 0;
        try (BufferedReader in = new BufferedReader(new StringReader(text))) {
            in.readLine();
            for (String line; (line = in.readLine()) != null;) {
                splitter.split(line, row);
                sum += numbers.parse(row.get(5), 2) + row.get(0).length();
            }
        }
        return sum;
    }

    @Benchmark
    public long splitCommonsCsv() throws IOException {
        DecimalText numbers = new DecimalText();
        long sum = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                sum += numbers.parse(record.get(5), 2) + record.get(0).length();
            }
        }
        return sum;
    }

    @Benchmark
    public long numbersOwn() {
        DecimalText numbers = new DecimalText();
        long sum = 0;
        for (String[] row : fields) {
            for (int k = 2; k < 7; k++) {
                sum += numbers.parse(row[k], 2);
            }
        }
        return sum;
    }

    @Benchmark
    public long numbersBigDecimal() {
        long sum = 0;
        for (String[] row : fields) {
            for (int k = 2; k < 7; k++) {
                sum += new BigDecimal(row[k]).setScale(2).unscaledValue().longValueExact();
            }
        }
        return sum;
    }
}
