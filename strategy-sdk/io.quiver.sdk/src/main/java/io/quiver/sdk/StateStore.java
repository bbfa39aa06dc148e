package io.quiver.sdk;

import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A strategy instance's persistent key-value state. Each write is durable when the call returns; the
 * contents survive a restart of the runtime and an update of the strategy bundle. Backtests get a fresh,
 * in-memory store per run.
 */
@ProviderType
public interface StateStore {

    Optional<String> get(String key);

    void put(String key, String value);

    void remove(String key);

    Set<String> keys();
}
