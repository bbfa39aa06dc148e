package io.quiver.sdk.spi;

import io.quiver.sdk.model.OrderEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * For venue implementations: holds the events a venue produces while it holds its own lock and reports
 * them once it has let go, because a listener may call straight back in (an order manager cancels the
 * other half of a one-cancels-other pair when the first fills). Reports go out one thread at a time, in
 * the order the events were added, so an acknowledgement never overtakes its fill. A thread inside
 * {@link #inBatch} reports when its batch ends.
 *
 * <p>Use: {@link #add} under the venue's lock; {@link #report()} after releasing it, at the end of every
 * public call; {@link Venue#inBatch} delegates to {@link #inBatch}.
 */
public final class VenueEventOutbox {
    private final Object venueLock;
    private final Runnable beforeReport;
    private final Supplier<ExecutionListener> listener;
    private final List<OrderEvent> events = new ArrayList<>();
    private final ThreadLocal<int[]> batchDepth = ThreadLocal.withInitial(() -> new int[1]);
    private final Object reporting = new Object();

    /**
     * @param venueLock the monitor the venue guards its books with
     * @param beforeReport runs under that lock before events are reported (a venue that persists commits here)
     * @param listener where events go (null while the venue is closed: they are dropped)
     */
    public VenueEventOutbox(Object venueLock, Runnable beforeReport, Supplier<ExecutionListener> listener) {
        this.venueLock = venueLock;
        this.beforeReport = beforeReport;
        this.listener = listener;
    }

    /** Adds an event; call it holding the venue's lock. */
    public void add(OrderEvent event) {
        events.add(event);
    }

    /** Runs {@code calls}; what they produce is reported once, at the end. */
    public void inBatch(Runnable calls) {
        int[] depth = batchDepth.get();
        depth[0]++;
        try {
            calls.run();
        } finally {
            depth[0]--;
        }
        report();
    }

    /** Reports what waits, unless the calling thread is in a batch; call it without holding the venue's lock. */
    public void report() {
        if (batchDepth.get()[0] > 0) {
            return;
        }
        synchronized (reporting) {
            List<OrderEvent> out;
            synchronized (venueLock) {
                if (events.isEmpty()) {
                    return;
                }
                beforeReport.run();
                out = List.copyOf(events);
                events.clear();
            }
            ExecutionListener l = listener.get();
            if (l != null) {
                out.forEach(l::onOrderEvent);
            }
        }
    }
}
