package io.quiver.risk;

import io.quiver.oms.MarginRules;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Qty;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The limits of one scope: the whole runtime ({@code etc/io.quiver.risk.cfg}) or one strategy instance
 * ({@code etc/io.quiver.risk.strategy-<name>.cfg}). A limit that is not set (null) is off; an instance's
 * limits fall back to the runtime's key by key ({@link #over}). Built only by {@link #parse}, which
 * names the key of any bad value and refuses keys it does not know.
 */
public record RiskLimits(Set<String> allowedInstruments, Set<String> blockedInstruments, Qty maxOrderQuantity, Money maxOrderNotional,
        Qty maxPosition, Money maxGrossExposure, Money maxNetExposure, Integer maxOpenOrders, Integer maxOrdersPerDay,
        BigDecimal ordersPerSecond, Integer orderBurst, BigDecimal collarPercent, Integer collarTicks, Duration duplicateWindow,
        Boolean buyingPower, Boolean shortAllowed, BigDecimal shortMarginRate, BigDecimal marketBuffer, BreakerLimits breakers) {

    public RiskLimits {
        breakers = breakers == null ? BreakerLimits.UNSET : breakers;
    }

    /** Every key a scope's configuration may hold, with what it means; {@code risk:limits} and the docs list them. */
    public static final Map<String, String> KEYS = keys();

    /** Keys only the runtime's configuration may hold. */
    public static final Map<String, String> GLOBAL_KEYS = Map.of(
            "orders.rate.global.max", "orders per second the whole runtime may enter (token bucket)",
            "orders.rate.global.burst", "orders the whole runtime may enter at once before the global rate applies",
            "trading.zone", "the time zone whose midnight starts a trading day (orders per day), e.g. America/New_York");

    /** No limit set, buying power on, no short sales, market orders held at 5 % above the reference price. */
    public static final RiskLimits DEFAULTS = new RiskLimits(Set.of(), Set.of(), null, null, null, null, null, null, null, null, null, null,
            null, null, true, false, BigDecimal.ONE, new BigDecimal("0.05"), BreakerLimits.UNSET);

    private static Map<String, String> keys() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("instruments.allowed", "comma-separated symbols that may be traded; empty: all");
        k.put("instruments.blocked", "comma-separated symbols that may not be traded");
        k.put("order.quantity.max", "largest quantity of one order");
        k.put("order.notional.max", "largest value of one order (quantity times its limit, stop or reference price)");
        k.put("position.max", "largest position per instrument, long or short, counting open orders as if they filled");
        k.put("exposure.gross.max", "largest sum of the values of all positions and open orders");
        k.put("exposure.net.max", "largest value of long positions less short ones");
        k.put("orders.open.max", "most orders open at once");
        k.put("orders.day.max", "most orders entered in one trading day");
        k.put("orders.rate.max", "orders per second (token bucket)");
        k.put("orders.rate.burst", "orders that may be entered at once before the rate applies (default: one second's worth)");
        k.put("collar.percent", "refuse a limit price further than this percent from the reference price");
        k.put("collar.ticks", "refuse a limit price further than this many ticks from the reference price");
        k.put("duplicate.window", "refuse an order equal to one entered this long ago or less (ISO-8601, e.g. PT1S)");
        k.put("buying.power", "true: an order the free cash cannot cover is refused (INSUFFICIENT_FUNDS)");
        k.put("short.allowed", "true: sells beyond the position (short sales) are allowed");
        k.put("short.margin.rate", "share of a short sale's value held as margin, e.g. 0.5");
        k.put("market.buffer", "share above the reference price a market buy holds, e.g. 0.05");
        k.put("breaker.daily.loss.max", "trip when the loss since the start of the trading day (realised and unrealised) exceeds this");
        k.put("breaker.drawdown.max.percent", "trip when equity falls more than this percent below its peak");
        k.put("breaker.reject.rate.max.percent", "trip when more than this percent of the latest orders were refused");
        k.put("breaker.reject.window", "how many of the latest orders the reject rate is taken over (default 20)");
        k.put("breaker.error.rate.max.percent", "trip when more than this percent of the latest orders a venue answered were rejected there");
        k.put("breaker.error.window", "how many of the latest venue answers the error rate is taken over (default 20)");
        k.put("breaker.action", "what a trip does: HALTED (default; nothing new passes) or REDUCING (only orders that reduce a position)");
        return java.util.Collections.unmodifiableMap(k);
    }

    /** These limits where set, {@code base} where not. */
    public RiskLimits over(RiskLimits base) {
        return new RiskLimits(or(allowedInstruments, base.allowedInstruments), or(blockedInstruments, base.blockedInstruments),
                or(maxOrderQuantity, base.maxOrderQuantity), or(maxOrderNotional, base.maxOrderNotional), or(maxPosition, base.maxPosition),
                or(maxGrossExposure, base.maxGrossExposure), or(maxNetExposure, base.maxNetExposure), or(maxOpenOrders, base.maxOpenOrders),
                or(maxOrdersPerDay, base.maxOrdersPerDay), or(ordersPerSecond, base.ordersPerSecond), or(orderBurst, base.orderBurst),
                or(collarPercent, base.collarPercent), or(collarTicks, base.collarTicks), or(duplicateWindow, base.duplicateWindow),
                or(buyingPower, base.buyingPower), or(shortAllowed, base.shortAllowed), or(shortMarginRate, base.shortMarginRate),
                or(marketBuffer, base.marketBuffer), breakers.over(base.breakers));
    }

    /** How this scope's open orders hold cash. */
    public MarginRules margin() {
        return new MarginRules(Boolean.TRUE.equals(shortAllowed), shortMarginRate == null ? BigDecimal.ONE : shortMarginRate,
                marketBuffer == null ? DEFAULTS.marketBuffer : marketBuffer);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /**
     * Reads a scope's configuration. Keys outside {@link #KEYS} (and, with {@code global}, {@link #GLOBAL_KEYS})
     * are refused unless they belong to Config Admin, Declarative Services or Karaf ({@code service.*},
     * {@code felix.*}, {@code component.*}, {@code osgi.*}, {@code objectClass}) or name the scope
     * ({@code strategy.id}); blank values are not set.
     *
     * @throws IllegalArgumentException naming the key and the value
     */
    public static RiskLimits parse(Map<String, ?> config, boolean global) {
        for (String key : config.keySet()) {
            boolean framework = key.startsWith("service.") || key.startsWith("felix.") || key.startsWith("component.")
                    || key.startsWith("osgi.") || key.equals("objectClass") || key.equals("strategy.id");
            if (!framework && !KEYS.containsKey(key) && !(global && GLOBAL_KEYS.containsKey(key))) {
                throw new IllegalArgumentException(key + ": not a risk setting; the settings are " + String.join(", ", new TreeSet<>(
                        global ? union(KEYS.keySet(), GLOBAL_KEYS.keySet()) : KEYS.keySet())));
            }
        }
        Reader r = new Reader(config);
        RiskLimits limits = new RiskLimits(r.symbols("instruments.allowed"), r.symbols("instruments.blocked"),
                r.positive("order.quantity.max", Qty::of), r.positive("order.notional.max", Money::of), r.positive("position.max", Qty::of),
                r.positive("exposure.gross.max", Money::of), r.positive("exposure.net.max", Money::of), r.count("orders.open.max"),
                r.count("orders.day.max"), r.positive("orders.rate.max", BigDecimal::new), r.count("orders.rate.burst"),
                r.positive("collar.percent", BigDecimal::new), r.count("collar.ticks"), r.duration("duplicate.window"),
                r.flag("buying.power"), r.flag("short.allowed"), r.rate("short.margin.rate"), r.rate("market.buffer"),
                new BreakerLimits(r.positive("breaker.daily.loss.max", Money::of), r.positive("breaker.drawdown.max.percent", BigDecimal::new),
                        r.positive("breaker.reject.rate.max.percent", BigDecimal::new), r.count("breaker.reject.window"),
                        r.positive("breaker.error.rate.max.percent", BigDecimal::new), r.count("breaker.error.window"), r.action("breaker.action")));
        if (global) {
            r.positive("orders.rate.global.max", BigDecimal::new);
            r.count("orders.rate.global.burst");
            zone(config);
        }
        return limits;
    }

    /** The global order rate as {per second, burst}, or null when not set; call after {@link #parse} accepted the map. */
    public static BigDecimal[] globalRate(Map<String, ?> config) {
        Reader r = new Reader(config);
        BigDecimal rate = r.positive("orders.rate.global.max", BigDecimal::new);
        Integer burst = r.count("orders.rate.global.burst");
        return rate == null ? null : new BigDecimal[] {rate, burst == null ? null : BigDecimal.valueOf(burst)};
    }

    /** The zone of the trading day ({@code trading.zone}, default UTC). */
    public static ZoneId zone(Map<String, ?> config) {
        Object v = config.get("trading.zone");
        if (v == null || v.toString().isBlank()) {
            return java.time.ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(v.toString().trim());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("trading.zone: '" + v + "' is not a time zone such as UTC or America/New_York");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Reads typed values from a configuration, naming the key in every error. */
    private record Reader(Map<String, ?> config) {
        String text(String key) {
            Object v = config.get(key);
            return v == null || v.toString().isBlank() ? null : v.toString().trim();
        }

        Set<String> symbols(String key) {
            String t = text(key);
            if (t == null) {
                return null;
            }
            Set<String> set = new TreeSet<>();
            for (String s : t.split(",")) {
                if (!s.isBlank()) {
                    set.add(s.trim());
                }
            }
            return Set.copyOf(set);
        }

        <T> T positive(String key, Function<String, T> parse) {
            String t = text(key);
            if (t == null) {
                return null;
            }
            if (!t.matches("[0-9]+(\\.[0-9]+)?") || new BigDecimal(t).signum() <= 0) {
                throw new IllegalArgumentException(key + ": '" + t + "' is not a number above zero");
            }
            return parse.apply(t);
        }

        Integer count(String key) {
            String t = text(key);
            if (t == null) {
                return null;
            }
            try {
                int n = Integer.parseInt(t);
                if (n < 1) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": '" + t + "' is not a whole number of at least 1");
            }
        }

        BigDecimal rate(String key) {
            String t = text(key);
            if (t == null) {
                return null;
            }
            if (!t.matches("[0-9]+(\\.[0-9]+)?")) {
                throw new IllegalArgumentException(key + ": '" + t + "' is not a share such as 0.5");
            }
            return new BigDecimal(t);
        }

        Boolean flag(String key) {
            String t = text(key);
            if (t == null) {
                return null;
            }
            return switch (t.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(key + ": '" + t + "' is not true or false");
            };
        }

        TradingState action(String key) {
            String t = text(key);
            if (t == null) {
                return null;
            }
            return switch (t.toUpperCase(Locale.ROOT)) {
                case "HALTED" -> TradingState.HALTED;
                case "REDUCING" -> TradingState.REDUCING;
                default -> throw new IllegalArgumentException(key + ": '" + t + "' is not HALTED or REDUCING");
            };
        }

        Duration duration(String key) {
            String t = text(key);
            if (t == null) {
                return null;
            }
            try {
                Duration d = Duration.parse(t);
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException(key + ": '" + t + "' must be above zero");
                }
                return d;
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(key + ": '" + t + "' is not an ISO-8601 duration such as PT1S");
            }
        }
    }

    @Override
    public String toString() {
        return "RiskLimits" + Arrays.asList(allowedInstruments, blockedInstruments, maxOrderQuantity, maxOrderNotional, maxPosition,
                maxGrossExposure, maxNetExposure, maxOpenOrders, maxOrdersPerDay, ordersPerSecond, orderBurst, collarPercent, collarTicks,
                duplicateWindow, buyingPower, shortAllowed, shortMarginRate, marketBuffer, breakers);
    }
}
