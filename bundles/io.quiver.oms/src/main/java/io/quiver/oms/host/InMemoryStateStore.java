package io.quiver.oms.host;

import io.quiver.sdk.StateStore;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A state store that lives as long as its run; backtests get a fresh one each. */
public final class InMemoryStateStore implements StateStore {
    private final TreeMap<String, String> values = new TreeMap<>();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void put(String key, String value) {
        values.put(key, value);
    }

    @Override
    public void remove(String key) {
        values.remove(key);
    }

    @Override
    public Set<String> keys() {
        return Set.copyOf(values.keySet());
    }
}
