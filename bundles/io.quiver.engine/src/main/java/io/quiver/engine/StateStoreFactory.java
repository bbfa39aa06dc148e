package io.quiver.engine;

import io.quiver.sdk.StateStore;
import org.osgi.annotation.versioning.ConsumerType;

/** Provides the persistent state store of each strategy instance (implemented by a storage bundle). */
@ConsumerType
public interface StateStoreFactory {

    /** The store of an instance; the same id gives the same contents across restarts and bundle updates. */
    StateStore open(String instanceId);
}
