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
 * Journals kept in MapDB files that are written once and never changed, each with a commit log in front
 * ({@code <name>.journal.log}).
 *
 * <p>A MapDB commit costs most of a millisecond, too much for every order. So {@link OrderJournal#commit()}
 * appends the records since the last commit to the commit log as one checksummed frame, in a single write:
 * once that write returns the records survive a kill -9 of the process (the operating system holds them);
 * with {@code fsync} the commit also waits for the disk, which protects against a power cut. Every few
 * megabytes, at start and at close the log becomes a segment: a new MapDB file
 * ({@code <name>.journal.db.seg-<sequence>}) written under a name that says it is incomplete, closed, and
 * renamed; then the log starts again from empty. The base file ({@code <name>.journal.db}) is replaced
 * the same way by a rewrite, and at start, when segments have piled up, by a merge of the base and its
 * segments. No MapDB file is ever written in place, so a kill at any moment leaves every committed file
 * whole: MapDB's own write-ahead log, which a kill in the middle of its commit can leave unreadable
 * ("Broken bit parity"), is not used. On start, frames a segment has already (a crash between the two
 * steps) are skipped, and a torn frame at the end (a crash in the middle of a write, never reported as
 * committed) is dropped. A store of the earlier layout (one transactional file with its write-ahead log)
 * is moved to this one at its first start.
 */
public final class MapDbJournals implements JournalStore, AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final long CHECKPOINT_BYTES = 4L << 20;
    private static final String RECORDS = "records";
    /** Segments after which a start merges them into the base (a running journal: eight times as many). */
    private static final int MERGE_SEGMENTS = 8;
    private static final String SEGMENT = ".seg-";

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
        /** The base file and then each segment, oldest first, open for reading. */
        private final List<DB> files = new java.util.ArrayList<>();
        private final List<BTreeMap<Long, String>> stores = new java.util.ArrayList<>();
        private final CommitLog log;
        private final StringBuilder pending = new StringBuilder();
        /** Committed to the log, not yet in a segment. */
        private final StringBuilder logged = new StringBuilder();
        private long lastSequence;
        private boolean closed;

        Journal(Path storeFile, Path logFile) {
            this.storeFile = storeFile;
            this.rewriting = sibling(storeFile, ".rewriting");
            this.rewritten = sibling(storeFile, ".rewritten");
            upgradeLegacyStore();
            finishRewrite();
            openFiles();
            if (files.isEmpty()) {
                merge(); // a new journal starts with an empty base file, so it is there to be found and copied
            }
            if (stores.size() > MERGE_SEGMENTS) {
                merge();
            }
            try {
                this.log = new CommitLog(logFile, fsync);
            } catch (RuntimeException e) {
                closeFiles();
                throw e;
            }
            // What a crash left in the log becomes a segment; frames a segment has already are skipped.
            for (CommitLog.Frame f : log.read()) {
                if (f.sequence() > lastSequence) {
                    logged.append(f.payload());
                    lastSequence = f.sequence();
                }
            }
            checkpoint();
        }

        /** The base file, then every segment after it in sequence order, read-only; segments a merge or rewrite took in are deleted. */
        private void openFiles() {
            lastSequence = 0;
            try {
                if (Files.exists(storeFile)) {
                    add(DBMaker.fileDB(storeFile.toFile()).readOnly().make());
                }
                long base = lastSequence;
                java.util.TreeMap<Long, Path> segments = new java.util.TreeMap<>();
                String prefix = storeFile.getFileName() + SEGMENT;
                try (var list = Files.list(folder)) {
                    for (Path f : list.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                        String tail = f.getFileName().toString().substring(prefix.length());
                        if (tail.endsWith(".writing")) {
                            Files.delete(f); // a checkpoint that did not finish; its frames are still in the log
                        } else {
                            segments.put(Long.parseLong(tail), f);
                        }
                    }
                }
                for (Map.Entry<Long, Path> e : segments.entrySet()) {
                    if (e.getKey() <= base) {
                        Files.delete(e.getValue()); // merged into the base before a crash
                    } else {
                        add(DBMaker.fileDB(e.getValue().toFile()).readOnly().make());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the journal " + storeFile + ": " + e.getMessage(), e);
            }
        }

        private void add(DB db) {
            BTreeMap<Long, String> records = db.treeMap(RECORDS, Serializer.LONG, Serializer.STRING).valuesOutsideNodesEnable().open();
            files.add(db);
            stores.add(records);
            if (!records.isEmpty()) {
                lastSequence = Math.max(lastSequence, records.lastKey());
            }
        }

        private void closeFiles() {
            files.forEach(DB::close);
            files.clear();
            stores.clear();
        }

        /** A file of the records given, by sequence: written as {@code temp}, closed, then renamed to {@code target}. */
        private void writeFile(Path temp, Path target, Map<Long, String> records) throws IOException {
            Files.deleteIfExists(temp);
            DB fresh = DBMaker.fileDB(temp.toFile()).make();
            try {
                BTreeMap<Long, String> map = fresh.treeMap(RECORDS, Serializer.LONG, Serializer.STRING).valuesOutsideNodesEnable().create();
                map.putAll(records);
                fresh.commit();
            } finally {
                fresh.close();
            }
            if (fsync) {
                try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    c.force(true);
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            if (fsync) {
                syncFolder();
            }
        }

        /** The base and its segments become one new base, by the rewrite's steps (so a crash ends with one or the other). */
        private void merge() {
            Map<Long, String> all = new java.util.TreeMap<>();
            stores.forEach(all::putAll);
            closeFiles();
            try {
                writeFile(rewriting, rewritten, all);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot merge the segments of " + storeFile + ": " + e.getMessage(), e);
            }
            finishRewrite();
            openFiles();
        }

        /**
         * A store of the earlier layout (one file changed in place under MapDB's write-ahead log) is read
         * once with that log and written anew as a base file, by the rewrite's steps.
         */
        private void upgradeLegacyStore() {
            try {
                if (!Files.exists(storeFile) || writeAheadLogs().isEmpty() || Files.exists(rewritten)) {
                    return;
                }
                DB legacy = DBMaker.fileDB(storeFile.toFile()).transactionEnable().make();
                Map<Long, String> all;
                try {
                    all = new java.util.TreeMap<>(legacy.treeMap(RECORDS, Serializer.LONG, Serializer.STRING).valuesOutsideNodesEnable()
                            .createOrOpen());
                } finally {
                    legacy.close();
                }
                writeFile(rewriting, rewritten, all);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move " + storeFile + " to the new layout: " + e.getMessage(), e);
            }
        }

        private List<Path> writeAheadLogs() throws IOException {
            String prefix = storeFile.getFileName() + ".wal.";
            try (var list = Files.list(folder)) {
                return list.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
            }
        }

        /**
         * A rewrite that was complete when the process stopped replaces the store (with the write-ahead
         * log of an earlier layout, if any); one that was still being written is thrown away.
         */
        private void finishRewrite() {
            try {
                Files.deleteIfExists(rewriting);
                if (Files.exists(rewritten)) {
                    for (Path wal : writeAheadLogs()) {
                        Files.delete(wal);
                    }
                    Files.move(rewritten, storeFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    if (fsync) {
                        syncFolder();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot finish the rewrite of " + storeFile + ": " + e.getMessage(), e);
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
                writeFile(rewriting, rewritten, Map.of(sequence, all.toString()));
            } catch (IOException | RuntimeException e) {
                try {
                    Files.deleteIfExists(rewriting);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup); // the next start deletes it
                }
                throw new IllegalStateException("cannot rewrite " + storeFile + ", the journal is unchanged: " + e.getMessage(), e);
            }
            closeFiles();
            finishRewrite();
            openFiles();
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

        /** Everything in the log becomes a segment, then the log starts again from empty. */
        private void checkpoint() {
            if (logged.length() > 0) {
                Path segment = sibling(storeFile, SEGMENT + lastSequence);
                try {
                    writeFile(sibling(storeFile, SEGMENT + lastSequence + ".writing"), segment, Map.of(lastSequence, logged.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the segment " + segment + ": " + e.getMessage(), e);
                }
                add(DBMaker.fileDB(segment.toFile()).readOnly().make());
                logged.setLength(0);
            }
            log.clear();
            if (stores.size() > 8 * MERGE_SEGMENTS) {
                merge(); // a runtime that is not restarted for long does not keep hundreds of files open
            }
        }

        @Override
        public synchronized void replay(Consumer<String> reader) {
            for (BTreeMap<Long, String> store : stores) {
                for (String entry : store.values()) {
                    lines(entry, reader);
                }
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
            if (closed) {
                return;
            }
            closed = true;
            try {
                checkpoint();
                log.close();
            } finally {
                closeFiles();
            }
        }
    }
}
