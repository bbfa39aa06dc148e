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
}
