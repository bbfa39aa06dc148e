package io.quiver.benchmarks;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.spi.Secrets;
import io.quiver.venue.alpaca.AlpacaSettings;
import io.quiver.venue.alpaca.AlpacaVenue;
import io.quiver.venue.alpaca.standin.AlpacaBrokerStandIn;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * An order's round trip through the REST/WebSocket broker venue to the stand-in broker on loopback and
 * back: from {@code submit} to the listener's Filled event (the order's account written down and synced,
 * POST /v2/orders out, the fill back on the trade_updates stream), one order at a time, after a warm-up.
 * {@code java -cp benchmarks/target/benchmarks.jar io.quiver.benchmarks.AlpacaRoundTripBenchmark [orders] [warm-up]}
 */
public final class AlpacaRoundTripBenchmark {
    private AlpacaRoundTripBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path folder = Files.createTempDirectory("quiver-alpaca-bench");
        Path key = folder.resolve("secrets").resolve("quiver.key");
        BlockingQueue<OrderEvent.Filled> fills = new ArrayBlockingQueue<>(16);
        try (AlpacaBrokerStandIn broker = new AlpacaBrokerStandIn(Set.of("BENCH"), new BigDecimal("100.00"), new BigDecimal("1000000000"))) {
            AlpacaVenue venue = new AlpacaVenue(AlpacaSettings.of("alpaca", broker.restUrl(), broker.streamUrl(),
                    Secrets.encrypt(AlpacaBrokerStandIn.KEY_ID, key), Secrets.encrypt(AlpacaBrokerStandIn.SECRET_KEY, key), folder.resolve("venue")), key);
            venue.open(e -> {
                if (e instanceof OrderEvent.Filled f) {
                    fills.add(f);
                }
            });
            venue.openAccount("bench", Money.of(1_000_000_000));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!venue.isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Histogram h = new Histogram(3_600_000_000_000L, 3);
            InstrumentId bench = InstrumentId.of("BENCH");
            long started = 0;
            for (int i = 0; i < warmup + orders; i++) {
                if (i == warmup) {
                    started = System.nanoTime();
                }
                long t0 = System.nanoTime();
                venue.submit("bench", ClientOrderId.of("b-" + i), OrderRequest.market(bench, i % 2 == 0 ? Side.BUY : Side.SELL, Qty.of(1)),
                        Instant.now());
                if (fills.poll(10, TimeUnit.SECONDS) == null) {
                    throw new IllegalStateException("no fill for order " + i);
                }
                if (i >= warmup) {
                    h.recordValue(System.nanoTime() - t0);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            venue.close();
            System.out.printf("%d orders through REST to the stand-in broker and back on its stream (after %d warm-up), %.0f round trips/s, "
                    + "in microseconds:%n", orders, warmup, orders / seconds);
            OrderPathBenchmark.print("submit -> Filled", h);
        }
    }
}
