package io.quiver.feed.csv.internal;

import io.quiver.feed.csv.CsvDataReader;
import io.quiver.feed.csv.CsvFormatException;
import io.quiver.feed.csv.CsvSchemaException;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.spi.BarSourceFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;

/**
 * Bars from a delimited text file, laid out as the {@code <file>.schema} beside it says (docs/data.md);
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
        return "a delimited text file of bars, laid out as its .schema file says";
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
        BarSeries series;
        try {
            series = CsvDataReader.readBars(file, CsvDataReader.schemaFor(file));
        } catch (CsvSchemaException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage()
                    + "; a backtest reads bars (open, high, low, close), quote and trade files cannot be backtested yet", e);
        } catch (CsvFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new BarData(series, file.getFileName().toString(), BarSourceFactory.sha256(file));
    }
}
