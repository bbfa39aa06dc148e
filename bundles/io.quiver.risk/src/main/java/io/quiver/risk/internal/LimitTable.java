package io.quiver.risk.internal;

import io.quiver.risk.LimitUsage;
import io.quiver.risk.RiskLimits;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.spi.RiskContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What {@code risk:limits} shows: every limit in force for each instance, whose it is, and how much of it is used. */
final class LimitTable {
    private LimitTable() {
    }

    static List<LimitUsage> rows(RiskChain chain, RiskContext books, Collection<String> strategies, Instant now) {
        List<LimitUsage> rows = new ArrayList<>();
        for (String s : new TreeSet<>(strategies)) {
            RiskLimits own = chain.scoped().get(s);
            Map<String, Object> ownValues = own == null ? Map.of() : values(own);
            values(chain.limitsOf(s)).forEach((key, value) -> {
                if (value == null || value instanceof Collection<?> c && c.isEmpty()) {
                    return;
                }
                String scope = ownValues.get(key) != null ? s : "global";
                rows.add(new LimitUsage(s, check(key), key, scope, text(value), usage(key, s, books, chain, now)));
            });
        }
        return rows;
    }

    private static Map<String, Object> values(RiskLimits l) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("instruments.allowed", l.allowedInstruments());
        v.put("instruments.blocked", l.blockedInstruments());
        v.put("order.quantity.max", l.maxOrderQuantity());
        v.put("order.notional.max", l.maxOrderNotional());
        v.put("position.max", l.maxPosition());
        v.put("exposure.gross.max", l.maxGrossExposure());
        v.put("exposure.net.max", l.maxNetExposure());
        v.put("orders.open.max", l.maxOpenOrders());
        v.put("orders.day.max", l.maxOrdersPerDay());
        v.put("orders.rate.max", l.ordersPerSecond());
        v.put("orders.rate.burst", l.orderBurst());
        v.put("collar.percent", l.collarPercent());
        v.put("collar.ticks", l.collarTicks());
        v.put("duplicate.window", l.duplicateWindow());
        v.put("buying.power", l.buyingPower());
        v.put("short.allowed", l.shortAllowed());
        v.put("short.margin.rate", Boolean.TRUE.equals(l.shortAllowed()) ? l.shortMarginRate() : null);
        v.put("market.buffer", l.marketBuffer());
        return v;
    }

    private static String check(String key) {
        return switch (key) {
            case "instruments.allowed", "instruments.blocked" -> "instruments";
            case "order.quantity.max", "order.notional.max" -> "order-size";
            case "position.max" -> "max-position";
            case "exposure.gross.max", "exposure.net.max" -> "exposure";
            case "orders.open.max" -> "open-orders";
            case "orders.day.max" -> "orders-per-day";
            case "orders.rate.max", "orders.rate.burst" -> "order-rate";
            case "collar.percent", "collar.ticks" -> "price-collar";
            case "duplicate.window" -> "duplicate";
            default -> "buying-power";
        };
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Collection<?> c) {
            return String.join(",", c.stream().map(Object::toString).sorted().toList());
        }
        return value.toString();
    }

    private static String usage(String key, String s, RiskContext books, RiskChain chain, Instant now) {
        switch (key) {
            case "position.max": {
                String worst = "0";
                Qty most = Qty.ZERO;
                for (InstrumentId i : books.instruments(s)) {
                    Qty p = books.position(s, i);
                    Qty longest = p.plus(books.openQuantity(s, i, Side.BUY));
                    Qty shortest = p.minus(books.openQuantity(s, i, Side.SELL)).negate();
                    Qty m = longest.compareTo(shortest) >= 0 ? longest : shortest;
                    if (m.compareTo(most) > 0) {
                        most = m;
                        worst = m + " " + i.symbol();
                    }
                }
                return worst;
            }
            case "exposure.gross.max":
                return ExposureCheck.exposure(s, books, null, null)[0].toPlainString();
            case "exposure.net.max":
                return ExposureCheck.exposure(s, books, null, null)[1].toPlainString();
            case "orders.open.max":
                return Integer.toString(books.openOrders(s));
            case "orders.day.max":
                return Integer.toString(books.ordersEntered(s, now.atZone(chain.zone()).toLocalDate().atStartOfDay(chain.zone()).toInstant()));
            case "buying.power":
                return "free cash " + books.freeCash(s);
            default:
                return "-";
        }
    }
}
