package io.quiver.oms;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.spi.ExecutionListener;
import io.quiver.sdk.spi.Venue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A venue that only records what it is asked; the test answers for it through the order manager. */
final class ScriptedVenue implements Venue {
    final List<String> calls = new ArrayList<>();
    final List<OrderRequest> sent = new ArrayList<>();
    private final boolean modifies;

    ScriptedVenue(boolean modifies) {
        this.modifies = modifies;
    }

    @Override
    public String id() {
        return "v";
    }

    @Override
    public void open(ExecutionListener listener) {
    }

    @Override
    public void submit(String account, ClientOrderId orderId, OrderRequest request, Instant time) {
        calls.add("submit " + orderId + " " + request.type());
        sent.add(request);
    }

    @Override
    public void cancel(ClientOrderId orderId, Instant time) {
        calls.add("cancel " + orderId);
    }

    @Override
    public boolean supportsNatively(OrderType type) {
        return type == OrderType.MARKET || type == OrderType.LIMIT;
    }

    @Override
    public boolean supportsModify() {
        return modifies;
    }

    @Override
    public void modify(ClientOrderId orderId, OrderRequest amended, Instant time) {
        calls.add("modify " + orderId + " " + amended.quantity());
    }

    @Override
    public void close() {
    }
}
