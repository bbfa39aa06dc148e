package io.quiver.store.internal;

import io.quiver.oms.JournalStore;
import io.quiver.oms.OrderJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * Journals in MapDB, one file each ({@code <folder>/<name>.journal.db}), with transactions on: appended
 * records sit in MapDB's write-ahead log until {@link OrderJournal#commit()}, which makes them survive a
 * kill -9 of the process; a crash before the commit loses exactly the uncommitted records. With
 * {@code fsync} the commit also waits for the disk, which protects against a power cut too, at the cost
 * of latency.
 */
public final class MapDbJournals implements JournalStore, AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private final Path folder;
    private final boolean fsync;
    private final Map<String, Journal> open = new ConcurrentHashMap<>();

    public MapDbJournals(Path folder, boolean fsync) {
        this.folder = folder;
        this.fsync = fsync;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the journal folder " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public OrderJournal open(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("journal name '" + name + "' must be letters, digits, '.', '_' or '-'");
        }
        return open.computeIfAbsent(name, n -> new Journal(folder.resolve(n + ".journal.db")));
    }

    @Override
    public void close() {
        open.values().forEach(Journal::close);
        open.clear();
    }

    private final class Journal implements OrderJournal {
        private final DB db;
        private final BTreeMap<Long, String> records;
        private final StringBuilder pending = new StringBuilder();
        private long next;

        Journal(Path file) {
            DBMaker.Maker maker = DBMaker.fileDB(file.toFile()).transactionEnable().closeOnJvmShutdown();
            this.db = (fsync ? maker : maker.fileSyncDisable()).make();
            this.records = db.treeMap("records", Serializer.LONG, Serializer.STRING).valuesOutsideNodesEnable().createOrOpen();
            Long last = records.isEmpty() ? null : records.lastKey();
            this.next = last == null ? 1 : last + 1;
        }

        @Override
        public synchronized void append(String record) {
            if (record.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a journal record is one line: " + record);
            }
            pending.append(record).append('\n');
        }

        /** One MapDB entry per commit: a put costs tens of microseconds, so records are not put one by one. */
        @Override
        public synchronized void commit() {
            if (pending.length() > 0) {
                records.put(next++, pending.toString());
                pending.setLength(0);
            }
            db.commit();
        }

        @Override
        public synchronized void replay(Consumer<String> reader) {
            for (String entry : records.values()) {
                int from = 0;
                for (int nl = entry.indexOf('\n'); nl >= 0; nl = entry.indexOf('\n', from)) {
                    reader.accept(entry.substring(from, nl));
                    from = nl + 1;
                }
                if (from < entry.length()) {
                    reader.accept(entry.substring(from)); // an entry written one record at a time
                }
            }
        }

        synchronized void close() {
            if (!db.isClosed()) {
                db.close();
            }
        }
    }
}
