package io.quiver.venue.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.venue.alpaca.internal.AlpacaOrders;
import io.quiver.venue.alpaca.standin.AlpacaBrokerStandIn;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The broker's documented example payloads (kept under {@code src/test/resources/alpaca}) read as the venue
 * reads them, and the stand-in's payloads checked to carry every field those examples have.
 */
class DocumentedPayloadsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode example(String name) throws IOException {
        try (InputStream in = DocumentedPayloadsTest.class.getResourceAsStream("/alpaca/" + name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void anOrderReadsAsTheRequestItIsWithItsStatus() throws IOException {
        JsonNode o = example("order.json");
        assertEquals(OrderRequest.limit(InstrumentId.of("AAPL"), Side.BUY, Qty.of(1), Price.of("130.25"), TimeInForce.GTC), AlpacaOrders.request(o));
        assertEquals(OrderStatus.ACCEPTED, AlpacaOrders.status(o.path("status").asText()));
        assertEquals(Qty.ZERO, AlpacaOrders.filled(o));
    }

    @Test
    void aFillReadFromTheStreamAndFromTheActivitiesIsTheSameFill() throws IOException {
        JsonNode update = example("trade_update_fill.json").path("data");
        JsonNode activity = example("activity_fill.json").get(0);
        ClientOrderId id = ClientOrderId.of("q-1");
        Fill fromStream = AlpacaOrders.fill(id, "acct", update, AlpacaOrders.filled(update.path("order")).toBigDecimal(),
                AlpacaOrders.time(update, "timestamp"));
        Fill fromActivity = AlpacaOrders.fill(id, "acct", activity, new BigDecimal(activity.path("cum_qty").asText()),
                AlpacaOrders.time(activity, "transaction_time"));
        assertEquals("q-1#40", fromStream.executionId());
        assertEquals(fromStream.executionId(), fromActivity.executionId());
        assertEquals(Qty.of(40), fromStream.quantity());
        assertEquals(Price.of("130.10"), fromStream.price());
        assertEquals(fromStream.price(), fromActivity.price());
        assertEquals(Side.BUY, fromActivity.side());
        assertEquals(InstrumentId.of("AAPL"), fromActivity.instrument());
        assertEquals(Instant.parse("2021-03-16T18:38:02.135425287Z"), fromStream.time(), "nanoseconds kept");
    }

    @Test
    void theStandInAnswersWithEveryFieldOfTheDocumentedExamples() throws Exception {
        try (AlpacaBrokerStandIn broker = new AlpacaBrokerStandIn(Set.of("AAPL"), new BigDecimal("130.10"), new BigDecimal("100000"))) {
            HttpClient http = HttpClient.newHttpClient();
            FirstUpdate stream = new FirstUpdate();
            WebSocket ws = http.newWebSocketBuilder().buildAsync(broker.streamUrl(), stream).get(10, TimeUnit.SECONDS);
            ws.sendText("{\"action\":\"auth\",\"key\":\"" + AlpacaBrokerStandIn.KEY_ID + "\",\"secret\":\"" + AlpacaBrokerStandIn.SECRET_KEY + "\"}", true)
                    .get(10, TimeUnit.SECONDS);
            stream.authorized.get(10, TimeUnit.SECONDS);
            ws.sendText("{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}", true);
            stream.listening.get(10, TimeUnit.SECONDS);
            CompletableFuture<String> firstUpdate = stream.first;
            JsonNode order = call(http, broker.restUrl(), "POST", "/v2/orders",
                    "{\"symbol\":\"AAPL\",\"qty\":\"40\",\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"day\",\"client_order_id\":\"q-1\"}");
            assertFields(example("order.json"), order, "order");
            assertFields(example("account.json"), call(http, broker.restUrl(), "GET", "/v2/account", null), "account");
            assertFields(example("positions.json").get(0), call(http, broker.restUrl(), "GET", "/v2/positions", null).get(0), "position");
            assertFields(example("activity_fill.json").get(0), call(http, broker.restUrl(), "GET", "/v2/account/activities/FILL", null).get(0), "activity");
            JsonNode update = JSON.readTree(firstUpdate.get(10, TimeUnit.SECONDS));
            assertFields(example("trade_update_fill.json"), update, "trade update");
            ws.abort();
        }
    }

    private static void assertFields(JsonNode documented, JsonNode standIn, String what) {
        Set<String> missing = new TreeSet<>();
        for (Iterator<String> i = documented.fieldNames(); i.hasNext(); ) {
            String f = i.next();
            if (!standIn.has(f)) {
                missing.add(f);
            } else if (documented.get(f).isObject()) {
                assertFields(documented.get(f), standIn.get(f), what + "." + f);
            }
        }
        assertTrue(missing.isEmpty(), "the stand-in's " + what + " lacks " + missing + ": " + standIn);
    }

    private static JsonNode call(HttpClient http, URI base, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("APCA-API-KEY-ID", AlpacaBrokerStandIn.KEY_ID)
                .header("APCA-API-SECRET-KEY", AlpacaBrokerStandIn.SECRET_KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** Completes when the stream authorizes, when it listens, and with the first fill update; text or binary frames. */
    private static final class FirstUpdate implements WebSocket.Listener {
        final CompletableFuture<String> authorized = new CompletableFuture<>();
        final CompletableFuture<String> listening = new CompletableFuture<>();
        final CompletableFuture<String> first = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            return onText(ws, StandardCharsets.UTF_8.decode(data), last);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            String m = data.toString();
            if (m.contains("\"authorized\"")) {
                authorized.complete(m);
            } else if (m.contains("\"listening\"")) {
                listening.complete(m);
            } else if (m.contains("\"trade_updates\"") && m.contains("fill\"")) {
                first.complete(m);
            }
            ws.request(1);
            return null;
        }
    }
}
