package io.quiver.backtest.internal;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.spi.ExecutionListener;
import io.quiver.sdk.spi.Venue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * A backtest's venue seen across a network: what the order manager sends (submit, modify, cancel)
 * reaches the venue {@code latency} of simulated time later, in the order sent. The backtest releases
 * what has arrived after each bar, so an order first meets the bar after the one during which it
 * arrived: on bar data any latency above zero costs at least a bar, and nothing fills at a price from
 * before the order was there. Events from the venue come back at once.
 */
public final class DelayedVenue implements Venue {
    private record Command(Instant arrives, java.util.function.Consumer<Instant> call) {
    }

    private final Venue venue;
    private final Duration latency;
    private final Supplier<Instant> clock;
    private final ArrayDeque<Command> inFlight = new ArrayDeque<>();

    public DelayedVenue(Venue venue, Duration latency, Supplier<Instant> clock) {
        if (latency.isNegative() || latency.isZero()) {
            throw new IllegalArgumentException("latency must be positive, was " + latency);
        }
        this.venue = venue;
        this.latency = latency;
        this.clock = clock;
    }

    /** Delivers every command that has arrived by {@code now}, oldest first, as one batch. */
    public void release(Instant now) {
        if (inFlight.isEmpty() || inFlight.peekFirst().arrives().isAfter(now)) {
            return;
        }
        venue.inBatch(() -> {
            while (!inFlight.isEmpty() && !inFlight.peekFirst().arrives().isAfter(now)) {
                Command c = inFlight.pollFirst();
                c.call().accept(c.arrives());
            }
        });
    }

    private void send(java.util.function.Consumer<Instant> call) {
        inFlight.addLast(new Command(clock.get().plus(latency), call));
    }

    @Override
    public void submit(String account, ClientOrderId orderId, OrderRequest request, Instant time) {
        send(at -> venue.submit(account, orderId, request, at));
    }

    @Override
    public void cancel(ClientOrderId orderId, Instant time) {
        send(at -> venue.cancel(orderId, at));
    }

    @Override
    public void modify(ClientOrderId orderId, OrderRequest amended, Instant time) {
        send(at -> venue.modify(orderId, amended, at));
    }

    // the venue's identity and capabilities are its own; only the commands are delayed
    @Override
    public String id() {
        return venue.id();
    }

    @Override
    public void open(ExecutionListener listener) {
        venue.open(listener);
    }

    @Override
    public void close() {
        venue.close();
    }

    @Override
    public boolean supportsNatively(OrderType type) {
        return venue.supportsNatively(type);
    }

    @Override
    public boolean supportsModify() {
        return venue.supportsModify();
    }

    @Override
    public void inBatch(Runnable calls) {
        calls.run(); // the calls are queued here; they reach the venue as one batch on release
    }

    @Override
    public boolean batches() {
        return venue.batches();
    }

    @Override
    public String costs() {
        String c = venue.costs();
        return (c.isEmpty() ? "" : c + "; ") + "latency " + latency;
    }
}
