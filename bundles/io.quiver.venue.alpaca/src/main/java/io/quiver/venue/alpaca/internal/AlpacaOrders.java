package io.quiver.venue.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * Orders, fills and statuses between Quiver's model and the broker's JSON. Prices and quantities travel as
 * decimal strings both ways, so nothing passes through a double.
 */
public final class AlpacaOrders {
    /** The suffix of the client order id a replacement order gets: {@code <id>~r<n>}. */
    public static final String REPLACEMENT = "~r";

    private AlpacaOrders() {
    }

    /** The body of {@code POST /v2/orders}. */
    public static ObjectNode newOrder(ClientOrderId id, OrderRequest r) {
        ObjectNode n = AlpacaRest.JSON.createObjectNode();
        n.put("symbol", r.instrument().symbol());
        n.put("qty", r.quantity().toBigDecimal().toPlainString());
        n.put("side", r.side() == Side.BUY ? "buy" : "sell");
        n.put("type", r.type() == OrderType.LIMIT ? "limit" : "market");
        n.put("time_in_force", r.timeInForce().name().toLowerCase(Locale.ROOT));
        if (r.limitPrice() != null) {
            n.put("limit_price", r.limitPrice().toBigDecimal().toPlainString());
        }
        n.put("client_order_id", id.value());
        return n;
    }

    /** The body of {@code PATCH /v2/orders/{id}}: the new quantity and limit, under a new client order id. */
    public static ObjectNode replace(OrderRequest amended, String replacementId) {
        ObjectNode n = AlpacaRest.JSON.createObjectNode();
        n.put("qty", amended.quantity().toBigDecimal().toPlainString());
        if (amended.limitPrice() != null) {
            n.put("limit_price", amended.limitPrice().toBigDecimal().toPlainString());
        }
        n.put("client_order_id", replacementId);
        return n;
    }

    /** The Quiver order a broker client order id belongs to: a replacement's id without its suffix. */
    public static ClientOrderId baseId(String clientOrderId) {
        int r = clientOrderId.lastIndexOf(REPLACEMENT);
        return ClientOrderId.of(r > 0 ? clientOrderId.substring(0, r) : clientOrderId);
    }

    /** The order as the broker describes it. */
    public static OrderRequest request(JsonNode o) {
        InstrumentId instrument = InstrumentId.of(o.path("symbol").asText());
        Side side = "sell".equals(o.path("side").asText()) ? Side.SELL : Side.BUY;
        Qty qty = Qty.of(o.path("qty").asText());
        TimeInForce tif = timeInForce(o.path("time_in_force").asText());
        return "limit".equals(o.path("type").asText())
                ? OrderRequest.limit(instrument, side, qty, Price.of(o.path("limit_price").asText()), tif)
                : new OrderRequest(instrument, side, OrderType.MARKET, qty, null, null, null, tif);
    }

    static TimeInForce timeInForce(String tif) {
        return switch (tif) {
            case "gtc" -> TimeInForce.GTC;
            case "ioc" -> TimeInForce.IOC;
            case "fok" -> TimeInForce.FOK;
            default -> TimeInForce.DAY; // day, opg and cls all end with the session
        };
    }

    /** The broker's order status as Quiver's; {@code replaced} is the status of the order that replaced it, asked for separately. */
    public static OrderStatus status(String status) {
        return switch (status) {
            case "filled" -> OrderStatus.FILLED;
            case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
            case "canceled", "done_for_day" -> OrderStatus.CANCELLED;
            case "expired" -> OrderStatus.EXPIRED;
            case "rejected", "suspended" -> OrderStatus.REJECTED;
            case "pending_cancel" -> OrderStatus.PENDING_CANCEL;
            case "pending_new" -> OrderStatus.NEW;
            default -> OrderStatus.ACCEPTED; // new, accepted, calculated, pending_replace, stopped, held, replaced
        };
    }

    public static Qty filled(JsonNode order) {
        return Qty.of(order.path("filled_qty").asText("0"));
    }

    /**
     * The execution id of the fill that took an order's filled quantity to {@code cumulative}: the same
     * whether the fill is read from the stream or from the broker's activities, so a fill read both ways
     * is booked once.
     */
    public static String executionId(ClientOrderId order, BigDecimal cumulative) {
        return order.value() + "#" + cumulative.stripTrailingZeros().toPlainString();
    }

    /** A fill of {@code order} ({@code account}) from an activity or a trade update, priced exactly; the broker charges no commission here. */
    public static Fill fill(ClientOrderId order, String account, JsonNode source, BigDecimal cumulative, Instant time) {
        Side side = "sell".equals(source.path("side").asText(source.path("order").path("side").asText())) ? Side.SELL : Side.BUY;
        String symbol = source.path("symbol").asText(source.path("order").path("symbol").asText());
        return new Fill(order, executionId(order, cumulative), account, InstrumentId.of(symbol), side, Qty.of(source.path("qty").asText()),
                Price.of(source.path("price").asText()), Money.ZERO, time);
    }

    public static Instant time(JsonNode n, String field) {
        String t = n.path(field).asText("");
        return t.isEmpty() ? Instant.now() : Instant.parse(t);
    }
}
