package io.quiver.feed.csv.internal;

import io.quiver.feed.csv.CsvDataReader;
import io.quiver.feed.csv.CsvFormatException;
import io.quiver.feed.csv.CsvSchemaException;
import io.quiver.sdk.spi.BarSourceFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;

/**
 * Bars, quotes or trade prints from a delimited text file, laid out as the {@code <file>.schema} beside it says (docs/data.md);
 * the result records the file's name and SHA-256. Also a {@link java.util.ServiceLoader} provider.
 */
@Component(service = BarSourceFactory.class, property = BarSourceFactory.TYPE_PROPERTY + "=csv")
public final class CsvBarSourceFactory implements BarSourceFactory {
    /** A {@code <type>:} prefix of another source (two letters at least, so that {@code C:\\data} stays a file). */
    private static final Pattern OTHER_SOURCE = Pattern.compile("[A-Za-z][A-Za-z0-9.-]+:.*");

    @Override
    public String type() {
        return "csv";
    }

    @Override
    public String description() {
        return "a delimited text file of bars, quotes or trades, laid out as its .schema file says";
    }

    @Override
    public boolean reads(String data) {
        return !OTHER_SOURCE.matcher(data).matches();
    }

    @Override
    public BarData open(String data, Path home) {
        Path file = home.resolve(data).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("data file not found: " + file);
        }
        try {
            io.quiver.feed.csv.CsvSchema schema = CsvDataReader.schemaFor(file);
            String name = file.getFileName().toString();
            return switch (schema.kind()) {
                case BARS -> new BarData(CsvDataReader.readBars(file, schema), name, BarSourceFactory.sha256(file));
                case QUOTES, TRADES -> BarData.ofTicks(CsvDataReader.readTicks(file, schema, read -> { }), name, BarSourceFactory.sha256(file));
            };
        } catch (CsvSchemaException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
        } catch (CsvFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
