package io.quiver.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapDbStateStoresTest {
    @TempDir
    Path dir;

    @Test
    void stateSurvivesReopeningAndInstancesAreApart() {
        Path file = dir.resolve("quiver/state.db");
        try (MapDbStateStores stores = new MapDbStateStores(file)) {
            stores.open("a").put("closes", "1,2,3");
            stores.open("a").put("side", "1");
            stores.open("b").put("side", "-1");
            stores.open("a").remove("side");
        }
        try (MapDbStateStores stores = new MapDbStateStores(file)) {
            assertEquals("1,2,3", stores.open("a").get("closes").orElseThrow());
            assertTrue(stores.open("a").get("side").isEmpty());
            assertEquals(Set.of("closes"), stores.open("a").keys());
            assertEquals("-1", stores.open("b").get("side").orElseThrow());
        }
    }

    @Test
    void aWriteThatReturnedSurvivesAKillAndReplayingTheLogTwiceChangesNothing() throws java.io.IOException {
        Path file = dir.resolve("quiver/state.db");
        Path copy = dir.resolve("after-kill");
        try (MapDbStateStores stores = new MapDbStateStores(file)) {
            stores.open("a").put("closes", "1,2,3");
            stores.open("a").put("note", "tab\there, line\nbreak");
            stores.open("a").remove("closes");
            stores.open("b").put("side", "1");
            // the files as a kill -9 leaves them: nothing committed to MapDB since the start, all in the log
            java.nio.file.Files.createDirectories(copy);
            try (var files = java.nio.file.Files.list(file.getParent())) {
                for (Path f : files.toList()) {
                    java.nio.file.Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
        }
        byte[] log = java.nio.file.Files.readAllBytes(copy.resolve("state.db.log"));
        assertTrue(log.length > 0, "the writes are in the log");
        for (int open = 0; open < 2; open++) {
            if (open == 1) {
                // the store took the log at the first start, but a crash kept the log from being emptied
                java.nio.file.Files.write(copy.resolve("state.db.log"), log);
            }
            try (MapDbStateStores stores = new MapDbStateStores(copy.resolve("state.db"))) {
                assertTrue(stores.open("a").get("closes").isEmpty());
                assertEquals("tab\there, line\nbreak", stores.open("a").get("note").orElseThrow());
                assertEquals("1", stores.open("b").get("side").orElseThrow());
            }
        }
    }
}
