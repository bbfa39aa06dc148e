package io.quiver.store.internal;

import io.quiver.oms.JournalStore;
import io.quiver.oms.OrderJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
    private static final String RECORDS = "records";

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

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    @Override
    public void close() {
        open.values().forEach(Journal::close);
        open.clear();
    }

    private final class Journal implements OrderJournal {
        private final Path storeFile;
        /** A rewrite being written: incomplete until it is renamed to {@link #rewritten}. */
        private final Path rewriting;
        /** A complete rewrite that has not yet replaced the store: at start it wins over the store. */
        private final Path rewritten;
        private DB db;
        /** Committed records by the sequence number of the last commit they hold; each value is lines of records. */
        private BTreeMap<Long, String> store;
        private final CommitLog log;
        private final StringBuilder pending = new StringBuilder();
        /** Committed to the log, not yet moved into the store. */
        private final StringBuilder logged = new StringBuilder();
        private long lastSequence;

        Journal(Path storeFile, Path logFile) {
            this.storeFile = storeFile;
            this.rewriting = sibling(storeFile, ".rewriting");
            this.rewritten = sibling(storeFile, ".rewritten");
            finishRewrite();
            openStore();
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

        private void openStore() {
            DBMaker.Maker maker = DBMaker.fileDB(storeFile.toFile()).transactionEnable().closeOnJvmShutdown();
            this.db = (fsync ? maker : maker.fileSyncDisable()).make();
            this.store = db.treeMap(RECORDS, Serializer.LONG, Serializer.STRING).valuesOutsideNodesEnable().createOrOpen();
        }

        /**
         * A rewrite that was complete when the process stopped replaces the store (the store's write-ahead
         * log, older than it, goes too); one that was still being written is thrown away.
         */
        private void finishRewrite() {
            try {
                Files.deleteIfExists(rewriting);
                if (Files.exists(rewritten)) {
                    deleteWriteAheadLog();
                    Files.move(rewritten, storeFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    if (fsync) {
                        syncFolder();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot finish the rewrite of " + storeFile + ": " + e.getMessage(), e);
            }
        }

        private void deleteWriteAheadLog() throws IOException {
            String prefix = storeFile.getFileName() + ".wal.";
            try (var files = Files.list(folder)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                    Files.delete(f);
                }
            }
        }

        private void syncFolder() throws IOException {
            try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
                dir.force(true);
            }
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
         * The new records become the only entry of a new store file, under a sequence number above every
         * frame in the log, so that old frames cannot come back; the new file then replaces the old one,
         * which gives its space back (MapDB does not shrink a file it has grown). The new file is written
         * beside the old under a name that says it is incomplete, and renamed once closed: from that
         * rename on, a crash ends with the new records, before it with the old.
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
            try {
                Files.deleteIfExists(rewriting);
                // Written once and closed before it counts, so it needs no write-ahead log of its own.
                DB fresh = DBMaker.fileDB(rewriting.toFile()).make();
                try {
                    fresh.treeMap(RECORDS, Serializer.LONG, Serializer.STRING).valuesOutsideNodesEnable().create().put(sequence, all.toString());
                    fresh.commit();
                } finally {
                    fresh.close();
                }
                if (fsync) {
                    try (FileChannel c = FileChannel.open(rewriting, StandardOpenOption.WRITE)) {
                        c.force(true);
                    }
                }
                Files.move(rewriting, rewritten, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                try {
                    Files.deleteIfExists(rewriting);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup); // the next start deletes it
                }
                throw new IllegalStateException("cannot rewrite " + storeFile + ", the journal is unchanged: " + e.getMessage(), e);
            }
            db.close();
            finishRewrite();
            openStore();
            lastSequence = sequence;
            logged.setLength(0);
            log.clear();
        }

        @Override
        public synchronized long sizeOnDisk() {
            try (var files = Files.list(folder)) {
                String name = storeFile.getFileName().toString();
                long bytes = 0;
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith(name) || f.equals(log.file())).toList()) {
                    bytes += Files.size(f);
                }
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the size of " + storeFile + ": " + e.getMessage(), e);
            }
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
