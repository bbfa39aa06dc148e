package io.quiver.engine.internal;

import io.quiver.engine.BacktestProgress;
import io.quiver.engine.BacktestResult;
import io.quiver.engine.BacktestService;
import io.quiver.engine.BacktestSettings;
import io.quiver.engine.Backtester;
import io.quiver.engine.StrategyInstantiator;
import io.quiver.feed.csv.CsvDataReader;
import io.quiver.oms.PreTradeGate;
import io.quiver.sdk.Strategy;
import io.quiver.feed.synthetic.GbmBarGenerator;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Turns a backtest request into a run: reads the data, checks the settings, creates the strategy. */
public final class BacktestRequests {
    private BacktestRequests() {
    }

    public static BacktestResult run(Class<?> strategyClass, String typeName, BacktestService.Request r, PreTradeGate risk,
            BacktestProgress progress, io.quiver.engine.VenueFactories venues) {
        Money cash = Money.of(decimal("cash", r.startingCash()));
        BigDecimal fee = decimal("fee", r.feeBps());
        Strategy strategy = StrategyInstantiator.instantiate(strategyClass, r.parameters());
        String id = r.strategyId() == null || r.strategyId().isBlank() ? "backtest" : r.strategyId();
        String venue = r.venue() == null ? "sim" : r.venue();
        io.quiver.sdk.spi.VenueFactory factory = venues.named(venue);
        BarSeries series;
        String name;
        String checksum;
        if (r.data().startsWith(SYNTHETIC)) {
            long[] spec = syntheticSpec(r.data());
            series = new GbmBarGenerator(Instrument.of("SYN", 2, "USD"), Price.of("100.00"), 0.05, 0.3, Duration.ofMinutes(1), 4,
                    Instant.parse("2020-01-01T00:00:00Z"), spec[1]).series((int) spec[0]);
            name = SYNTHETIC + spec[0] + ":" + spec[1];
            checksum = "n/a (seeded)";
        } else {
            Path file = r.home().resolve(r.data()).normalize();
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("data file not found: " + file);
            }
            try {
                series = CsvDataReader.readBars(file, CsvDataReader.schemaFor(file));
            } catch (io.quiver.feed.csv.CsvSchemaException e) {
                throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage()
                        + "; a backtest reads bars (open, high, low, close), quote and trade files cannot be backtested yet", e);
            }
            name = file.getFileName().toString();
            checksum = sha256(file);
            series = series.withInstrument(instrumentMaster(r.home()).resolve(series.instrument()));
        }
        BacktestSettings settings = new BacktestSettings(id, typeName, r.parameters(), cash, fee, 3, name, checksum, venue, r.venueSettings());
        return Backtester.run(strategy, series, settings, risk, progress, factory);
    }

    /**
     * The instrument master of a Quiver home ({@code etc/io.quiver.instruments.cfg}), read as the runtime
     * reads it; empty if there is none.
     */
    static io.quiver.sdk.spi.InstrumentMaster instrumentMaster(Path home) {
        Path file = home.resolve("etc").resolve("io.quiver.instruments.cfg");
        if (!Files.isRegularFile(file)) {
            return io.quiver.sdk.spi.InstrumentMaster.empty();
        }
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        java.util.Map<String, String> entries = new java.util.TreeMap<>();
        p.stringPropertyNames().forEach(k -> entries.put(k, p.getProperty(k)));
        return io.quiver.sdk.spi.InstrumentMaster.parse(entries, "etc/io.quiver.instruments.cfg");
    }

    /** Data argument for generated bars: {@code synthetic:<bars>[:<seed>]}. */
    public static final String SYNTHETIC = "synthetic:";

    /** {bars, seed} of a {@code synthetic:<bars>[:<seed>]} argument. */
    static long[] syntheticSpec(String data) {
        String[] f = data.substring(SYNTHETIC.length()).split(":");
        try {
            long bars = Long.parseLong(f[0].trim());
            long seed = f.length > 1 ? Long.parseLong(f[1].trim()) : 42;
            if (bars < 1 || bars > 50_000_000 || f.length > 2) {
                throw new NumberFormatException();
            }
            return new long[] {bars, seed};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("data: '" + data + "' is not synthetic:<bars 1..50000000>[:<seed>]");
        }
    }

    private static BigDecimal decimal(String name, String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not a decimal number");
        }
    }

    static String sha256(java.nio.file.Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The full type name for a short one: {@code sma} is {@code io.quiver.strategy.sma}. */
    public static boolean matches(String fullName, String asked) {
        return fullName.equals(asked) || fullName.equals("io.quiver.strategy." + asked);
    }
}
