package io.quiver.catalog.internal;

import io.quiver.catalog.DataCatalog;
import io.quiver.feed.csv.CsvDataReader;
import io.quiver.feed.csv.CsvFormatException;
import io.quiver.feed.csv.CsvSchemaException;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.spi.InstrumentMaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The data catalog under {@code ${karaf.data}/quiver/catalog}: one column file per data set
 * ({@code <name>.bars}) and the metadata in {@code catalog.db} (MapDB). Ingest reads a file with its
 * {@code .schema} exactly as a backtest would, so its errors are those users know.
 */
@Component(service = DataCatalog.class)
public final class LocalCatalog implements DataCatalog, AutoCloseable {
    private final Path folder;
    private final CatalogIndex index;
    private final Clock clock;
    private volatile InstrumentMaster master = InstrumentMaster.empty();

    @Activate
    public LocalCatalog() {
        this(CatalogBarSourceFactory.folderOf(Path.of(System.getProperty("karaf.home", "."))), Clock.systemUTC());
    }

    LocalCatalog(Path folder, Clock clock) {
        this.folder = folder;
        this.index = new CatalogIndex(folder.resolve("catalog.db"));
        this.clock = clock;
    }

    /** The instrument master gives the sessions that gaps are counted against; without one, each day is held against its own bars. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setMaster(InstrumentMaster m) {
        master = m;
    }

    void unsetMaster(InstrumentMaster m) {
        master = InstrumentMaster.empty();
    }

    @Override
    public synchronized Ingested ingest(Path file, Path schemaFile, String name, java.util.function.LongConsumer bytesRead) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        String n = name != null ? name : defaultName(file);
        if (!CatalogBarSourceFactory.NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("name '" + n + "' is not a catalog name: letters, digits, '.', '-' and '_', up to 100"
                    + (name == null ? "; give one with --name" : ""));
        }
        String sha256 = io.quiver.sdk.spi.BarSourceFactory.sha256(file);
        Optional<Entry> same = index.bySha256(sha256);
        if (same.isPresent()) {
            return new Ingested(same.get(), false);
        }
        Optional<Entry> taken = index.byName(n);
        if (taken.isPresent()) {
            throw new IllegalArgumentException("name '" + n + "' holds other data (from " + taken.get().source() + ", SHA-256 "
                    + taken.get().sha256().substring(0, 12) + "...); give another with --name");
        }
        BarSeries series = parse(file, schemaFile, bytesRead);
        if (series.size() == 0) {
            throw new IllegalArgumentException(file.getFileName() + ": no bars in the file");
        }
        Instrument instrument = master.resolve(series.instrument());
        ColumnFile.write(folder.resolve(n + ".bars"), series, file.getFileName().toString(), sha256);
        Path schema = schemaFile != null ? schemaFile : file.resolveSibling(file.getFileName() + ".schema");
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Entry entry = new Entry(n, file.getFileName().toString(), bytes, sha256, Instant.now(clock),
                Files.isRegularFile(schema) ? schema.getFileName().toString() : "default", series.instrument().id().symbol(), series.size(),
                series.time(0), series.time(series.size() - 1), QualityCheck.interval(series), QualityCheck.of(series, instrument.hours()));
        index.put(entry);
        return new Ingested(entry, true);
    }

    @Override
    public synchronized Ingested resample(String name, java.time.Duration step, String newName) {
        Entry from = index.byName(name).orElseThrow(() -> new IllegalArgumentException("no data set '" + name + "' in the catalog"));
        if (step.compareTo(from.interval()) <= 0) {
            throw new IllegalArgumentException("interval " + DataCatalog.intervalText(step) + " is not coarser than the data's "
                    + DataCatalog.intervalText(from.interval()));
        }
        String n = newName != null ? newName : name + "-" + DataCatalog.intervalText(step);
        if (!CatalogBarSourceFactory.NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("name '" + n + "' is not a catalog name: letters, digits, '.', '-' and '_', up to 100");
        }
        String sha256 = sha256Of(from.sha256() + " resampled to " + step); // the same source and step give the same data
        Optional<Entry> same = index.bySha256(sha256);
        if (same.isPresent()) {
            return new Ingested(same.get(), false);
        }
        if (index.byName(n).isPresent()) {
            throw new IllegalArgumentException("name '" + n + "' holds other data; give another with --name");
        }
        BarSeries source = read(name);
        Instrument instrument = master.resolve(source.instrument());
        BarSeries coarse = io.quiver.sdk.model.BarAggregator.resample(source, step, instrument.hours());
        if (coarse.size() == 0) {
            throw new IllegalArgumentException("no bar of " + name + " falls in the sessions of " + instrument.id() + " (" + instrument.hours() + ")");
        }
        String origin = name + " resampled to " + DataCatalog.intervalText(step);
        ColumnFile.write(folder.resolve(n + ".bars"), coarse, origin, sha256);
        Entry entry = new Entry(n, origin, 0, sha256, Instant.now(clock), from.schema(), from.symbol(), coarse.size(), coarse.time(0),
                coarse.time(coarse.size() - 1), QualityCheck.interval(coarse), QualityCheck.of(coarse, instrument.hours()));
        index.put(entry);
        return new Ingested(entry, true);
    }

    private static String sha256Of(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BarSeries parse(Path file, Path schema, java.util.function.LongConsumer bytesRead) {
        try {
            return CsvDataReader.readBars(file, schema != null ? CsvDataReader.schemaFrom(schema) : CsvDataReader.schemaFor(file), bytesRead);
        } catch (CsvSchemaException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage()
                    + (e.key().equals("kind") ? "; the catalog holds bars (open, high, low, close) for now" : ""), e);
        } catch (CsvFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public List<Entry> list() {
        return index.all();
    }

    @Override
    public Optional<Entry> entry(String name) {
        return index.byName(name);
    }

    @Override
    public BarSeries read(String name) {
        if (index.byName(name).isEmpty()) {
            throw new IllegalArgumentException("no data set '" + name + "' in the catalog; data:list shows what it holds");
        }
        return CatalogBarSourceFactory.read(folder, name).series();
    }

    @Override
    public Path folder() {
        return folder;
    }

    /** {@code orcl-1995-2014.txt} is {@code orcl-1995-2014}. */
    static String defaultName(Path file) {
        String f = file.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    @Deactivate
    @Override
    public void close() {
        index.close();
    }
}
