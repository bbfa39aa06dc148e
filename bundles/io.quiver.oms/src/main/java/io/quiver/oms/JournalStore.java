package io.quiver.oms;

import org.osgi.annotation.versioning.ProviderType;

/** Durable journals by name, as a service: the order manager's own, a simulated venue's, and so on. */
@ProviderType
public interface JournalStore {

    /** The journal called {@code name}, created empty the first time. */
    OrderJournal open(String name);
}
