package io.quiver.messaging.internal;

import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.OrderEvent;

/** The JSON text of an order event, fields in a fixed order. */
final class OrderEventJson {
    private OrderEventJson() {
    }

    static String of(String strategyId, OrderEvent e) {
        StringBuilder b = new StringBuilder(192).append('{');
        field(b, "strategyId", strategyId).append(',');
        field(b, "event", e.getClass().getSimpleName()).append(',');
        field(b, "orderId", e.orderId().value()).append(',');
        field(b, "time", e.time().toString());
        if (e instanceof OrderEvent.Filled f) {
            Fill fill = f.fill();
            b.append(',');
            field(b, "executionId", fill.executionId()).append(',');
            field(b, "instrument", fill.instrument().symbol()).append(',');
            field(b, "side", fill.side().name()).append(',');
            b.append("\"quantity\":").append(fill.quantity()).append(',');
            b.append("\"price\":").append(fill.price()).append(',');
            b.append("\"fee\":").append(fill.fee().toBigDecimal().toPlainString()).append(',');
            field(b, "statusAfter", f.statusAfter().name());
        } else if (e instanceof OrderEvent.Rejected r) {
            b.append(',');
            field(b, "reasonCode", r.reasonCode()).append(',');
            field(b, "message", r.message());
        } else if (e instanceof OrderEvent.Cancelled c) {
            b.append(',');
            field(b, "reason", c.reason());
        }
        return b.append('}').toString();
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
        b.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"');
    }
}
