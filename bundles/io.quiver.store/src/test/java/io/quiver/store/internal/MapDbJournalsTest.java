package io.quiver.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.oms.OrderJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapDbJournalsTest {
    @TempDir
    Path dir;

    @Test
    void committedRecordsComeBackInOrderAfterReopening() {
        try (MapDbJournals journals = new MapDbJournals(dir, false)) {
            OrderJournal j = journals.open("orders");
            j.append("first\twith a tab");
            j.append("second");
            j.commit();
            j.append("third");
            j.commit();
        }
        List<String> read = new ArrayList<>();
        try (MapDbJournals journals = new MapDbJournals(dir, true)) {
            OrderJournal j = journals.open("orders");
            j.replay(read::add);
            j.append("fourth");
            j.commit();
        }
        assertEquals(List.of("first\twith a tab", "second", "third"), read);
        read.clear();
        try (MapDbJournals journals = new MapDbJournals(dir, false)) {
            journals.open("orders").replay(read::add);
            journals.open("venue-sim").replay(read::add);
        }
        assertEquals(List.of("first\twith a tab", "second", "third", "fourth"), read);
    }

    /**
     * A quarantined strategy's thread is interrupted, possibly in the middle of a commit. That commit may
     * fail for that thread, but the journal must stay open for every other thread (it was closed for all
     * when the log was written through an interruptible channel).
     */
    @Test
    void anInterruptedCommitterLeavesTheJournalOpenForEveryoneElse() throws Exception {
        try (MapDbJournals journals = new MapDbJournals(dir, false)) {
            OrderJournal j = journals.open("orders");
            Thread interrupted = new Thread(() -> {
                Thread.currentThread().interrupt();
                j.append("from an interrupted thread");
                j.commit();
            });
            interrupted.start();
            interrupted.join();
            j.append("from another thread");
            j.commit();
        }
        List<String> read = new ArrayList<>();
        try (MapDbJournals journals = new MapDbJournals(dir, false)) {
            journals.open("orders").replay(read::add);
        }
        assertEquals(List.of("from an interrupted thread", "from another thread"), read);
    }

    @Test
    void recordsAppendedButNotCommittedAreGoneAndARecordIsOneLine() {
        try (MapDbJournals journals = new MapDbJournals(dir, false)) {
            OrderJournal j = journals.open("orders");
            j.append("kept");
            j.commit();
            j.append("lost");
            assertEquals("a journal record is one line: two\nlines", assertThrows(IllegalArgumentException.class,
                    () -> j.append("two\nlines")).getMessage());
        }
        List<String> read = new ArrayList<>();
        try (MapDbJournals journals = new MapDbJournals(dir, false)) {
            journals.open("orders").replay(read::add);
        }
        assertEquals(List.of("kept"), read);
    }

    /** The files as a kill -9 leaves them: copied while the journal is open, with nothing closed or moved. */
    private Path killedCopy(String name) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("after-kill-" + name));
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(name + ".journal")).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private static List<String> read(Path folder, String name) {
        List<String> read = new ArrayList<>();
        try (MapDbJournals journals = new MapDbJournals(folder, false)) {
            journals.open(name).replay(read::add);
        }
        return read;
    }

    @Test
    void whatACommitReturnedForSurvivesAKillAndATornWriteIsDropped() throws IOException {
        Path copy;
        try (MapDbJournals journals = new MapDbJournals(dir, false)) {
            OrderJournal j = journals.open("orders");
            for (int i = 0; i < 1000; i++) {
                j.append("record " + i);
                if (i % 10 == 9) {
                    j.commit();
                }
            }
            j.append("never committed");
            copy = killedCopy("orders");
        }
        // a write cut short by the kill: a frame header that promises more than follows
        Files.write(copy.resolve("orders.journal.log"), new byte[] {0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 7, 1, 2, 3},
                java.nio.file.StandardOpenOption.APPEND);
        List<String> expected = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "record " + i).toList();
        assertEquals(expected, read(copy, "orders"));
        assertEquals(expected, read(copy, "orders"), "reading again, after the log was moved into the store");
        assertEquals(0, Files.size(copy.resolve("orders.journal.log")));
    }

    @Test
    void aLogAlreadyMovedIntoTheStoreIsNotReadTwice() throws IOException {
        Path copy;
        try (MapDbJournals journals = new MapDbJournals(dir, false)) {
            OrderJournal j = journals.open("orders");
            j.append("a");
            j.commit();
            j.append("b");
            j.commit();
            copy = killedCopy("orders");
        }
        // the store got the log at close, but a crash kept the log from being emptied
        Files.copy(copy.resolve("orders.journal.log"), dir.resolve("orders.journal.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(List.of("a", "b"), read(dir, "orders"));
    }

        @Test
    void aLogThatOutgrowsItsLimitMovesIntoTheStoreWhileCommitsGoOn() throws IOException {
        String padding = "x".repeat(100);
        try (MapDbJournals journals = new MapDbJournals(dir, false)) {
            OrderJournal j = journals.open("orders");
            for (int i = 0; i < 60_000; i++) {
                j.append(i + " " + padding);
                if (i % 100 == 99) {
                    j.commit();
                }
            }
            assertTrue(Files.size(dir.resolve("orders.journal.log")) < 4L << 20, "the 6 MB written went partly into the store");
        }
        List<String> read = read(dir, "orders");
        assertEquals(60_000, read.size());
        for (int i = 0; i < read.size(); i++) {
            assertEquals(i + " " + padding, read.get(i));
        }
    }

    @Test
    void aRewriteReplacesEverythingAndOldLogFramesDoNotComeBack() throws IOException {
        Path copy;
        try (MapDbJournals journals = new MapDbJournals(dir, false)) {
            OrderJournal j = journals.open("orders");
            j.append("old 1");
            j.commit();
            j.append("old 2");
            j.commit();
            copy = killedCopy("orders"); // the log still holds both old frames
            j.rewrite(List.of("snapshot a", "snapshot b"));
            j.append("after");
            j.commit();
        }
        assertEquals(List.of("snapshot a", "snapshot b", "after"), read(dir, "orders"));
        // a crash after the rewrite's MapDB commit, before the log was emptied: the old frames are older than it
        Files.copy(copy.resolve("orders.journal.log"), dir.resolve("orders.journal.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(List.of("snapshot a", "snapshot b", "after"), read(dir, "orders"));
    }

    @Test
    void aRewriteGivesTheSpaceBack() throws IOException {
        String padding = "x".repeat(200);
        try (MapDbJournals journals = new MapDbJournals(dir, false)) {
            OrderJournal j = journals.open("orders");
            for (int i = 0; i < 100_000; i++) {
                j.append(i + " " + padding);
                if (i % 100 == 99) {
                    j.commit();
                }
            }
            long before = j.sizeOnDisk();
            assertTrue(before > 20_000_000, "100,000 records of 200 bytes take over 20 MB, took " + before);
            j.rewrite(List.of("snapshot a", "snapshot b"));
            long after = j.sizeOnDisk();
            // MapDB grows a file 1 MiB at a time: a store and its write-ahead log of a few records are a few MiB at most.
            assertTrue(after <= 4 << 20, "a snapshot of two records takes 4 MiB at most, took " + after + " (before: " + before + ")");
            j.append("after");
            j.commit();
        }
        assertEquals(List.of("snapshot a", "snapshot b", "after"), read(dir, "orders"));
        try (var files = Files.list(dir)) {
            // the base, the log and the segment the last commit became at close; nothing of the rewrite
            assertEquals(List.of("orders.journal.db", "orders.journal.db.seg-1002", "orders.journal.log"), files.map(f -> f.getFileName()
                    .toString()).filter(n -> n.startsWith("orders")).sorted().toList(), "no file of the rewrite is left behind");
        }
    }

    /** A crash in the middle of a rewrite ends with all the old records, or once the new file is complete, exactly the new ones. */
    @Test
    void aCrashDuringARewriteEndsWithTheOldRecordsOrExactlyTheNewOnes() throws IOException {
        Path old;
        try (MapDbJournals journals = new MapDbJournals(dir, false)) {
            OrderJournal j = journals.open("orders");
            j.append("old 1");
            j.commit();
            j.append("old 2");
            j.commit();
            old = killedCopy("orders");
            j.rewrite(List.of("new"));
        }
        Path incomplete = Files.createDirectories(dir.resolve("incomplete"));
        for (String f : List.of("orders.journal.db", "orders.journal.log")) {
            Files.copy(old.resolve(f), incomplete.resolve(f));
        }
        // the crash came while the new file was being written: what there is of it is thrown away
        Files.write(incomplete.resolve("orders.journal.db.rewriting"), new byte[] {1, 2, 3, 4});
        assertEquals(List.of("old 1", "old 2"), read(incomplete, "orders"));
        assertTrue(Files.notExists(incomplete.resolve("orders.journal.db.rewriting")));

        Path complete = Files.createDirectories(dir.resolve("complete"));
        for (String f : List.of("orders.journal.db", "orders.journal.log")) {
            Files.copy(old.resolve(f), complete.resolve(f));
        }
        // the crash came after the new file was complete, before it replaced the old store
        Files.copy(dir.resolve("orders.journal.db"), complete.resolve("orders.journal.db.rewritten"));
        assertEquals(List.of("new"), read(complete, "orders"));
        assertEquals(List.of("new"), read(complete, "orders"), "and again, once it has replaced the store");
        assertTrue(Files.notExists(complete.resolve("orders.journal.db.rewritten")));
    }

    @Test
    void aNameThatIsNoFileNameIsRefused() {
        try (MapDbJournals journals = new MapDbJournals(dir, false)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> journals.open("../etc"));
            assertEquals("journal name '../etc' must be letters, digits, '.', '_' or '-'", e.getMessage());
        }
    }

    private List<String> segments(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.contains(".seg-")).sorted().toList();
        }
    }

    /**
     * Every checkpoint is a new file, written once: after many of them the records come back in order, a
     * start merges the pile of segments into the base, and the base is never a file MapDB changes in place.
     */
    @Test
    void checkpointsAreNewFilesThatAStartMergesIntoTheBase() throws IOException {
        String padding = "y".repeat(1000);
        try (MapDbJournals journals = new MapDbJournals(dir, false)) {
            OrderJournal j = journals.open("orders");
            for (int i = 0; i < 50_000; i++) {
                j.append(i + " " + padding);
                if (i % 50 == 49) {
                    j.commit();
                }
            }
            assertTrue(segments(dir).size() >= 10, "a checkpoint every 4 MiB of 50 MB: " + segments(dir));
        }
        List<String> read = read(dir, "orders");
        assertEquals(50_000, read.size());
        for (int i = 0; i < read.size(); i++) {
            assertEquals(i + " " + padding, read.get(i));
        }
        assertTrue(segments(dir).size() <= 1, "the start merged them: " + segments(dir));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(".wal.")), "no MapDB write-ahead log");
        }
    }

    /** A kill while a segment is being written leaves a partial file: it is thrown away and its records come from the log. */
    @Test
    void aSegmentThatWasNotFinishedIsThrownAwayAndItsRecordsComeFromTheLog() throws IOException {
        Path copy;
        try (MapDbJournals journals = new MapDbJournals(dir, false)) {
            OrderJournal j = journals.open("orders");
            j.append("a");
            j.commit();
            j.append("b");
            j.commit();
            copy = killedCopy("orders");
        }
        Path twice = Files.createDirectories(dir.resolve("twice"));
        for (String f : List.of("orders.journal.db", "orders.journal.log")) {
            Files.copy(copy.resolve(f), twice.resolve(f));
        }
        Files.write(copy.resolve("orders.journal.db.seg-2.writing"), new byte[] {9, 9, 9});
        assertEquals(List.of("a", "b"), read(copy, "orders"));
        assertTrue(Files.notExists(copy.resolve("orders.journal.db.seg-2.writing")));
        // a kill after the segment was renamed, before the log was emptied: the log's frames are in the segment already
        Files.copy(twice.resolve("orders.journal.log"), twice.resolve("saved.log"));
        assertEquals(List.of("a", "b"), read(twice, "orders")); // the start turns the log into a segment
        assertEquals(List.of("orders.journal.db.seg-2"), segments(twice));
        Files.copy(twice.resolve("saved.log"), twice.resolve("orders.journal.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(List.of("a", "b"), read(twice, "orders"), "nothing twice");
    }

    /** A store of the earlier layout (one transactional MapDB file, perhaps with its write-ahead log after a kill) is read whole. */
    @Test
    void aStoreOfTheEarlierLayoutIsReadAndMoved() throws IOException {
        Path legacy = Files.createDirectories(dir.resolve("legacy"));
        org.mapdb.DB db = org.mapdb.DBMaker.fileDB(legacy.resolve("orders.journal.db").toFile()).transactionEnable().make();
        org.mapdb.BTreeMap<Long, String> map = db.treeMap("records", org.mapdb.Serializer.LONG, org.mapdb.Serializer.STRING)
                .valuesOutsideNodesEnable().createOrOpen();
        map.put(1L, "one\ntwo\n");
        db.commit();
        map.put(2L, "three\n");
        db.commit();
        Path killed = Files.createDirectories(dir.resolve("legacy-killed"));
        try (var files = Files.list(legacy)) {
            for (Path f : files.toList()) {
                Files.copy(f, killed.resolve(f.getFileName()));
            }
        }
        db.close();
        assertEquals(List.of("one", "two", "three"), read(killed, "orders"));
        assertEquals(List.of("one", "two", "three"), read(legacy, "orders"));
        try (var files = Files.list(killed)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(".wal.")), "moved to the new layout");
        }
    }
}
