package io.quiver.store.internal;

import io.quiver.engine.StateStoreFactory;
import io.quiver.sdk.spi.JournalFields;
import io.quiver.sdk.StateStore;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * Strategy state in one MapDB file with transactions on, each instance in its own map named
 * {@code state.<instance id>}, with a {@link CommitLog} in front ({@code <file>.log}). A write goes into
 * the map and, as one frame, into the log before it returns, so a kill -9 loses nothing acknowledged;
 * the map's changes are committed to MapDB (and the log emptied) every megabyte of log, at start and at
 * close. Writes are puts and removes, so replaying a log the store already holds changes nothing.
 */
public final class MapDbStateStores implements StateStoreFactory, AutoCloseable {
    private static final long CHECKPOINT_BYTES = 1L << 20;
    private final DB db;
    private final CommitLog log;
    private final Map<String, StateStore> open = new ConcurrentHashMap<>();
    private long sequence;

    public MapDbStateStores(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the folder of the state store " + file + ": " + e.getMessage(), e);
        }
        File f = file.toFile();
        this.db = DBMaker.fileDB(f).transactionEnable().closeOnJvmShutdown().make();
        this.log = new CommitLog(file.resolveSibling(file.getFileName() + ".log"), false);
        for (CommitLog.Frame frame : log.read()) {
            List<String> v = JournalFields.parse(frame.payload());
            HTreeMap<String, String> map = map(v.get(1));
            if (v.get(0).equals("PUT")) {
                map.put(v.get(2), v.get(3));
            } else {
                map.remove(v.get(2));
            }
        }
        checkpoint();
    }

    private HTreeMap<String, String> map(String instanceId) {
        return db.hashMap("state." + instanceId, Serializer.STRING, Serializer.STRING).createOrOpen();
    }

    @Override
    public StateStore open(String instanceId) {
        return open.computeIfAbsent(instanceId, id -> new Store(id, map(id)));
    }

    /** Writes one change to the log (durable when this returns) and, past a megabyte, commits the store. */
    private synchronized void write(JournalFields change) {
        log.append(++sequence, change.toString());
        if (log.size() >= CHECKPOINT_BYTES) {
            checkpoint();
        }
    }

    private void checkpoint() {
        db.commit();
        log.clear();
    }

    @Override
    public synchronized void close() {
        if (!db.isClosed()) {
            try {
                checkpoint();
                log.close();
            } finally {
                db.close();
            }
        }
    }

    private final class Store implements StateStore {
        private final String instanceId;
        private final HTreeMap<String, String> map;

        Store(String instanceId, HTreeMap<String, String> map) {
            this.instanceId = instanceId;
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
                write(JournalFields.record("PUT").add(instanceId).add(key).add(value));
            }
        }

        @Override
        public void remove(String key) {
            synchronized (MapDbStateStores.this) {
                map.remove(key);
                write(JournalFields.record("REMOVE").add(instanceId).add(key));
            }
        }

        @Override
        public Set<String> keys() {
            return new TreeSet<>(map.keySet());
        }
    }
}
