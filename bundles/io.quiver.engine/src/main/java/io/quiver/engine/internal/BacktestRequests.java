package io.quiver.engine.internal;

import io.quiver.engine.BacktestProgress;
import io.quiver.engine.BacktestResult;
import io.quiver.engine.BacktestService;
import io.quiver.engine.BacktestSettings;
import io.quiver.engine.Backtester;
import io.quiver.engine.StrategyInstantiator;
import io.quiver.feed.csv.CsvDataReader;
import io.quiver.sdk.Strategy;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Turns a backtest request into a run: reads the data, checks the settings, creates the strategy. */
public final class BacktestRequests {
    private BacktestRequests() {
    }

    public static BacktestResult run(Class<?> strategyClass, String typeName, BacktestService.Request r, BacktestProgress progress) {
        if (!Files.isRegularFile(r.dataFile())) {
            throw new IllegalArgumentException("data file not found: " + r.dataFile());
        }
        Money cash = Money.of(decimal("cash", r.startingCash()));
        BigDecimal fee = decimal("fee", r.feeBps());
        Strategy strategy = StrategyInstantiator.instantiate(strategyClass, r.parameters());
        BarSeries series = CsvDataReader.readBars(r.dataFile(), CsvDataReader.schemaFor(r.dataFile()));
        String id = r.strategyId() == null || r.strategyId().isBlank() ? "backtest" : r.strategyId();
        BacktestSettings settings = new BacktestSettings(id, typeName, r.parameters(), cash, fee, 3,
                r.dataFile().getFileName().toString(), sha256(r.dataFile()), r.venue() == null ? "sim" : r.venue());
        return Backtester.run(strategy, series, settings, progress);
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
