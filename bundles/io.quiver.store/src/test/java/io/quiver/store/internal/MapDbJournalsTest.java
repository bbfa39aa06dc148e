package io.quiver.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.oms.OrderJournal;
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

    @Test
    void aNameThatIsNoFileNameIsRefused() {
        try (MapDbJournals journals = new MapDbJournals(dir, false)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> journals.open("../etc"));
            assertEquals("journal name '../etc' must be letters, digits, '.', '_' or '-'", e.getMessage());
        }
    }
}
