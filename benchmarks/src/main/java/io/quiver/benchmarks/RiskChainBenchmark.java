package io.quiver.benchmarks;

import io.quiver.oms.InMemoryJournal;
import io.quiver.oms.OrderManager;
import io.quiver.oms.PreTradeGate;
import io.quiver.risk.RiskChains;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;
import io.quiver.venue.sim.BarFillSimulator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of the risk chain for one new order, read against the real order manager's books (an account
 * with 100 resting orders and a position): {@code all} with every built-in check on
 * ({@link OrderPathBenchmark#ALL_CHECKS}), {@code defaults} with the out-of-the-box checks (buying power,
 * short sales). Every order passes; each has its own time, so none is a duplicate or over the rate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RiskChainBenchmark {
    private static final Instrument X = Instrument.of("X", 2, "USD");

    @Param({"all", "defaults"})
    public String checks;

    private PreTradeGate chain;
    private RiskContext books;
    private OrderRequest buy;
    private OrderRequest sell;
    private ClientOrderId id;
    private Instant time = Instant.parse("2026-01-05T14:30:00Z");
    private long n;

    @Setup(Level.Trial)
    public void setUp() {
        BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO);
        venue.addInstrument(X);
        Instant[] now = {time};
        OrderManager oms = new OrderManager(new InMemoryJournal(), v -> venue, () -> now[0]);
        oms.registerInstrument(X);
        venue.open(e -> oms.onVenueEvent("sim", e));
        oms.openAccount("s", "sim", Money.of(10_000_000));
        Price p = Price.of("100.00");
        oms.onBar(new Bar(X.id(), now[0], p, p, p, p, Qty.of(1_000_000)));
        oms.submit("s", ClientOrderId.of("long"), OrderRequest.market(X.id(), Side.BUY, Qty.of(500)));
        now[0] = now[0].plusSeconds(60);
        Bar next = new Bar(X.id(), now[0], p, p, p, p, Qty.of(1_000_000));
        venue.onBar(next);
        oms.onBar(next);
        for (int i = 0; i < 100; i++) {
            Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
            Price limit = Price.ofUnits(side == Side.BUY ? 9_000 - i : 11_000 + i, 2);
            oms.submit("s", ClientOrderId.of("rest" + i), OrderRequest.limit(X.id(), side, Qty.of(1), limit, TimeInForce.GTC));
        }
        chain = RiskChains.backtest(checks.equals("all") ? OrderPathBenchmark.ALL_CHECKS : Map.of());
        books = oms.readBooks(b -> b); // read from this one thread only
        buy = OrderRequest.limit(X.id(), Side.BUY, Qty.of(10), Price.of("99.50"), TimeInForce.GTC);
        sell = OrderRequest.limit(X.id(), Side.SELL, Qty.of(10), Price.of("100.50"), TimeInForce.GTC);
        id = ClientOrderId.of("o");
    }

    @Benchmark
    public RiskRefusal check() {
        time = time.plusNanos(2_000);
        RiskRefusal r = chain.check(new PreTradeOrder("s", "sim", id, (n++ & 1) == 0 ? buy : sell, time), books);
        if (r != null) {
            throw new IllegalStateException("the benchmark's order was refused: " + r);
        }
        return r;
    }
}
