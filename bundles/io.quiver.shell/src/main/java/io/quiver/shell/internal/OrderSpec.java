package io.quiver.shell.internal;

import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.model.TrailingOffset;
import java.util.List;
import java.util.Locale;

/**
 * An order as an operator types it: {@code <BUY|SELL> <quantity> <instrument> [limit <price>] [stop <price>]
 * [trail <amount|percent%|percent pct>] [DAY|GTC|IOC|FOK]}, words in any case. The type follows from the prices given:
 * none is market, {@code limit} alone limit, {@code stop} alone stop, both stop-limit, {@code trail} a
 * trailing stop ({@code stop} then being its first level). Time in force defaults to GTC.
 */
final class OrderSpec {
    static final String GRAMMAR = "<BUY|SELL> <quantity> <instrument> [limit <price>] [stop <price>] [trail <offset>] [DAY|GTC|IOC|FOK]";

    private OrderSpec() {
    }

    /** One spec given as a single string, as in {@code "SELL 10 SYN1 stop 95"}. */
    static OrderRequest parse(String spec) {
        return parse(List.of(spec.trim().split("\\s+")));
    }

    static OrderRequest parse(List<String> words) {
        if (words == null || words.size() < 3) {
            throw new IllegalArgumentException("an order is " + GRAMMAR + ", got '" + join(words) + "'");
        }
        Side side = side(words.get(0));
        Qty quantity = positive(words.get(1), "quantity", Qty::of);
        InstrumentId instrument = InstrumentId.of(words.get(2));
        Price limit = null;
        Price stop = null;
        TrailingOffset trail = null;
        TimeInForce tif = null;
        boolean market = false;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 3; i < words.size(); i++) {
            String word = words.get(i).toLowerCase(Locale.ROOT);
            String key = word.matches("day|gtc|ioc|fok") ? "time in force" : word;
            if (!seen.add(key)) {
                throw new IllegalArgumentException("an order takes one " + key + ", got a second '" + words.get(i) + "'");
            }
            switch (word) {
                case "market" -> market = true;
                case "limit" -> limit = positive(value(words, ++i, word), "limit price", Price::of);
                case "stop" -> stop = positive(value(words, ++i, word), "stop price", Price::of);
                case "trail" -> trail = offset(value(words, ++i, word));
                case "day", "gtc", "ioc", "fok" -> tif = TimeInForce.valueOf(word.toUpperCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("'" + words.get(i) + "' is not part of an order: " + GRAMMAR);
            }
        }
        if (market && (limit != null || stop != null || trail != null)) {
            throw new IllegalArgumentException("a market order takes no limit, stop or trail");
        }
        if (trail != null && limit != null) {
            throw new IllegalArgumentException("a trailing stop takes no limit price");
        }
        OrderType type = trail != null ? OrderType.TRAILING_STOP
                : stop != null && limit != null ? OrderType.STOP_LIMIT
                : stop != null ? OrderType.STOP
                : limit != null ? OrderType.LIMIT : OrderType.MARKET;
        return new OrderRequest(instrument, side, type, quantity, limit, stop, trail, tif == null ? TimeInForce.GTC : tif);
    }

    /** An amount, or a percent as {@code 2%} or {@code 2pct} (the shell reads an unquoted {@code %} as an operator). */
    static TrailingOffset offset(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        boolean percent = t.endsWith("pct") || t.endsWith("%");
        String digits = t.endsWith("pct") ? t.substring(0, t.length() - 3) : percent ? t.substring(0, t.length() - 1) : t;
        if (!DECIMAL.matcher(digits).matches()) {
            throw new IllegalArgumentException("trailing offset '" + text + "' is not an amount like 0.50 or a percent like 2pct");
        }
        try {
            return percent ? TrailingOffset.percent(digits) : TrailingOffset.amount(Price.of(digits));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("trailing offset '" + text + "': " + e.getMessage());
        }
    }

    /** A plain decimal as an operator types it: no exponent, no sign but a leading minus, no grouping. */
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** Reads a number that must be above zero, such as a quantity or a price. */
    static <T> T positive(String text, String what, java.util.function.Function<String, T> parse) {
        if (!DECIMAL.matcher(text.trim()).matches()) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a plain decimal number like 100 or 99.5");
        }
        if (new java.math.BigDecimal(text.trim()).signum() <= 0) {
            throw new IllegalArgumentException(what + " must be above zero, was " + text.trim());
        }
        return number(text.trim(), what, parse);
    }

    private static Side side(String word) {
        try {
            return Side.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an order starts with BUY or SELL, got '" + word + "'");
        }
    }

    private static String value(List<String> words, int i, String key) {
        if (i >= words.size()) {
            throw new IllegalArgumentException("'" + key + "' needs a value after it");
        }
        return words.get(i);
    }

    /** Reads a number the operator typed; a mistake names {@code what} and the text. */
    private static <T> T number(String text, String what, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a valid number");
        }
    }

    private static String join(List<String> words) {
        return words == null ? "" : String.join(" ", words);
    }
}
