package io.quiver.catalog.internal;

import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Instrument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The catalog's file of one data set: bars in columns of longs (time in epoch nanoseconds, open, high,
 * low, close in price units, volume in volume units), read back memory-mapped. Layout, little-endian:
 * the magic {@code QVRBARS1}, the length of a header of {@code key=value} lines (symbol, price and volume
 * scale, rows), the header, padding to 8 bytes, the six columns, and a CRC-32C of everything before it,
 * so that a damaged or cut file is found on opening, not by a wrong backtest.
 */
final class ColumnFile {
    private static final byte[] MAGIC = "QVRBARS1".getBytes(StandardCharsets.US_ASCII);
    private static final int COLUMNS = 6;

    /** What a file says about itself. */
    record Header(String symbol, int priceScale, int volumeScale, int rows, String source, String sha256) {
    }

    private ColumnFile() {
    }

    /** Writes {@code series} to {@code file}, whole or not at all (a temporary file moved into place). */
    static void write(Path file, BarSeries series, String source, String sha256) {
        int rows = series.size();
        Map<String, String> h = new LinkedHashMap<>();
        h.put("source", source.replace('\n', ' '));
        h.put("sha256", sha256);
        h.put("symbol", series.instrument().id().symbol());
        h.put("price.scale", Integer.toString(series.priceScale()));
        h.put("volume.scale", Integer.toString(series.volumeScale()));
        h.put("rows", Integer.toString(rows));
        StringBuilder text = new StringBuilder();
        h.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        byte[] header = text.toString().getBytes(StandardCharsets.UTF_8);
        int start = pad(MAGIC.length + 4 + header.length);
        long size = start + (long) rows * COLUMNS * 8 + 8;
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                MappedByteBuffer out = ch.map(FileChannel.MapMode.READ_WRITE, 0, size);
                out.order(ByteOrder.LITTLE_ENDIAN);
                out.put(MAGIC).putInt(header.length).put(header);
                out.position(start);
                for (int i = 0; i < rows; i++) {
                    out.putLong(series.timeNanos(i));
                }
                for (int i = 0; i < rows; i++) {
                    out.putLong(series.openUnits(i));
                }
                for (int i = 0; i < rows; i++) {
                    out.putLong(series.highUnits(i));
                }
                for (int i = 0; i < rows; i++) {
                    out.putLong(series.lowUnits(i));
                }
                for (int i = 0; i < rows; i++) {
                    out.putLong(series.closeUnits(i));
                }
                for (int i = 0; i < rows; i++) {
                    out.putLong(series.volumeUnits(i));
                }
                CRC32C crc = new CRC32C();
                crc.update(out.duplicate().position(0).limit((int) (size - 8)));
                out.putLong(crc.getValue());
                out.force();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** What a read gives: the header and the bars. */
    record Contents(Header header, BarSeries series) {
    }

    /** Reads a file back into bars of the instrument {@code instrument} gives for its header (of the file's price scale). */
    static Contents read(Path file, java.util.function.Function<Header, Instrument> instrument) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < MAGIC.length + 4 + 8) {
                throw damaged(file, "it is " + size + " bytes long");
            }
            MappedByteBuffer in = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            in.order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw damaged(file, "it does not start as a catalog file does");
            }
            Header header = header(file, in);
            int start = pad(MAGIC.length + 4 + in.getInt(MAGIC.length));
            long expected = start + (long) header.rows() * COLUMNS * 8 + 8;
            if (size != expected) {
                throw damaged(file, "it is " + size + " bytes long, its header says " + expected);
            }
            CRC32C crc = new CRC32C();
            crc.update(in.duplicate().position(0).limit((int) (size - 8)));
            if (crc.getValue() != in.getLong((int) (size - 8))) {
                throw damaged(file, "its checksum does not match its contents");
            }
            int n = header.rows();
            long[][] columns = new long[COLUMNS][n];
            LongBuffer longs = in.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(start).slice().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
            for (long[] column : columns) {
                longs.get(column);
            }
            Instrument i = instrument.apply(header);
            BarSeries.Builder b = BarSeries.builder(i, header.volumeScale());
            for (int r = 0; r < n; r++) {
                b.add(columns[0][r], columns[1][r], columns[2][r], columns[3][r], columns[4][r], columns[5][r]);
            }
            return new Contents(header, b.build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Header header(Path file, ByteBuffer in) {
        int length = in.getInt(MAGIC.length);
        if (length < 0 || length > in.capacity() - MAGIC.length - 4) {
            throw damaged(file, "its header length " + length + " is impossible");
        }
        byte[] bytes = new byte[length];
        in.get(MAGIC.length + 4, bytes);
        Map<String, String> h = new LinkedHashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                h.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        try {
            return new Header(h.get("symbol"), Integer.parseInt(h.get("price.scale")), Integer.parseInt(h.get("volume.scale")),
                    Integer.parseInt(h.get("rows")), h.getOrDefault("source", ""), h.getOrDefault("sha256", ""));
        } catch (RuntimeException e) {
            throw damaged(file, "its header is not readable: " + h);
        }
    }

    private static int pad(int n) {
        return (n + 7) & ~7;
    }

    private static IllegalArgumentException damaged(Path file, String why) {
        return new IllegalArgumentException("catalog file " + file.getFileName() + " is damaged: " + why + "; ingest its source again");
    }
}
