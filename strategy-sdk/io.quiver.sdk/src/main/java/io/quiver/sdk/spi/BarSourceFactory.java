package io.quiver.sdk.spi;

import io.quiver.sdk.model.BarSeries;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads the bars a backtest runs on from a data argument: a file (the CSV source), {@code synthetic:<bars>}
 * (seeded bars), and whatever a bundle adds (e.g. {@code catalog:<name>}). Registered as a service with
 * {@link #TYPE_PROPERTY}, and listed in {@code META-INF/services} for runs outside OSGi; the engine picks
 * the source whose {@link #reads} accepts the argument, so it depends on no source itself.
 */
@ConsumerType
public interface BarSourceFactory {
    /** The service property that names the source type. */
    String TYPE_PROPERTY = "bars.type";

    /**
     * What a source read: the bars, the name the result records, and a checksum of what they came from.
     * A source of quotes or trade prints gives them as {@code ticks}, with an empty {@code series} of the
     * same instrument; a source of bars gives null ticks.
     */
    record BarData(BarSeries series, String name, String checksum, io.quiver.sdk.model.TickSeries ticks) {
        /** Bars. */
        public BarData(BarSeries series, String name, String checksum) {
            this(series, name, checksum, null);
        }

        /** Quotes or trade prints. */
        public static BarData ofTicks(io.quiver.sdk.model.TickSeries ticks, String name, String checksum) {
            return new BarData(BarSeries.builder(ticks.instrument(), 0).build(), name, checksum, ticks);
        }

        public boolean isTicks() {
            return ticks != null;
        }
    }

    /** The type, e.g. {@code csv} or {@code synthetic}. */
    String type();

    /** One line on what it reads. */
    String description();

    /**
     * Whether this source reads {@code data}: a source of a {@code <type>:} prefix claims what starts with it;
     * a file source claims what no prefix claims.
     */
    boolean reads(String data);

    /**
     * Reads the bars; {@code home} resolves relative file names. Bad data is an {@link IllegalArgumentException}
     * whose message names the file, line and column, or the argument and what it should be.
     */
    BarData open(String data, Path home);

    /** The SHA-256 of a file, in hex: the checksum a source records for a file it read. */
    static String sha256(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }
}
