package io.quiver.benchmarks;

import io.quiver.catalog.internal.CatalogBarSourceFactory;
import io.quiver.catalog.internal.LocalCatalog;
import io.quiver.feed.synthetic.GbmBarGenerator;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Price;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading 1,000,000 one-minute bars back from the catalog (memory-mapped column file, checksum
 * verified, into a {@link BarSeries}) per operation. The data set is ingested once at setup from a CSV
 * file written from seeded GBM bars.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CatalogBenchmark {
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(java.time.ZoneOffset.UTC);
    private Path home;
    private final CatalogBarSourceFactory source = new CatalogBarSourceFactory();

    @Setup(Level.Trial)
    public void ingest() throws IOException {
        home = Files.createTempDirectory("quiver-catalog-bench");
        System.setProperty("karaf.home", home.toString());
        System.setProperty("karaf.data", home.resolve("data").toString());
        BarSeries s = new GbmBarGenerator(Instrument.of("GBM", 2, "USD"), Price.of("100.00"), 0.05, 0.3, Duration.ofMinutes(1), 4,
                Instant.parse("2020-01-01T00:00:00Z"), 42).series(1_000_000);
        Path csv = home.resolve("gbm.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("Datetime,Open,High,Low,Close,Volume\n");
            for (int i = 0; i < s.size(); i++) {
                var b = s.bar(i);
                // the file labels bars with their start; the reader moves them to their close again
                w.write(TIME.format(b.time().minus(Duration.ofMinutes(1))) + "," + b.open() + "," + b.high() + "," + b.low() + "," + b.close() + "," + b.volume() + "\n");
            }
        }
        Files.writeString(home.resolve("gbm.csv.schema"), "bar.interval = PT1M\n");
        try (LocalCatalog catalog = new LocalCatalog()) {
            catalog.ingest(csv, "gbm1m");
        }
    }

    @Benchmark
    public BarSeries read() {
        return source.open("catalog:gbm1m", home).series();
    }
}
