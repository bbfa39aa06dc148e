package io.quiver.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.quiver.backtest.internal.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The result writer against Jackson's streaming generator on the rows of a 1 M-bar result: 38,931 fills
 * of seven fields (times, ids, decimals as text), the shape the backtest writes. Both build the whole
 * document as a string, as the result holds it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JsonBenchmark {
    private record Row(String time, String orderId, String executionId, String side, String quantity, String price, String fee) {
    }

    private final JsonFactory jackson = new JsonFactory();
    private List<Row> rows;

    @Setup(Level.Trial)
    public void rows() {
        rows = new ArrayList<>();
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < 38_931; i++) {
            rows.add(new Row(t.plusSeconds(60L * i * 25).toString(), "bench-" + Integer.toString(i, 36), "backtest-" + i, i % 2 == 0 ? "BUY" : "SELL",
                    "100", BigDecimal.valueOf(10_000 + i % 997, 2).toPlainString(), "0"));
        }
    }

    @Benchmark
    public String quiverWriter() {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("fills").beginArray();
        for (Row r : rows) {
            w.beginRow().name("time").value(r.time()).name("orderId").value(r.orderId()).name("executionId").value(r.executionId())
                    .name("side").value(r.side()).name("quantity").number(r.quantity()).name("price").number(r.price()).name("fee").number(r.fee())
                    .endRow();
        }
        w.endArray();
        return w.endObject().toString();
    }

    @Benchmark
    public String jacksonGenerator() throws IOException {
        StringWriter out = new StringWriter(1 << 16);
        try (JsonGenerator g = jackson.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("fills");
            for (Row r : rows) {
                g.writeStartObject();
                g.writeStringField("time", r.time());
                g.writeStringField("orderId", r.orderId());
                g.writeStringField("executionId", r.executionId());
                g.writeStringField("side", r.side());
                g.writeFieldName("quantity");
                g.writeNumber(r.quantity());
                g.writeFieldName("price");
                g.writeNumber(r.price());
                g.writeFieldName("fee");
                g.writeNumber(r.fee());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toString();
    }
}
