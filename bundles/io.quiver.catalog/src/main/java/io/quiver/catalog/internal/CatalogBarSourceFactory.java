package io.quiver.catalog.internal;

import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.spi.BarSourceFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;

/**
 * Bars from the catalog for backtests: {@code catalog:<name>} reads {@code <name>.bars} memory-mapped,
 * with no parsing; the result records the name and the SHA-256 of the file it was ingested from. Also a
 * {@link java.util.ServiceLoader} provider, for {@code bin/quiver-backtest}.
 */
@Component(service = BarSourceFactory.class, property = BarSourceFactory.TYPE_PROPERTY + "=catalog")
public final class CatalogBarSourceFactory implements BarSourceFactory {
    private static final String PREFIX = "catalog:";
    /** A name is also a file name: letters, digits, dot, dash and underscore, not starting with a dot. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    @Override
    public String type() {
        return "catalog";
    }

    @Override
    public String description() {
        return "catalog:<name>, a data set of bars, quotes or trades ingested into the catalog (data:ingest)";
    }

    @Override
    public boolean reads(String data) {
        return data.startsWith(PREFIX);
    }

    @Override
    public BarData open(String data, Path home) {
        String name = data.substring(PREFIX.length());
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("data: '" + name + "' is not a catalog name");
        }
        return read(folderOf(home), name);
    }

    /**
     * The catalog: {@code ${karaf.data}/quiver/catalog}; outside Karaf, under the {@code quiver.home} the
     * {@code bin/} scripts set (a backtest's {@code home} is where the user stands), else under {@code home}.
     */
    static Path folderOf(Path home) {
        String data = System.getProperty("karaf.data");
        String quiverHome = System.getProperty("quiver.home");
        Path base = data != null ? Path.of(data) : quiverHome != null ? Path.of(quiverHome).resolve("data") : home.resolve("data");
        return base.resolve("quiver").resolve("catalog");
    }

    static BarData read(Path folder, String name) {
        Path file = folder.resolve(name + ".bars");
        if (!Files.isRegularFile(file)) {
            file = folder.resolve(name + ".ticks");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("data: no data set '" + name + "' in the catalog (" + folder + "); data:list shows what it holds");
        }
        ColumnFile.Contents c = ColumnFile.read(file, h -> Instrument.of(h.symbol(), h.priceScale(), "USD"));
        return c.ticks() != null ? BarData.ofTicks(c.ticks(), PREFIX + name, c.header().sha256())
                : new BarData(c.series(), PREFIX + name, c.header().sha256());
    }
}
