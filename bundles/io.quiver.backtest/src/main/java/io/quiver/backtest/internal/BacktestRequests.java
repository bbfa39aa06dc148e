package io.quiver.backtest.internal;

import io.quiver.backtest.BacktestProgress;
import io.quiver.backtest.BacktestResult;
import io.quiver.backtest.BacktestService;
import io.quiver.backtest.BacktestSettings;
import io.quiver.backtest.Backtester;
import io.quiver.oms.host.StrategyInstantiator;
import io.quiver.oms.PreTradeGate;
import io.quiver.sdk.Strategy;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns a backtest request into a run: reads the data, checks the settings, creates the strategy. */
public final class BacktestRequests {
    private BacktestRequests() {
    }

    public static BacktestResult run(Class<?> strategyClass, String typeName, BacktestService.Request r, PreTradeGate risk,
            BacktestProgress progress, io.quiver.backtest.VenueFactories venues, io.quiver.backtest.BarSources bars) {
        Money cash = Money.of(decimal("cash", r.startingCash()));
        BigDecimal fee = decimal("fee", r.feeBps());
        Strategy strategy = StrategyInstantiator.instantiate(strategyClass, r.parameters());
        String id = r.strategyId() == null || r.strategyId().isBlank() ? "backtest" : r.strategyId();
        String venue = r.venue() == null ? "sim" : r.venue();
        io.quiver.sdk.spi.VenueFactory factory = venues.named(venue);
        io.quiver.sdk.spi.BarSourceFactory.BarData data = bars.open(r.data(), r.home());
        String name = data.name();
        String checksum = data.checksum();
        BacktestSettings settings = new BacktestSettings(id, typeName, r.parameters(), cash, fee, 3, name, checksum, venue, r.venueSettings(),
                r.latency(), r.financing());
        if (data.isTicks()) {
            io.quiver.sdk.model.TickSeries ticks = data.ticks().withInstrument(instrumentMaster(r.home()).resolve(data.ticks().instrument()));
            return Backtester.run(strategy, ticks, Backtester.overTicks(settings, factory), risk, progress, factory);
        }
        BarSeries series = data.series().withInstrument(instrumentMaster(r.home()).resolve(data.series().instrument()));
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

    private static BigDecimal decimal(String name, String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not a decimal number");
        }
    }

    /** The full type name for a short one: {@code sma} is {@code io.quiver.strategy.sma}. */
    public static boolean matches(String fullName, String asked) {
        return fullName.equals(asked) || fullName.equals("io.quiver.strategy." + asked);
    }
}
