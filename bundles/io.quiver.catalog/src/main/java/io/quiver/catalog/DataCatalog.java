package io.quiver.catalog;

import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.TickSeries;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The data catalog. A data set is ingested once from a file (read by its {@code .schema}, as backtests
 * read files) and then read back fast, by name: {@code --data catalog:<name>} in a backtest.
 */
@ProviderType
public interface DataCatalog {

    /** What a data set holds: bars, or quotes or trade prints (ticks). */
    enum Kind {
        BARS, QUOTES, TRADES;

        /** As an operator reads it: {@code bars}, {@code quotes}, {@code trades}. */
        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What the catalog knows of a data set.
     *
     * @param source   the file it was ingested from
     * @param schema   the schema it was read with (the {@code .schema} file's name, or {@code default})
     * @param rows     bars, or ticks
     * @param interval the smallest spacing between two bars or ticks
     */
    record Entry(String name, String source, long sourceBytes, String sha256, Instant ingested, String schema, String symbol, int rows,
            Instant first, Instant last, Duration interval, Quality quality, Kind kind) {

        /** An entry of bars. */
        public Entry(String name, String source, long sourceBytes, String sha256, Instant ingested, String schema, String symbol, int rows,
                Instant first, Instant last, Duration interval, Quality quality) {
            this(name, source, sourceBytes, sha256, ingested, schema, symbol, rows, first, last, interval, quality, Kind.BARS);
        }

        /** The bar interval as {@link DataCatalog#intervalText} writes it, or {@code quotes} or {@code trades} for ticks. */
        public String spacing() {
            return kind == Kind.BARS ? intervalText(interval) : kind.text();
        }
    }

    /**
     * The data set's quality, as found on ingest.
     *
     * @param gaps           bars missing against the instrument's sessions: on days with data for intraday bars; every
     *                       trading day (weekdays, unless the instrument trades every day) for daily bars, holidays included;
     *                       not counted for ticks, which come when they come
     * @param outliers       bars whose close-to-close change is more than ten scaled median absolute deviations from the median;
     *                       for ticks, the same of the change in trade price or quote mid
     * @param duplicates     bars equal to the bar before them in open, high, low, close and volume (stale repeats); ticks equal
     *                       to the tick before them in time and every value
     * @param examples       the times of the first few gaps, outliers and duplicates, in words
     */
    record Quality(long gaps, long outliers, long duplicates, List<String> examples) {
    }

    /** An ingest's outcome: the entry, and whether it was added (false: a file of that checksum was there already). */
    record Ingested(Entry entry, boolean added) {
    }

    /**
     * Ingests {@code file} as {@code name} (null: the file's name without its extension). A file whose
     * checksum is stored already is not read again. Bad rows are refused as a backtest refuses them
     * (file, line and column); a name in use by other data is refused.
     */
    default Ingested ingest(Path file, String name) {
        return ingest(file, name, read -> { });
    }

    /** The same, telling {@code bytesRead} about how much of the file has been read, for progress on a large one. */
    default Ingested ingest(Path file, String name, java.util.function.LongConsumer bytesRead) {
        return ingest(file, null, name, bytesRead);
    }

    /**
     * The same, with the layout in {@code schema} (a {@code .schema} file; null: the one beside the file, or
     * the defaults without one).
     */
    Ingested ingest(Path file, Path schema, String name, java.util.function.LongConsumer bytesRead);

    /**
     * Prints a line to {@code out} at every fifth of a file of at least 10 MB, with the time left at the
     * pace so far, e.g. {@code   40 % (21.0 of 52.6 MB, about 1.4 s left)}.
     */
    static java.util.function.LongConsumer progressPrintedTo(java.io.PrintStream out, long totalBytes) {
        long started = System.nanoTime();
        int[] last = {0};
        return read -> {
            int percent = (int) Math.min(99, read * 100 / Math.max(1, totalBytes));
            if (totalBytes >= 10_000_000 && percent >= last[0] + 20) {
                last[0] = percent;
                double elapsed = (System.nanoTime() - started) / 1e9;
                out.printf("  %d %% (%.1f of %.1f MB, about %.1f s left)%n", percent, read / 1e6, totalBytes / 1e6,
                        elapsed * (totalBytes - read) / Math.max(1, read));
            }
        };
    }

    /**
     * Stores {@code name} resampled to coarser bars of {@code step} (up to a day) as {@code newName} (null:
     * {@code <name>-<step>}, e.g. {@code orcl-PT1H}), by the instrument's sessions (see
     * {@link io.quiver.sdk.model.BarAggregator}); trade prints become bars of their prices and sizes, quotes
     * are refused. Resampling the same data to the same step again is a no-op.
     */
    Ingested resample(String name, Duration step, String newName);

    List<Entry> list();

    Optional<Entry> entry(String name);

    /** The bars of a data set; a damaged catalog file, or a data set of ticks, is an {@link IllegalArgumentException} that says so. */
    BarSeries read(String name);

    /** The quotes or trade prints of a data set of ticks; as {@link #read}, a mistake is an {@link IllegalArgumentException}. */
    TickSeries readTicks(String name);

    /** Where the catalog keeps its files. */
    Path folder();

    /** An interval as an operator writes it: {@code P1D} for whole days, else {@code PT5M}, {@code PT1H}. */
    static String intervalText(Duration d) {
        return !d.isZero() && d.toSeconds() % 86_400 == 0 && d.getNano() == 0 ? "P" + d.toDays() + "D" : d.toString();
    }
}
