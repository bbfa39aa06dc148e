package io.quiver.feed.synthetic.internal;

import io.quiver.sdk.model.Price;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the synthetic feed left each instrument: its last close and how many bars it has published, one
 * line per symbol ({@code SYN1<tab>101.37<tab>5230}), so that a restart continues the price path rather than
 * jumping back to the start price. Written after every bar by replacing the file whole; delete it to
 * start again from {@code start.price}.
 */
final class LastPrices {
    private static final Logger LOG = LoggerFactory.getLogger(LastPrices.class);

    record Last(Price close, long bars) {
    }

    private final Path file;

    LastPrices(Path file) {
        this.file = file;
    }

    /** What the file holds; an unreadable line or file is logged and left out (the feed then starts afresh). */
    Map<String, Last> read() {
        Map<String, Last> last = new TreeMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return last;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                try {
                    Price close = Price.of(f[1]);
                    long bars = Long.parseLong(f[2]);
                    if (f.length != 3 || close.signum() <= 0 || bars < 0) {
                        throw new IllegalArgumentException(line);
                    }
                    last.put(f[0], new Last(close, bars));
                } catch (RuntimeException e) {
                    LOG.warn("synthetic feed: ignoring the line '{}' of {}: not <symbol> <close> <bars>", line, file);
                }
            }
        } catch (IOException e) {
            LOG.warn("synthetic feed: cannot read {} ({}); starting from the start price", file, e.getMessage());
        }
        return last;
    }

    void write(Map<String, Last> last) {
        if (file == null) {
            return;
        }
        StringBuilder b = new StringBuilder();
        last.forEach((symbol, l) -> b.append(symbol).append('\t').append(l.close()).append('\t').append(l.bars()).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            // A stream, not a channel: an interrupt of the feed's thread (a stop) must not break the write.
            try (var out = new java.io.FileOutputStream(tmp.toFile())) {
                out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("synthetic feed: cannot write {}: {}", file, e.getMessage());
        }
    }
}
