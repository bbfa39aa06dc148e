package io.quiver.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.oms.OrderJournal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalDumpCommandLineTest {
    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return JournalDumpCommandLine.run(List.of(args), home, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheCommittedRecordsInOrderAndOnlyThose() {
        try (MapDbJournals journals = new MapDbJournals(home.resolve("data/quiver"), false)) {
            OrderJournal j = journals.open("orders");
            j.append("ACCOUNT\ts\tsim\t1000");
            j.append("SENT\to1");
            j.commit();
            j.append("SENT\to2"); // never committed: a crash would take it back
        }
        assertEquals(0, run("orders"));
        assertEquals("ACCOUNT\ts\tsim\t1000\nSENT\to1\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownJournalIsNamedWithTheOnesThatExist() {
        try (MapDbJournals journals = new MapDbJournals(home.resolve("data/quiver"), false)) {
            journals.open("orders").commit();
        }
        assertEquals(2, run("order"));
        assertEquals("error: no journal 'order' in " + home.resolve("data/quiver") + "; journals there: orders\n",
                err.toString(StandardCharsets.UTF_8));
    }
}
