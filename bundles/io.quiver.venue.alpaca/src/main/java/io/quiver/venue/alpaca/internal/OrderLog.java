package io.quiver.venue.alpaca.internal;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the broker cannot say: which Quiver account each order belongs to (one broker account serves
 * them all) and each account's starting cash and opening time. One line per fact, synced to disk before
 * the order goes out, so after a crash every order the broker may hold can be attributed. A torn last
 * line (a crash mid-write) is dropped on reading: its order was never sent.
 */
public final class OrderLog implements AutoCloseable {
    /** The accounts' openings. */
    public record Opening(Money startingCash, Instant openedAt) {
    }

    private final Path file;
    private final FileChannel channel;
    private final Map<String, String> accountOf = new HashMap<>();
    private final Map<String, Opening> openings = new LinkedHashMap<>();
    private final Map<String, Instant> firstOrderAt = new HashMap<>();

    public OrderLog(Path folder) {
        try {
            Files.createDirectories(folder);
            file = folder.resolve("orders.log");
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n') + 1;
            read(List.of(text.substring(0, end).split("\n")));
            channel.truncate(text.substring(0, end).getBytes(StandardCharsets.UTF_8).length); // a torn last line goes
            channel.position(channel.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + folder.resolve("orders.log") + ": " + e.getMessage(), e);
        }
    }

    private void read(List<String> lines) {
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length == 4 && f[0].equals("O")) {
                accountOf.put(f[2], f[1]);
                firstOrderAt.merge(f[1], Instant.parse(f[3]), (a, b) -> a.isBefore(b) ? a : b);
            } else if (f.length == 4 && f[0].equals("A")) {
                openings.putIfAbsent(f[1], new Opening(Money.of(f[2]), Instant.parse(f[3])));
            }
        }
    }

    /** Writes down that {@code order}, entered at {@code time}, belongs to {@code account}, durably. */
    public synchronized void order(String account, ClientOrderId order, Instant time) {
        if (!account.equals(accountOf.get(order.value()))) {
            append("O\t" + account + "\t" + order.value() + "\t" + time);
            accountOf.put(order.value(), account);
            firstOrderAt.merge(account, time, (a, b) -> a.isBefore(b) ? a : b);
        }
    }

    /** When the account's first order was entered (by the clock of whoever entered it); empty before any. */
    public synchronized Optional<Instant> firstOrderAt(String account) {
        return Optional.ofNullable(firstOrderAt.get(account));
    }

    /** Opens {@code account} at {@code at}; false if it was open already (its first opening stands). */
    public synchronized boolean open(String account, Money startingCash, Instant at) {
        if (openings.containsKey(account)) {
            return false;
        }
        append("A\t" + account + "\t" + startingCash.toBigDecimal().toPlainString() + "\t" + at);
        openings.put(account, new Opening(startingCash, at));
        return true;
    }

    public synchronized Optional<String> accountOf(ClientOrderId order) {
        return Optional.ofNullable(accountOf.get(order.value()));
    }

    public synchronized Optional<Opening> opening(String account) {
        return Optional.ofNullable(openings.get(account));
    }

    private void append(String line) {
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an id with a line break cannot be written down: " + line);
        }
        try {
            ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                channel.write(b);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
