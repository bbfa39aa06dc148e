package io.quiver.benchmarks;

import io.quiver.feed.synthetic.GbmBarGenerator;
import io.quiver.sdk.indicators.Sma;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import java.time.Duration;
import java.time.Instant;
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
 * The arithmetic of a backtest, exact against {@code double}: the SMA crossover (fast 10, slow 30, 100 a
 * trade) over 1,000,000 GBM minute bars, a market order on a cross filled at the next bar's open, cash and
 * position kept, equity marked at every close. The same rule three ways:
 * <ul>
 * <li>{@code doubles}: prices, averages and cash as doubles (what a floating-point engine does);</li>
 * <li>{@code scaledLongs}: prices in scaled long units, sums of longs compared exactly, cash in units: exact;</li>
 * <li>{@code sdkTypes}: Quiver's own types as a strategy and account use them: {@code Price} and {@code Qty}
 * per bar, the SDK's {@code Sma} (exact comparison), cash and equity as {@code Money} (BigDecimal).</li>
 * </ul>
 * This is the arithmetic alone, without the order manager, venue and report a real backtest runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ExactVsDoubleBenchmark {
    private static final int FAST = 10;
    private static final int SLOW = 30;
    private BarSeries series;
    private long[] open;
    private long[] close;
    private double[] openD;
    private double[] closeD;

    @Setup(Level.Trial)
    public void load() {
        series = new GbmBarGenerator(Instrument.of("GBM", 2, "USD"), Price.of("100.00"), 0.05, 0.3, Duration.ofMinutes(1), 4,
                Instant.parse("2020-01-01T00:00:00Z"), 42).series(1_000_000);
        int n = series.size();
        open = new long[n];
        close = new long[n];
        openD = new double[n];
        closeD = new double[n];
        for (int i = 0; i < n; i++) {
            open[i] = series.openUnits(i);
            close[i] = series.closeUnits(i);
            openD[i] = open[i] / 100.0;
            closeD[i] = close[i] / 100.0;
        }
        // the two exact ones must do the same work: the same final equity to the cent
        Money exact = sdkTypes();
        if (exact.compareTo(Money.of(java.math.BigDecimal.valueOf(scaledLongs(), 2))) != 0) {
            throw new IllegalStateException("the exact variants disagree: " + exact + " and " + scaledLongs() + " cents");
        }
        // the doubles' running sums drift, so near-ties between the averages may cross the other way: say how far it ends
        System.out.printf("final equity: exact %s, doubles %.6f%n", exact, doubles());
    }

    @Benchmark
    public double doubles() {
        double[] fastRing = new double[FAST];
        double[] slowRing = new double[SLOW];
        double fastSum = 0;
        double slowSum = 0;
        double cash = 1_000_000;
        double position = 0;
        double equity = cash;
        int lastSide = 0;
        int pending = 0;
        for (int i = 0; i < closeD.length; i++) {
            if (pending != 0) {
                cash -= pending * 100 * openD[i];
                position += pending * 100;
                pending = 0;
            }
            double c = closeD[i];
            fastSum += c - fastRing[i % FAST];
            fastRing[i % FAST] = c;
            slowSum += c - slowRing[i % SLOW];
            slowRing[i % SLOW] = c;
            equity = cash + position * c;
            if (i >= SLOW - 1) {
                int side = Double.compare(fastSum / FAST, slowSum / SLOW);
                if (side != 0) {
                    if (side > 0 && lastSide < 0 && position == 0) {
                        pending = 1;
                    } else if (side < 0 && lastSide > 0 && position > 0) {
                        pending = -1;
                    }
                    lastSide = side;
                }
            }
        }
        return equity;
    }

    @Benchmark
    public long scaledLongs() {
        long[] fastRing = new long[FAST];
        long[] slowRing = new long[SLOW];
        long fastSum = 0;
        long slowSum = 0;
        long cash = 100_000_000; // in cents
        long position = 0;
        long equity = cash;
        int lastSide = 0;
        int pending = 0;
        for (int i = 0; i < close.length; i++) {
            if (pending != 0) {
                cash = Math.subtractExact(cash, Math.multiplyExact(pending * 100L, open[i]));
                position += pending * 100L;
                pending = 0;
            }
            long c = close[i];
            fastSum += c - fastRing[i % FAST];
            fastRing[i % FAST] = c;
            slowSum += c - slowRing[i % SLOW];
            slowRing[i % SLOW] = c;
            equity = cash + position * c;
            if (i >= SLOW - 1) {
                int side = Long.compare(fastSum * SLOW, slowSum * FAST); // fast/F vs slow/S, exactly
                if (side != 0) {
                    if (side > 0 && lastSide < 0 && position == 0) {
                        pending = 1;
                    } else if (side < 0 && lastSide > 0 && position > 0) {
                        pending = -1;
                    }
                    lastSide = side;
                }
            }
        }
        return equity;
    }

    @Benchmark
    public Money sdkTypes() {
        Sma fast = new Sma(FAST);
        Sma slow = new Sma(SLOW);
        Qty size = Qty.of(100);
        Money cash = Money.of(1_000_000);
        Qty position = Qty.ZERO;
        Money equity = cash;
        int lastSide = 0;
        int pending = 0;
        int scale = series.priceScale();
        for (int i = 0; i < open.length; i++) {
            if (pending != 0) {
                Money notional = Price.ofUnits(open[i], scale).times(size);
                cash = pending > 0 ? cash.minus(notional) : cash.plus(notional);
                position = pending > 0 ? position.plus(size) : position.minus(size);
                pending = 0;
            }
            Price c = Price.ofUnits(close[i], scale);
            fast.update(c);
            slow.update(c);
            equity = position.isZero() ? cash : cash.plus(c.times(position));
            if (slow.isReady()) {
                int side = fast.compareTo(slow);
                if (side != 0) {
                    if (side > 0 && lastSide < 0 && position.isZero()) {
                        pending = 1;
                    } else if (side < 0 && lastSide > 0 && position.isPositive()) {
                        pending = -1;
                    }
                    lastSide = side;
                }
            }
        }
        return equity;
    }
}
