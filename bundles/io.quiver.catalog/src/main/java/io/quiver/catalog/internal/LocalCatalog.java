package io.quiver.catalog.internal;

import io.quiver.catalog.DataCatalog;
import io.quiver.catalog.DataCatalog.Kind;
import io.quiver.feed.csv.CsvDataReader;
import io.quiver.feed.csv.CsvFormatException;
import io.quiver.feed.csv.CsvSchema;
import io.quiver.feed.csv.CsvSchemaException;
import io.quiver.sdk.model.BarAggregator;
import io.quiver.sdk.model.TickSeries;
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
 * ({@code <name>.bars}, or {@code <name>.ticks} for quotes and trade prints) and the metadata in {@code catalog.db} (MapDB). Ingest reads a file with its
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
        Parsed parsed = parse(file, schemaFile, bytesRead);
        Path schema = schemaFile != null ? schemaFile : file.resolveSibling(file.getFileName() + ".schema");
        String schemaName = Files.isRegularFile(schema) ? schema.getFileName().toString() : "default";
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Entry entry;
        if (parsed.ticks() != null) {
            TickSeries ticks = parsed.ticks();
            ColumnFile.write(folder.resolve(n + ".ticks"), ticks, file.getFileName().toString(), sha256);
            entry = new Entry(n, file.getFileName().toString(), bytes, sha256, Instant.now(clock), schemaName, ticks.instrument().id().symbol(),
                    ticks.size(), ticks.time(0), ticks.time(ticks.size() - 1), QualityCheck.interval(ticks), QualityCheck.of(ticks), parsed.kind());
        } else {
            BarSeries series = parsed.bars();
            if (series.size() == 0) {
                throw new IllegalArgumentException(file.getFileName() + ": no bars in the file");
            }
            Instrument instrument = master.resolve(series.instrument());
            ColumnFile.write(folder.resolve(n + ".bars"), series, file.getFileName().toString(), sha256);
            entry = new Entry(n, file.getFileName().toString(), bytes, sha256, Instant.now(clock), schemaName, series.instrument().id().symbol(),
                    series.size(), series.time(0), series.time(series.size() - 1), QualityCheck.interval(series),
                    QualityCheck.of(series, instrument.hours()));
        }
        index.put(entry);
        return new Ingested(entry, true);
    }

    @Override
    public synchronized Ingested resample(String name, java.time.Duration step, String newName) {
        Entry from = index.byName(name).orElseThrow(() -> new IllegalArgumentException("no data set '" + name + "' in the catalog"));
        if (from.kind() == Kind.BARS && step.compareTo(from.interval()) <= 0) {
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
        BarSeries coarse;
        Instrument instrument;
        if (from.kind() == Kind.BARS) {
            BarSeries source = read(name);
            instrument = master.resolve(source.instrument());
            coarse = BarAggregator.resample(source, step, instrument.hours());
        } else if (from.kind() == Kind.TRADES) {
            TickSeries source = readTicks(name);
            instrument = master.resolve(source.instrument());
            coarse = BarAggregator.ofTrades(source, step, instrument.hours());
        } else {
            throw new IllegalArgumentException(name + " holds quotes: bars are made of trade prints; ingest the trades of " + from.symbol());
        }
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

    /** A file read: bars, or ticks of a kind. */
    private record Parsed(BarSeries bars, TickSeries ticks, Kind kind) {
    }

    private static Parsed parse(Path file, Path schemaFile, java.util.function.LongConsumer bytesRead) {
        try {
            CsvSchema schema = schemaFile != null ? CsvDataReader.schemaFrom(schemaFile) : CsvDataReader.schemaFor(file);
            return switch (schema.kind()) {
                case BARS -> new Parsed(CsvDataReader.readBars(file, schema, bytesRead), null, Kind.BARS);
                case QUOTES -> new Parsed(null, CsvDataReader.readTicks(file, schema, bytesRead), Kind.QUOTES);
                case TRADES -> new Parsed(null, CsvDataReader.readTicks(file, schema, bytesRead), Kind.TRADES);
            };
        } catch (CsvSchemaException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
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
        if (stored(name).kind() != Kind.BARS) {
            throw new IllegalArgumentException(name + " holds " + stored(name).kind().text() + ", not bars");
        }
        return CatalogBarSourceFactory.read(folder, name).series();
    }

    @Override
    public TickSeries readTicks(String name) {
        if (stored(name).kind() == Kind.BARS) {
            throw new IllegalArgumentException(name + " holds bars, not ticks");
        }
        return CatalogBarSourceFactory.read(folder, name).ticks();
    }

    private Entry stored(String name) {
        return index.byName(name).orElseThrow(() -> new IllegalArgumentException("no data set '" + name + "' in the catalog; data:list shows what it holds"));
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
