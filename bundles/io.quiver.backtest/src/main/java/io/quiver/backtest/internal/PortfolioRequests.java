package io.quiver.backtest.internal;

import io.quiver.backtest.Allocators;
import io.quiver.backtest.BacktestProgress;
import io.quiver.backtest.BarSources;
import io.quiver.backtest.PortfolioPlan;
import io.quiver.backtest.PortfolioResult;
import io.quiver.backtest.VenueFactories;
import io.quiver.oms.PreTradeGate;
import io.quiver.oms.host.StrategyInstantiator;
import io.quiver.risk.RiskLimits;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.spi.BarSourceFactory;
import io.quiver.sdk.spi.InstrumentMaster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Turns a plan into a run: finds each instance's strategy type, reads the data, checks the risk settings, makes the allocator. */
public final class PortfolioRequests {
    private PortfolioRequests() {
    }

    /** A strategy type found by the name a plan gives: its full name and class. */
    public record StrategyClass(String name, Class<?> type) {
    }

    /**
     * @param strategies finds a strategy type by the name a plan gives; null if there is none
     * @param installed  the strategy types there are, for the message when one is not found
     * @param risk       the risk chain for the instances' own limits (by id)
     */
    public static PortfolioResult run(PortfolioPlan plan, Function<String, StrategyClass> strategies, List<String> installed, Path home, BarSources bars,
            VenueFactories venues, Allocators allocators, Function<Map<String, RiskLimits>, PreTradeGate> risk, BacktestProgress progress) {
        io.quiver.sdk.spi.VenueFactory venue = venues.named(plan.venue());
        io.quiver.backtest.Allocator allocator = allocators.create(plan.allocator(), plan.allocatorSettings());
        RiskLimits shared;
        try {
            shared = RiskLimits.parse(plan.risk(), false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("risk." + e.getMessage(), e);
        }
        List<PortfolioRun.Member> members = new ArrayList<>();
        Map<String, RiskLimits> limits = new TreeMap<>();
        for (PortfolioPlan.Instance in : plan.instances()) {
            String prefix = "instance." + in.id() + ".";
            StrategyClass type = strategies.apply(in.type());
            if (type == null) {
                throw new IllegalArgumentException(prefix + "type: no strategy type '" + in.type() + "'; installed: " + installed);
            }
            io.quiver.sdk.Strategy strategy;
            try {
                strategy = StrategyInstantiator.instantiate(type.type(), in.parameters());
            } catch (IllegalArgumentException e) {
                // "parameter 'fast': 'ten' is not a whole number" is named by its plan key
                java.util.regex.Matcher named = java.util.regex.Pattern.compile("parameter '([^']+)': (.*)", java.util.regex.Pattern.DOTALL)
                        .matcher(e.getMessage());
                throw new IllegalArgumentException(named.matches() ? prefix + "param." + named.group(1) + ": " + named.group(2)
                        : prefix + "param: " + e.getMessage(), e);
            }
            try {
                limits.put(in.id(), RiskLimits.parse(in.risk(), false).over(shared));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + "risk." + e.getMessage(), e);
            }
            members.add(new PortfolioRun.Member(in, type.name(), strategy));
        }
        InstrumentMaster master = BacktestRequests.instrumentMaster(home);
        Map<String, BarSourceFactory.BarData> data = new LinkedHashMap<>();
        for (PortfolioPlan.DataSet d : plan.data()) {
            BarSourceFactory.BarData read;
            try {
                read = bars.open(d.data(), home);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("data." + d.name() + ": " + e.getMessage(), e);
            }
            if (read.isTicks()) {
                io.quiver.sdk.model.TickSeries t = between(read.ticks(), plan.from(), plan.to());
                if (t.size() == 0) {
                    throw new IllegalArgumentException("data." + d.name() + ": " + d.data() + " has no quotes or trades from "
                            + (plan.from() == null ? "its start" : plan.from()) + " to " + (plan.to() == null ? "its end" : plan.to()));
                }
                data.put(d.name(), BarSourceFactory.BarData.ofTicks(t.withInstrument(master.resolve(named(t.instrument(), d))), read.name(), read.checksum()));
                continue;
            }
            BarSeries s = between(read.series(), plan.from(), plan.to());
            if (s.size() == 0) {
                throw new IllegalArgumentException("data." + d.name() + ": " + d.data() + " has no bars from " + (plan.from() == null ? "its start" : plan.from())
                        + " to " + (plan.to() == null ? "its end" : plan.to()));
            }
            data.put(d.name(), new BarSourceFactory.BarData(s.withInstrument(master.resolve(named(s.instrument(), d))), read.name(), read.checksum()));
        }
        long ticks = data.values().stream().filter(BarSourceFactory.BarData::isTicks).count();
        if (ticks > 0 && ticks < data.size()) {
            throw new IllegalArgumentException("data: a plan's data sets are all bars or all quotes and trades; this one mixes them");
        }
        if (ticks > 0) {
            // the venue fills from the quotes and trades, as a single backtest over them does
            plan = new PortfolioPlan(plan.name(), plan.cash(), plan.venue(), io.quiver.backtest.Backtester.tickVenueSettings(venue, plan.venueSettings()),
                    plan.latency(), plan.financing(), plan.allocator(),
                    plan.allocatorSettings(), plan.rebalance(), plan.risk(), plan.portfolioRisk(), plan.data(), plan.instances(), plan.from(), plan.to());
        }
        return PortfolioRun.run(plan, members, data, risk.apply(limits), progress, venue, allocator);
    }

    /** The source's instrument, under the symbol the plan gives it ({@code data.<name>.symbol}) if it gives one. */
    private static Instrument named(Instrument read, PortfolioPlan.DataSet d) {
        return d.symbol() == null ? read : new Instrument(InstrumentId.of(d.symbol()), read.tickSize(), read.lotSize(), read.currency());
    }

    /** The quotes and trades whose UTC day is from {@code from} to {@code to} (either null: no bound). */
    static io.quiver.sdk.model.TickSeries between(io.quiver.sdk.model.TickSeries t, java.time.LocalDate from, java.time.LocalDate to) {
        if (from == null && to == null) {
            return t;
        }
        long first = from == null ? Long.MIN_VALUE : from.toEpochDay();
        long last = to == null ? Long.MAX_VALUE : to.toEpochDay();
        io.quiver.sdk.model.TickSeries.Builder b = io.quiver.sdk.model.TickSeries.builder(t.instrument(), t.sizeScale());
        for (int i = 0; i < t.size(); i++) {
            long day = BacktestReport.tradingDay(t.timeNanos(i));
            if (day >= first && day <= last) {
                b.add(t, i);
            }
        }
        return b.build();
    }

    /** The bars whose UTC trading day is from {@code from} to {@code to} (either null: no bound). */
    static BarSeries between(BarSeries s, java.time.LocalDate from, java.time.LocalDate to) {
        if (from == null && to == null) {
            return s;
        }
        long first = from == null ? Long.MIN_VALUE : from.toEpochDay();
        long last = to == null ? Long.MAX_VALUE : to.toEpochDay();
        BarSeries.Builder b = BarSeries.builder(s.instrument(), s.volumeScale());
        for (int i = 0; i < s.size(); i++) {
            long day = BacktestReport.tradingDay(s.timeNanos(i));
            if (day >= first && day <= last) {
                b.add(s.timeNanos(i), s.openUnits(i), s.highUnits(i), s.lowUnits(i), s.closeUnits(i), s.volumeUnits(i));
            }
        }
        return b.build();
    }
}
