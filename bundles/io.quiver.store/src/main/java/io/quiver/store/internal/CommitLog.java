package io.quiver.store.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of checksummed frames in front of a MapDB store. A frame is written with one
 * {@code write}: once it returns the frame survives a kill -9 of the process (the operating system holds
 * it); with {@code fsync} it also waits for the disk. A crash in the middle of a write leaves a torn frame
 * at the end, which {@link #read()} stops at. The owner moves what the log holds into its MapDB store in
 * one transaction from time to time and then {@link #clear()}s it.
 *
 * <p>The file is written through {@link RandomAccessFile}, never through a {@code FileChannel}: a
 * channel is closed for everyone when a thread that uses it is interrupted, and the threads that commit
 * include strategy threads, which the runtime interrupts when it quarantines one. An interrupt must stop
 * that strategy, not the journal every other strategy shares.
 */
final class CommitLog implements AutoCloseable {
    /** Frame header: payload length (int), sequence number (long), CRC32C of sequence and payload (int). */
    private static final int HEADER = 16;

    record Frame(long sequence, String payload) {
    }

    private final Path file;
    private final RandomAccessFile out;
    private final boolean fsync;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

    CommitLog(Path file, boolean fsync) {
        this.file = file;
        this.fsync = fsync;
        try {
            this.out = new RandomAccessFile(file.toFile(), "rw");
            out.seek(out.length());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the commit log " + file + ": " + e.getMessage(), e);
        }
    }

    /** The whole frames in the log, oldest first, up to the first torn one. */
    List<Frame> read() {
        List<Frame> frames = new ArrayList<>();
        try {
            byte[] bytes = new byte[Math.toIntExact(out.length())];
            out.seek(0);
            out.readFully(bytes);
            ByteBuffer all = ByteBuffer.wrap(bytes);
            while (all.remaining() >= HEADER) {
                int length = all.getInt();
                long sequence = all.getLong();
                int checksum = all.getInt();
                if (length < 0 || length > all.remaining()) {
                    break;
                }
                byte[] payload = new byte[length];
                all.get(payload);
                if (checksum != checksum(sequence, payload)) {
                    break;
                }
                frames.add(new Frame(sequence, new String(payload, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the commit log " + file + ": " + e.getMessage(), e);
        }
        return frames;
    }

    /** Appends one frame in one write; durable against a process crash when it returns. */
    void append(long sequence, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        if (buffer.capacity() < HEADER + bytes.length) {
            buffer = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, HEADER + bytes.length));
        }
        buffer.clear();
        buffer.putInt(bytes.length).putLong(sequence).putInt(checksum(sequence, bytes)).put(bytes).flip();
        try {
            out.write(buffer.array(), 0, buffer.limit());
            if (fsync) {
                out.getFD().sync();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the commit log " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    long size() {
        try {
            return out.length();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of the commit log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Empties the log; call it once what it held is committed elsewhere. */
    void clear() {
        try {
            out.setLength(0);
            out.seek(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the commit log " + file + ": " + e.getMessage(), e);
        }
    }

    private int checksum(long sequence, byte[] payload) {
        crc.reset();
        for (int shift = 56; shift >= 0; shift -= 8) {
            crc.update((int) (sequence >>> shift));
        }
        crc.update(payload, 0, payload.length);
        return (int) crc.getValue();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the commit log " + file + ": " + e.getMessage(), e);
        }
    }
}
