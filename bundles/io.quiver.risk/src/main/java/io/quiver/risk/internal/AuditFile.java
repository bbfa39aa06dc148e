package io.quiver.risk.internal;

import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskRefusal;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail as a file of JSON objects, one a line ({@code data/log/quiver-audit.json}), apart from
 * the text log. Passed orders are buffered and flushed every 200 ms; refusals and state changes are
 * flushed at once. At {@code maxBytes} the file rolls to {@code .1} (then {@code .2}, ...), keeping {@code keep}.
 *
 * <p>A strategy that keeps sending orders that are refused (after the kill switch, say) must not flood the
 * disk: the first refusal of a kind (instance, check, code) is written in full, the same refusals in the
 * second after it are counted and written as one {@code "type":"refusals"} line with their number, first
 * and last order. Nothing is left out; the repeats are condensed. Thread-safe.
 */
final class AuditFile implements AuditTrail, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditFile.class);

    private final Path file;
    private final long maxBytes;
    private final int keep;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quiver-audit");
        t.setDaemon(true);
        return t;
    });
    private BufferedWriter out;
    private long size;
    private boolean failed;
    /** Refusals being condensed, by instance, check and code. */
    private final java.util.Map<String, Repeats> repeats = new java.util.LinkedHashMap<>();
    private final java.util.function.LongSupplier millis;

    /** Refusals like the first of their kind within {@link #CONDENSE_MILLIS} of it. */
    private static final class Repeats {
        final long opened;
        final PreTradeOrder firstOrder;
        final String check;
        final String code;
        int count;
        PreTradeOrder last;

        Repeats(long opened, PreTradeOrder first, String check, String code) {
            this.opened = opened;
            this.firstOrder = first;
            this.check = check;
            this.code = code;
        }
    }

    static final long CONDENSE_MILLIS = 1_000;

    AuditFile(Path file, long maxBytes, int keep) {
        this(file, maxBytes, keep, System::currentTimeMillis);
    }

    AuditFile(Path file, long maxBytes, int keep, java.util.function.LongSupplier millis) {
        this.millis = millis;
        this.file = file;
        this.maxBytes = maxBytes;
        this.keep = keep;
        open();
        flusher.scheduleWithFixedDelay(this::flush, 200, 200, TimeUnit.MILLISECONDS);
    }

    private void open() {
        try {
            Files.createDirectories(file.getParent());
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit trail " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void decision(PreTradeOrder order, String check, RiskRefusal refusal) {
        if (refusal != null && condensed(order, check, refusal)) {
            return;
        }
        OrderRequest r = order.request();
        Json j = new Json().field("time", order.time()).field("type", "decision").field("strategy", order.strategyId())
                .field("venue", order.venueId()).field("order", order.id().value()).field("instrument", r.instrument().symbol())
                .field("side", r.side()).field("orderType", r.type()).field("quantity", r.quantity()).field("limitPrice", r.limitPrice())
                .field("stopPrice", r.stopPrice()).field("outcome", refusal == null ? "PASSED" : "REFUSED");
        if (check != null) {
            j.field("check", check);
        }
        if (refusal != null) {
            j.field("code", refusal.code()).field("message", refusal.message());
        }
        write(j.end(), refusal != null);
    }

    @Override
    public void state(Instant time, String scope, String state, String by, String reason) {
        write(new Json().field("time", time).field("type", "state").field("scope", scope).field("state", state).field("by", by)
                .field("reason", reason).end(), true);
    }

    /** True if the refusal is a repeat within the window of the first of its kind, and so only counted. */
    private synchronized boolean condensed(PreTradeOrder order, String check, RiskRefusal refusal) {
        long now = millis.getAsLong();
        closeRepeats(now);
        String key = order.strategyId() + '\u0000' + check + '\u0000' + refusal.code();
        Repeats r = repeats.get(key);
        if (r == null) {
            repeats.put(key, new Repeats(now, order, check, refusal.code()));
            return false;
        }
        r.count++;
        r.last = order;
        return true;
    }

    /** Writes the count of every window that has closed by {@code now}. */
    private synchronized void closeRepeats(long now) {
        var it = repeats.values().iterator();
        while (it.hasNext()) {
            Repeats r = it.next();
            if (now - r.opened < CONDENSE_MILLIS) {
                continue;
            }
            it.remove();
            if (r.count > 0) {
                write(new Json().field("time", r.last.time()).field("type", "refusals").field("strategy", r.firstOrder.strategyId())
                        .field("check", r.check).field("code", r.code).field("count", r.count).field("after", r.firstOrder.id().value())
                        .field("last", r.last.id().value()).end(), false);
            }
        }
    }

    private synchronized void write(String line, boolean now) {
        if (out == null) {
            return;
        }
        try {
            if (size + line.length() + 1 > maxBytes) {
                roll();
            }
            out.write(line);
            out.write('\n');
            size += line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (now) {
                out.flush();
            }
            failed = false;
        } catch (IOException e) {
            if (!failed) {
                LOG.error("cannot write the audit trail {}: {}", file, e.getMessage());
                failed = true;
            }
        }
    }

    private void roll() throws IOException {
        out.close();
        for (int i = keep - 1; i >= 1; i--) {
            Path from = sibling(i);
            if (Files.exists(from)) {
                Files.move(from, sibling(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, sibling(1), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    private Path sibling(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    synchronized void flush() {
        closeRepeats(millis.getAsLong());
        try {
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            LOG.error("cannot flush the audit trail {}: {}", file, e.getMessage());
        }
    }

    /** The last {@code n} lines, oldest first (from the current file and, if it is short, the one before). */
    List<String> last(int n) {
        flush();
        ArrayDeque<String> tail = new ArrayDeque<>(n + 1);
        for (Path p : List.of(sibling(1), file)) {
            if (!Files.exists(p)) {
                continue;
            }
            try (var lines = Files.lines(p, StandardCharsets.UTF_8)) {
                lines.forEach(l -> {
                    tail.addLast(l);
                    if (tail.size() > n) {
                        tail.removeFirst();
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                throw new IllegalStateException("cannot read the audit trail " + p + ": " + e.getMessage(), e);
            }
        }
        return new ArrayList<>(tail);
    }

    @Override
    public synchronized void close() {
        flusher.shutdownNow();
        closeRepeats(Long.MAX_VALUE);
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            LOG.error("cannot close the audit trail {}: {}", file, e.getMessage());
        }
        out = null;
    }

    /** A flat JSON object of strings (numbers as exact decimal text), built field by field. */
    static final class Json {
        private final StringBuilder b = new StringBuilder(256).append('{');

        Json field(String name, Object value) {
            if (value == null) {
                return this;
            }
            if (b.length() > 1) {
                b.append(',');
            }
            quote(name);
            b.append(':');
            quote(value.toString());
            return this;
        }

        private void quote(String s) {
            b.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            b.append('"');
        }

        String end() {
            return b.append('}').toString();
        }
    }
}
