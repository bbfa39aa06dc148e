package io.quiver.catalog.internal;

import io.quiver.catalog.DataCatalog;
import io.quiver.catalog.DataCatalog.Entry;
import io.quiver.catalog.DataCatalog.Quality;
import io.quiver.sdk.spi.JournalFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/** The catalog's metadata in MapDB: each entry by name, and the name of each source checksum. */
final class CatalogIndex implements AutoCloseable {
    private final DB db;
    private final ConcurrentMap<String, String> entries;
    private final ConcurrentMap<String, String> checksums;

    CatalogIndex(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        this.db = DBMaker.fileDB(file.toFile()).transactionEnable().closeOnJvmShutdown().make();
        this.entries = db.hashMap("entries", Serializer.STRING, Serializer.STRING).createOrOpen();
        this.checksums = db.hashMap("checksums", Serializer.STRING, Serializer.STRING).createOrOpen();
    }

    synchronized Optional<Entry> byName(String name) {
        String text = entries.get(name);
        return text == null ? Optional.empty() : Optional.of(decode(name, text));
    }

    synchronized Optional<Entry> bySha256(String sha256) {
        String name = checksums.get(sha256);
        return name == null ? Optional.empty() : byName(name);
    }

    synchronized List<Entry> all() {
        List<Entry> list = new ArrayList<>();
        new java.util.TreeMap<>(entries).forEach((name, text) -> list.add(decode(name, text)));
        return list;
    }

    /** Stores an entry, durably, replacing one of that name. */
    synchronized void put(Entry e) {
        byName(e.name()).ifPresent(old -> checksums.remove(old.sha256()));
        entries.put(e.name(), encode(e));
        checksums.put(e.sha256(), e.name());
        db.commit();
    }

    private static String encode(Entry e) {
        Quality q = e.quality();
        return JournalFields.record("ENTRY").add(e.source()).add(e.sourceBytes()).add(e.sha256()).add(e.ingested()).add(e.schema())
                .add(e.symbol()).add(e.rows()).add(e.first()).add(e.last()).add(e.interval()).add(q.gaps()).add(q.outliers()).add(q.duplicates())
                .add(String.join("\u001f", q.examples())).add(e.kind().name()).toString();
    }

    private static Entry decode(String name, String text) {
        List<String> v = JournalFields.parse(text);
        String examples = v.get(14);
        Quality q = new Quality(Long.parseLong(v.get(11)), Long.parseLong(v.get(12)), Long.parseLong(v.get(13)),
                examples == null || examples.isEmpty() ? List.of() : Arrays.asList(examples.split("\u001f")));
        // entries stored before the catalog held ticks end at the examples: bars
        DataCatalog.Kind kind = v.size() > 15 ? DataCatalog.Kind.valueOf(v.get(15)) : DataCatalog.Kind.BARS;
        return new Entry(name, v.get(1), Long.parseLong(v.get(2)), v.get(3), Instant.parse(v.get(4)), v.get(5), v.get(6),
                Integer.parseInt(v.get(7)), Instant.parse(v.get(8)), Instant.parse(v.get(9)), Duration.parse(v.get(10)), q, kind);
    }

    @Override
    public synchronized void close() {
        if (!db.isClosed()) {
            db.close();
        }
    }
}
