package io.quiver.catalog.internal;

import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.TickSeries;
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
 * The catalog's file of one data set in six columns of longs, read back memory-mapped. Bars
 * ({@code <name>.bars}): time in epoch nanoseconds, open, high, low, close in price units, volume in
 * volume units. Quotes and trade prints ({@code <name>.ticks}): time, 1 for a quote or 0 for a print,
 * bid or price, its size, ask, its size ({@link TickSeries#MISSING} for what a tick lacks). Layout,
 * little-endian: the magic ({@code QVRBARS1} or {@code QVRTICK1}), the length of a header of
 * {@code key=value} lines (symbol, price and volume scale, rows), the header, padding to 8 bytes, the
 * columns, and a CRC-32C of everything before it, so that a damaged or cut file is found on opening,
 * not by a wrong backtest.
 */
final class ColumnFile {
    private static final byte[] BARS = "QVRBARS1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TICKS = "QVRTICK1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAGIC_LENGTH = 8;
    private static final int COLUMNS = 6;

    /** What a file says about itself; {@code volumeScale} is the size scale of ticks. */
    record Header(String symbol, int priceScale, int volumeScale, int rows, String source, String sha256) {
    }

    private ColumnFile() {
    }

    /** Writes {@code series} to {@code file}, whole or not at all (a temporary file moved into place). */
    static void write(Path file, BarSeries series, String source, String sha256) {
        write(file, BARS, series.instrument(), series.priceScale(), series.volumeScale(), series.size(), source, sha256, (column, i) -> switch (column) {
            case 0 -> series.timeNanos(i);
            case 1 -> series.openUnits(i);
            case 2 -> series.highUnits(i);
            case 3 -> series.lowUnits(i);
            case 4 -> series.closeUnits(i);
            default -> series.volumeUnits(i);
        });
    }

    /** Writes quotes and trade prints to {@code file}, whole or not at all. */
    static void write(Path file, TickSeries ticks, String source, String sha256) {
        write(file, TICKS, ticks.instrument(), ticks.priceScale(), ticks.sizeScale(), ticks.size(), source, sha256, (column, i) -> {
            boolean quote = ticks.isQuote(i);
            return switch (column) {
                case 0 -> ticks.timeNanos(i);
                case 1 -> quote ? 1 : 0;
                case 2 -> quote ? ticks.bidUnits(i) : ticks.priceUnits(i);
                case 3 -> quote ? ticks.bidSizeUnits(i) : ticks.sizeUnits(i);
                case 4 -> quote ? ticks.askUnits(i) : TickSeries.MISSING;
                default -> quote ? ticks.askSizeUnits(i) : TickSeries.MISSING;
            };
        });
    }

    /** The value of a column at a row. */
    private interface Cell {
        long at(int column, int row);
    }

    private static void write(Path file, byte[] magic, Instrument instrument, int priceScale, int volumeScale, int rows, String source, String sha256,
            Cell cell) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("source", source.replace('\n', ' '));
        h.put("sha256", sha256);
        h.put("symbol", instrument.id().symbol());
        h.put("price.scale", Integer.toString(priceScale));
        h.put("volume.scale", Integer.toString(volumeScale));
        h.put("rows", Integer.toString(rows));
        StringBuilder text = new StringBuilder();
        h.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        byte[] header = text.toString().getBytes(StandardCharsets.UTF_8);
        int start = pad(MAGIC_LENGTH + 4 + header.length);
        long size = start + (long) rows * COLUMNS * 8 + 8;
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                MappedByteBuffer out = ch.map(FileChannel.MapMode.READ_WRITE, 0, size);
                out.order(ByteOrder.LITTLE_ENDIAN);
                out.put(magic).putInt(header.length).put(header);
                out.position(start);
                for (int c = 0; c < COLUMNS; c++) {
                    for (int i = 0; i < rows; i++) {
                        out.putLong(cell.at(c, i));
                    }
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

    /** What a read gives: the header and the bars, or the ticks (the other null). */
    record Contents(Header header, BarSeries series, TickSeries ticks) {
    }

    /** Reads a file of bars or ticks back, for the instrument {@code instrument} gives for its header (of the file's price scale). */
    static Contents read(Path file, java.util.function.Function<Header, Instrument> instrument) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < MAGIC_LENGTH + 4 + 8) {
                throw damaged(file, "it is " + size + " bytes long");
            }
            MappedByteBuffer in = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            in.order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[MAGIC_LENGTH];
            in.get(magic);
            boolean ticks = java.util.Arrays.equals(magic, TICKS);
            if (!ticks && !java.util.Arrays.equals(magic, BARS)) {
                throw damaged(file, "it does not start as a catalog file does");
            }
            Header header = header(file, in);
            int start = pad(MAGIC_LENGTH + 4 + in.getInt(MAGIC_LENGTH));
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
            long[][] c = new long[COLUMNS][n];
            LongBuffer longs = in.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(start).slice().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
            for (long[] column : c) {
                longs.get(column);
            }
            Instrument i = instrument.apply(header);
            if (ticks) {
                TickSeries.Builder b = TickSeries.builder(i, header.volumeScale());
                for (int r = 0; r < n; r++) {
                    if (c[1][r] == 1) {
                        b.quoteUnits(c[0][r], c[2][r], c[3][r], c[4][r], c[5][r]);
                    } else {
                        b.tradeUnits(c[0][r], c[2][r], c[3][r]);
                    }
                }
                return new Contents(header, null, b.build());
            }
            BarSeries.Builder b = BarSeries.builder(i, header.volumeScale());
            for (int r = 0; r < n; r++) {
                b.add(c[0][r], c[1][r], c[2][r], c[3][r], c[4][r], c[5][r]);
            }
            return new Contents(header, b.build(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Header header(Path file, ByteBuffer in) {
        int length = in.getInt(MAGIC_LENGTH);
        if (length < 0 || length > in.capacity() - MAGIC_LENGTH - 4) {
            throw damaged(file, "its header length " + length + " is impossible");
        }
        byte[] bytes = new byte[length];
        in.get(MAGIC_LENGTH + 4, bytes);
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
