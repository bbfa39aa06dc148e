package io.quiver.store.internal;

import io.quiver.oms.JournalStore;
import io.quiver.oms.OrderJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * Journals kept in MapDB ({@code <folder>/<name>.journal.db}, transactions on), each with a commit log in
 * front ({@code <name>.journal.log}).
 *
 * <p>A MapDB commit costs most of a millisecond (its write-ahead log is synced to disk every time), too
 * much for every order. So {@link OrderJournal#commit()} appends the records since the last commit to the
 * commit log as one checksummed frame, in a single write: once that write returns the records survive a
 * kill -9 of the process (the operating system holds them); with {@code fsync} the commit also waits for
 * the disk, which protects against a power cut. Every few megabytes, at start and at close the log is
 * moved into MapDB in one transaction and emptied. On start, frames the store has already (a crash
 * between the two steps) are skipped, and a torn frame at the end (a crash in the middle of a write,
 * never reported as committed) is dropped.
 */
public final class MapDbJournals implements JournalStore, AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final long CHECKPOINT_BYTES = 4L << 20;

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
        return open.computeIfAbsent(name, n -> new Journal(folder.resolve(n + ".journal.db"), folder.resolve(n + ".journal.log")));
    }

    @Override
    public void close() {
        open.values().forEach(Journal::close);
        open.clear();
    }

    private final class Journal implements OrderJournal {
        private final DB db;
        /** Committed records by the sequence number of the last commit they hold; each value is lines of records. */
        private final BTreeMap<Long, String> store;
        private final CommitLog log;
        private final StringBuilder pending = new StringBuilder();
        /** Committed to the log, not yet moved into the store. */
        private final StringBuilder logged = new StringBuilder();
        private long lastSequence;

        Journal(Path storeFile, Path logFile) {
            DBMaker.Maker maker = DBMaker.fileDB(storeFile.toFile()).transactionEnable().closeOnJvmShutdown();
            this.db = (fsync ? maker : maker.fileSyncDisable()).make();
            this.store = db.treeMap("records", Serializer.LONG, Serializer.STRING).valuesOutsideNodesEnable().createOrOpen();
            this.lastSequence = store.isEmpty() ? 0 : store.lastKey();
            try {
                this.log = new CommitLog(logFile, fsync);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            // What a crash left in the log goes into the store; frames the store has already are skipped.
            for (CommitLog.Frame f : log.read()) {
                if (f.sequence() > lastSequence) {
                    logged.append(f.payload());
                    lastSequence = f.sequence();
                }
            }
            checkpoint();
        }

        @Override
        public synchronized void append(String record) {
            if (record.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a journal record is one line: " + record);
            }
            pending.append(record).append('\n');
        }

        @Override
        public synchronized void commit() {
            if (pending.length() == 0) {
                return;
            }
            long sequence = lastSequence + 1;
            log.append(sequence, pending.toString());
            lastSequence = sequence;
            logged.append(pending);
            pending.setLength(0);
            if (log.size() >= CHECKPOINT_BYTES) {
                checkpoint();
            }
        }

        /**
         * The new records become the store's only entry, in one MapDB transaction, under a sequence number
         * above every frame in the log, so a crash before the log is emptied cannot bring old frames back.
         */
        @Override
        public synchronized void rewrite(List<String> records) {
            if (pending.length() > 0) {
                throw new IllegalStateException("rewrite with records not committed");
            }
            StringBuilder all = new StringBuilder();
            for (String r : records) {
                if (r.indexOf('\n') >= 0) {
                    throw new IllegalArgumentException("a journal record is one line: " + r);
                }
                all.append(r).append('\n');
            }
            long sequence = lastSequence + 1;
            store.clear();
            store.put(sequence, all.toString());
            db.commit();
            lastSequence = sequence;
            logged.setLength(0);
            log.clear();
        }

        /** One MapDB transaction for everything in the log, then the log starts again from empty. */
        private void checkpoint() {
            if (logged.length() > 0) {
                store.put(lastSequence, logged.toString());
                db.commit();
                logged.setLength(0);
            }
            log.clear();
        }

        @Override
        public synchronized void replay(Consumer<String> reader) {
            for (String entry : store.values()) {
                lines(entry, reader);
            }
            lines(logged.toString(), reader);
        }

        private static void lines(String entry, Consumer<String> reader) {
            int from = 0;
            for (int nl = entry.indexOf('\n'); nl >= 0; nl = entry.indexOf('\n', from)) {
                reader.accept(entry.substring(from, nl));
                from = nl + 1;
            }
            if (from < entry.length()) {
                reader.accept(entry.substring(from)); // an entry of one record without a line end
            }
        }

        synchronized void close() {
            if (db.isClosed()) {
                return;
            }
            try {
                checkpoint();
                log.close();
            } finally {
                db.close();
            }
        }
    }
}
