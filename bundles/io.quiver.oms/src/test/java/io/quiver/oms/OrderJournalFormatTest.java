package io.quiver.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.sdk.model.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order journal says which format it is in: a new journal and every compacted one start with it, and another format is refused by name. */
class OrderJournalFormatTest {
    private static OrderManager open(InMemoryJournal journal) {
        return new OrderManager(journal, id -> null, () -> Instant.parse("2024-03-04T14:30:00Z"));
    }

    private static List<String> records(InMemoryJournal journal) {
        List<String> out = new ArrayList<>();
        journal.replay(out::add);
        return out;
    }

    @Test
    void aNewJournalAndACompactedOneStartWithTheirFormat() {
        InMemoryJournal journal = new InMemoryJournal();
        OrderManager oms = open(journal);
        assertEquals(List.of("FORMAT\t1"), records(journal));
        oms.openAccount("s", "v", Money.of(1000));
        open(journal); // a restart does not write it again
        assertEquals("FORMAT\t1", records(journal).get(0));
        assertEquals(1, records(journal).stream().filter(r -> r.startsWith("FORMAT")).count());
        oms.compact(Instant.parse("2024-03-04T14:30:00Z"));
        assertEquals("FORMAT\t1", records(journal).get(0));
    }

    @Test
    void aJournalOfAnotherFormatIsRefusedByName() {
        InMemoryJournal journal = new InMemoryJournal();
        journal.append("FORMAT\t2");
        journal.commit();
        assertEquals("the order journal is in format 2; this version reads format 1",
                assertThrows(IllegalStateException.class, () -> open(journal)).getMessage());
    }

    @Test
    void aJournalWrittenBeforeFormatsIsFormatOne() {
        InMemoryJournal journal = new InMemoryJournal();
        journal.append("ACCOUNT\ts\tv\t1000");
        journal.commit();
        assertEquals(Money.of(1000), open(journal).account("s").cash());
    }
}
