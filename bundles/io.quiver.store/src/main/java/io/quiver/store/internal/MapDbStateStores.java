package io.quiver.store.internal;

import io.quiver.engine.StateStoreFactory;
import io.quiver.sdk.StateStore;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;

/**
 * Strategy state in one MapDB file with transactions (write-ahead log) on: every write is committed
 * before it returns, so a kill -9 loses nothing acknowledged and never leaves a store that will not open.
 * Each instance has its own map, named {@code state.<instance id>}.
 */
public final class MapDbStateStores implements StateStoreFactory, AutoCloseable {
    private final DB db;
    private final Map<String, StateStore> open = new ConcurrentHashMap<>();

    public MapDbStateStores(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the folder of the state store " + file + ": " + e.getMessage(), e);
        }
        File f = file.toFile();
        this.db = DBMaker.fileDB(f).transactionEnable().closeOnJvmShutdown().make();
    }

    @Override
    public StateStore open(String instanceId) {
        return open.computeIfAbsent(instanceId, id -> new Store(db.hashMap("state." + id, Serializer.STRING, Serializer.STRING).createOrOpen()));
    }

    @Override
    public synchronized void close() {
        if (!db.isClosed()) {
            db.close();
        }
    }

    private final class Store implements StateStore {
        private final HTreeMap<String, String> map;

        Store(HTreeMap<String, String> map) {
            this.map = map;
        }

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(map.get(key));
        }

        @Override
        public void put(String key, String value) {
            synchronized (MapDbStateStores.this) {
                map.put(key, value);
                db.commit();
            }
        }

        @Override
        public void remove(String key) {
            synchronized (MapDbStateStores.this) {
                map.remove(key);
                db.commit();
            }
        }

        @Override
        public Set<String> keys() {
            return new TreeSet<>(map.keySet());
        }
    }
}
