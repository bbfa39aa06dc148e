package io.quiver.oms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A journal in memory that keeps committed and uncommitted records apart, so tests can {@link #crash()}
 * it: what was not committed is lost, as it would be in a kill -9. Thread-safe.
 */
public final class InMemoryJournal implements OrderJournal {
    private final List<String> committed = new ArrayList<>();
    private final List<String> pending = new ArrayList<>();

    @Override
    public synchronized void append(String record) {
        pending.add(record);
    }

    @Override
    public synchronized void commit() {
        committed.addAll(pending);
        pending.clear();
    }

    @Override
    public synchronized void replay(Consumer<String> reader) {
        List.copyOf(committed).forEach(reader);
    }

    @Override
    public synchronized void rewrite(List<String> records) {
        if (!pending.isEmpty()) {
            throw new IllegalStateException("rewrite with " + pending.size() + " record(s) not committed");
        }
        committed.clear();
        committed.addAll(records);
    }

    /** Drops every record not yet committed. */
    public synchronized void crash() {
        pending.clear();
    }
}
