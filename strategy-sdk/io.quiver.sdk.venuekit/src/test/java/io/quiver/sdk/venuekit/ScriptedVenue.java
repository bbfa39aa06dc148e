package io.quiver.sdk.venuekit;

import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.spi.ExecutionListener;
import io.quiver.sdk.spi.MarketDataListener;
import io.quiver.sdk.spi.Venue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The smallest venue an adapter author could write: market and limit orders only, filled whole at the
 * bar's close (a limit at its price or better), no modify, no batching, no books to reconcile with. With
 * {@code defect} set it gets one thing wrong, so that the kit's own tests can show the kit catches it.
 */
final class ScriptedVenue implements Venue, MarketDataListener {
    enum Defect { NONE, FILLS_LIMITS_AT_THE_MARKET, REUSES_EXECUTION_IDS, ACCEPTS_UNKNOWN_INSTRUMENTS }

    private record Working(String account, OrderRequest request) {
    }

    private final InstrumentId traded;
    private final Defect defect;
    private final Map<ClientOrderId, Working> working = new LinkedHashMap<>();
    private ExecutionListener listener;
    private int executions;

    ScriptedVenue(InstrumentId traded, Defect defect) {
        this.traded = traded;
        this.defect = defect;
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public void open(ExecutionListener listener) {
        this.listener = listener;
    }

    @Override
    public boolean supportsNatively(OrderType type) {
        return type == OrderType.MARKET || type == OrderType.LIMIT;
    }

    @Override
    public void submit(String account, ClientOrderId orderId, OrderRequest request, Instant time) {
        if (!request.instrument().equals(traded) && defect != Defect.ACCEPTS_UNKNOWN_INSTRUMENTS) {
            listener.onOrderEvent(new OrderEvent.Rejected(orderId, time, "UNKNOWN_INSTRUMENT", "not traded here: " + request.instrument()));
            return;
        }
        working.put(orderId, new Working(account, request));
        listener.onOrderEvent(new OrderEvent.Accepted(orderId, time));
    }

    @Override
    public void cancel(ClientOrderId orderId, Instant time) {
        if (working.remove(orderId) != null) {
            listener.onOrderEvent(new OrderEvent.Cancelled(orderId, time, "cancelled"));
        }
    }

    @Override
    public void onBar(Bar bar) {
        var it = working.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            OrderRequest r = e.getValue().request();
            if (!r.instrument().equals(bar.instrument())) {
                continue;
            }
            Price at = bar.close();
            if (r.type() == OrderType.LIMIT && defect != Defect.FILLS_LIMITS_AT_THE_MARKET) {
                boolean reached = r.side() == Side.BUY ? !at.isGreaterThan(r.limitPrice()) : !at.isLessThan(r.limitPrice());
                if (!reached) {
                    continue;
                }
            }
            String execution = defect == Defect.REUSES_EXECUTION_IDS ? "x" : "x" + ++executions;
            Fill fill = new Fill(e.getKey(), execution, e.getValue().account(), r.instrument(), r.side(), r.quantity(), at, Money.ZERO, bar.time());
            it.remove();
            listener.onOrderEvent(new OrderEvent.Filled(e.getKey(), bar.time(), fill, OrderStatus.FILLED));
        }
    }

    @Override
    public void close() {
        listener = null;
    }
}
