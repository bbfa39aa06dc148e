package io.quiver.backtest;

import io.quiver.sdk.model.Money;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A portfolio backtest: data sets, strategy instances over them, how capital is split between the
 * instances and how often it is split again. Written as a Karaf-style {@code .cfg} file, whose keys
 * {@code docs/portfolio.md} lists; {@link #parse} checks every key and names the one that is wrong.
 *
 * @param name       what the result is called
 * @param cash       the portfolio's capital
 * @param allocator  the allocator's type ({@code fixed}, {@code equal}, {@code inverse-volatility}, {@code kelly}, {@code drawdown} or an installed one)
 * @param allocatorSettings its settings, without the {@code allocator.} prefix
 * @param risk       risk settings for every instance (over the runtime's), without the {@code risk.} prefix
 * @param portfolioRisk limits on all instances together, without the {@code risk.portfolio.} prefix
 * @param from       the first trading day (UTC) of the data to run over, or null for all
 * @param to         the last one, or null for all
 */
public record PortfolioPlan(String name, Money cash, String venue, Map<String, String> venueSettings, Duration latency,
        BacktestSettings.Financing financing, String allocator, Map<String, String> allocatorSettings, Rebalance rebalance,
        Map<String, String> risk, Map<String, String> portfolioRisk, List<DataSet> data, List<Instance> instances, LocalDate from, LocalDate to) {

    /** How often capital is split again: at the first bar of each new UTC day, ISO week, month or quarter. */
    public enum Rebalance {
        NEVER, DAILY, WEEKLY, MONTHLY, QUARTERLY
    }

    /** A data set the instances trade: a data argument as {@code --data} takes it, and the symbol its bars are for (null: the source's). */
    public record DataSet(String name, String data, String symbol) {
    }

    /**
     * One strategy instance: its type, parameters, the data sets it trades (the first is its main
     * instrument), its weight for the {@code fixed} allocator (null if not given) and its own risk settings.
     */
    public record Instance(String id, String type, Map<String, String> parameters, List<String> data, BigDecimal weight,
            Map<String, String> risk) {
        public Instance {
            parameters = Map.copyOf(new TreeMap<>(parameters));
            data = List.copyOf(data);
            risk = Map.copyOf(new TreeMap<>(risk));
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Set<String> TOP_KEYS = new TreeSet<>(List.of("name", "cash", "venue", "latency", "borrow.rate", "financing.rate",
            "allocator", "rebalance", "from", "to"));
    private static final Set<String> PORTFOLIO_RISK_KEYS = new TreeSet<>(List.of("position.max", "exposure.gross.max", "drawdown.max.percent"));

    public PortfolioPlan {
        Objects.requireNonNull(name, "name");
        venueSettings = Map.copyOf(new TreeMap<>(venueSettings));
        allocatorSettings = Map.copyOf(new TreeMap<>(allocatorSettings));
        risk = Map.copyOf(new TreeMap<>(risk));
        portfolioRisk = Map.copyOf(new TreeMap<>(portfolioRisk));
        data = List.copyOf(data);
        instances = List.copyOf(instances);
    }

    /** Reads a plan file; a missing or unreadable file, or a wrong key, is an {@link IllegalArgumentException} naming it. */
    public static PortfolioPlan read(Path file) {
        // a key given twice is a mistake, not "the last one wins"
        Properties p = new Properties() {
            private static final long serialVersionUID = 1L;

            @Override
            public synchronized Object put(Object key, Object value) {
                if (containsKey(key)) {
                    throw new IllegalStateException(key + ": given twice");
                }
                return super.put(key, value);
            }
        };
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no plan file " + file);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": cannot be read as a .cfg file: " + e.getMessage());
        }
        Map<String, String> entries = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> entries.put(k, p.getProperty(k).trim()));
        String base = file.getFileName().toString().replaceFirst("\\.cfg$", "");
        return parse(entries, file.toString(), base);
    }

    /**
     * Reads a plan from its entries; {@code source} names it in messages ({@code plan.cfg: instance.a.type: ...}),
     * {@code defaultName} is its name unless {@code name} is set.
     */
    public static PortfolioPlan parse(Map<String, String> entries, String source, String defaultName) {
        try {
            return parse(entries, defaultName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static PortfolioPlan parse(Map<String, String> entries, String defaultName) {
        Map<String, String> venueSettings = new TreeMap<>();
        Map<String, String> allocatorSettings = new TreeMap<>();
        Map<String, String> risk = new TreeMap<>();
        Map<String, String> portfolioRisk = new TreeMap<>();
        Map<String, String> dataArgs = new TreeMap<>();
        Map<String, String> symbols = new TreeMap<>();
        Map<String, Map<String, String>> instanceKeys = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(entries).entrySet()) {
            String key = e.getKey();
            String value = e.getValue().trim();
            if (TOP_KEYS.contains(key)) {
                continue;
            } else if (key.startsWith("venue.")) {
                venueSettings.put(key.substring(6), value);
            } else if (key.startsWith("allocator.")) {
                allocatorSettings.put(key.substring(10), value);
            } else if (key.startsWith("risk.portfolio.")) {
                String k = key.substring(15);
                if (!PORTFOLIO_RISK_KEYS.contains(k)) {
                    throw new IllegalArgumentException(key + ": not a portfolio limit; they are " + PORTFOLIO_RISK_KEYS.stream().map(x -> "risk.portfolio." + x).toList());
                }
                portfolioRisk.put(k, value);
            } else if (key.startsWith("risk.")) {
                risk.put(key.substring(5), value);
            } else if (key.startsWith("data.")) {
                String rest = key.substring(5);
                if (rest.endsWith(".symbol")) {
                    symbols.put(name(key, rest.substring(0, rest.length() - 7)), required(key, value));
                } else {
                    dataArgs.put(name(key, rest), required(key, value));
                }
            } else if (key.startsWith("instance.")) {
                String rest = key.substring(9);
                int dot = rest.indexOf('.');
                if (dot < 0) {
                    throw new IllegalArgumentException(key + ": an instance key is instance.<id>.<setting>, e.g. instance." + rest + ".type");
                }
                instanceKeys.computeIfAbsent(name(key, rest.substring(0, dot)), k -> new TreeMap<>()).put(rest.substring(dot + 1), value);
            } else {
                throw new IllegalArgumentException(key + ": not a plan key; the keys are " + TOP_KEYS
                        + " and those starting venue., allocator., risk., data., instance. (docs/portfolio.md)");
            }
        }
        for (String s : symbols.keySet()) {
            if (!dataArgs.containsKey(s)) {
                throw new IllegalArgumentException("data." + s + ".symbol: there is no data." + s);
            }
        }
        if (dataArgs.isEmpty()) {
            throw new IllegalArgumentException("no data set: name at least one, e.g. data.orcl = samples/orcl-1995-2014.txt");
        }
        if (instanceKeys.isEmpty()) {
            throw new IllegalArgumentException("no instance: name at least one, e.g. instance.fast.type = sma");
        }
        List<DataSet> data = new ArrayList<>();
        dataArgs.forEach((n, arg) -> data.add(new DataSet(n, arg, symbols.get(n))));
        List<Instance> instances = new ArrayList<>();
        instanceKeys.forEach((id, keys) -> instances.add(instance(id, keys, dataArgs.keySet())));
        for (String d : dataArgs.keySet()) {
            if (instances.stream().noneMatch(in -> in.data().contains(d))) {
                throw new IllegalArgumentException("data." + d + ": no instance trades it; name it in an instance's data or drop it");
            }
        }

        String cashText = entries.getOrDefault("cash", "100000").trim();
        Money cash;
        try {
            cash = Money.of(cashText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cash: '" + cashText + "' is not a decimal number");
        }
        if (cash.signum() <= 0) {
            throw new IllegalArgumentException("cash: must be positive, was " + cashText);
        }
        Duration latency;
        try {
            latency = BacktestSettings.parseLatency(entries.get("latency"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("--latency", "latency:"));
        }
        BacktestSettings.Financing financing;
        try {
            financing = new BacktestSettings.Financing(BacktestSettings.parseRate("borrow.rate:", entries.get("borrow.rate")),
                    BacktestSettings.parseRate("financing.rate:", entries.get("financing.rate")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        String rebalanceText = entries.getOrDefault("rebalance", "monthly").trim();
        Rebalance rebalance;
        try {
            rebalance = Rebalance.valueOf(rebalanceText.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rebalance: '" + rebalanceText + "' is not one of never, daily, weekly, monthly, quarterly");
        }
        String name = entries.getOrDefault("name", defaultName).trim();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: '" + name + "' must be letters, digits, '-' and '_'");
        }
        LocalDate from = date(entries, "from");
        LocalDate to = date(entries, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to: " + to + " is before from " + from);
        }
        String venue = entries.getOrDefault("venue", "sim").trim();
        String allocator = entries.getOrDefault("allocator", "equal").trim();
        return new PortfolioPlan(name, cash, venue, venueSettings, latency, financing, allocator, allocatorSettings, rebalance, risk,
                portfolioRisk, data, instances, from, to);
    }

    private static LocalDate date(Map<String, String> entries, String key) {
        String text = entries.get(key);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a date such as 2006-01-31");
        }
    }

    private static Instance instance(String id, Map<String, String> keys, Set<String> dataNames) {
        String prefix = "instance." + id + ".";
        Map<String, String> parameters = new TreeMap<>();
        Map<String, String> risk = new TreeMap<>();
        for (Map.Entry<String, String> k : keys.entrySet()) {
            String key = k.getKey();
            if (key.startsWith("param.")) {
                parameters.put(key.substring(6), k.getValue());
            } else if (key.startsWith("risk.")) {
                risk.put(key.substring(5), k.getValue());
            } else if (!Set.of("type", "data", "weight").contains(key)) {
                throw new IllegalArgumentException(prefix + key + ": not an instance setting; they are type, data, weight, param.<name>, risk.<key>");
            }
        }
        String type = keys.get("type");
        if (type == null || type.isEmpty()) {
            throw new IllegalArgumentException(prefix + "type: is required (a strategy type, e.g. sma)");
        }
        List<String> data = new ArrayList<>();
        String dataText = keys.get("data");
        if (dataText == null || dataText.isBlank()) {
            if (dataNames.size() != 1) {
                throw new IllegalArgumentException(prefix + "data: is required when the plan has more than one data set; it has " + dataNames);
            }
            data.addAll(dataNames);
        } else {
            for (String d : dataText.split(",")) {
                String n = d.trim();
                if (!dataNames.contains(n)) {
                    throw new IllegalArgumentException(prefix + "data: no data set '" + n + "'; the plan has " + dataNames);
                }
                if (data.contains(n)) {
                    throw new IllegalArgumentException(prefix + "data: names '" + n + "' twice");
                }
                data.add(n);
            }
        }
        BigDecimal weight = null;
        String w = keys.get("weight");
        if (w != null && !w.isBlank()) {
            try {
                weight = new BigDecimal(w.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(prefix + "weight: '" + w + "' is not a decimal number");
            }
            if (weight.signum() < 0 || weight.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException(prefix + "weight: must be from 0 to 1, was " + w);
            }
        }
        return new Instance(id, type, parameters, data, weight, risk);
    }

    private static String name(String key, String n) {
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException(key + ": '" + n + "' is not a name (letters, digits, '-' and '_')");
        }
        return n;
    }

    private static String required(String key, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + ": has no value");
        }
        return value;
    }
}
