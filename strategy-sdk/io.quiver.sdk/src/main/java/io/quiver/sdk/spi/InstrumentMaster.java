package io.quiver.sdk.spi;

import io.quiver.sdk.model.AssetClass;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.TradingHours;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The instruments as data: each listed symbol's tick, lot, minimum quantity, currency, asset class,
 * multiplier and trading hours. Feeds build their instruments from it and backtests take a data file's
 * instrument from it; a symbol it does not list keeps what its source gives. Registered as a service by
 * the runtime from {@code etc/io.quiver.instruments.cfg}, one entry per symbol:
 *
 * <pre>
 * BTCUSD = tick=0.01 lot=0.0001 currency=USD class=CRYPTO hours=00:00-24:00 zone=UTC
 * AAPL   = tick=0.01 lot=1 class=EQUITY hours=weekdays 09:30-16:00 zone=America/New_York
 * </pre>
 *
 * Keys of an entry: {@code tick} (required), {@code lot} (default 1), {@code min} (minimum quantity,
 * default one lot), {@code currency} (default USD), {@code class} (an {@link AssetClass}, default OTHER),
 * {@code multiplier} (default 1), {@code hours} (default 00:00-24:00) and {@code zone} (default UTC).
 */
public final class InstrumentMaster {
    private static final Set<String> KEYS = Set.of("tick", "lot", "min", "currency", "class", "multiplier", "hours", "zone");
    private final Map<InstrumentId, Instrument> instruments;

    private InstrumentMaster(Map<InstrumentId, Instrument> instruments) {
        this.instruments = Map.copyOf(instruments);
    }

    /** A master that lists nothing. */
    public static InstrumentMaster empty() {
        return new InstrumentMaster(Map.of());
    }

    /**
     * Reads entries {@code symbol -> "key=value key=value ..."}; {@code source} names where they come from in
     * errors, which name the symbol and the key, e.g. {@code etc/io.quiver.instruments.cfg: BTCUSD: lot: '0.0x' is not a decimal number}.
     */
    public static InstrumentMaster parse(Map<String, String> entries, String source) {
        Map<InstrumentId, Instrument> out = new HashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(entries).entrySet()) {
            String symbol = e.getKey().trim();
            try {
                out.put(InstrumentId.of(symbol), instrument(symbol, fields(e.getValue())));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(source + ": " + symbol + ": " + ex.getMessage(), ex);
            }
        }
        return new InstrumentMaster(out);
    }

    /** The entry's {@code key=value} pairs; {@code hours} may hold spaces ({@code weekdays 09:30-16:00}). */
    private static Map<String, String> fields(String text) {
        Map<String, String> f = new LinkedHashMap<>();
        String key = null;
        for (String word : text.trim().split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                key = word.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                if (!KEYS.contains(key)) {
                    throw new IllegalArgumentException("'" + key + "' is not a key of an instrument; the keys are " + new java.util.TreeSet<>(KEYS));
                }
                if (f.put(key, word.substring(eq + 1)) != null) {
                    throw new IllegalArgumentException(key + ": given twice");
                }
            } else if (key != null && !word.isEmpty()) {
                f.put(key, f.get(key) + " " + word);
            } else if (!word.isEmpty()) {
                throw new IllegalArgumentException("'" + word + "' is not key=value");
            }
        }
        return f;
    }

    private static Instrument instrument(String symbol, Map<String, String> f) {
        if (!f.containsKey("tick")) {
            throw new IllegalArgumentException("tick: required, e.g. tick=0.01");
        }
        Price tick = Price.of(decimal("tick", f.get("tick")).toPlainString());
        Qty lot = Qty.of(decimal("lot", f.getOrDefault("lot", "1")).toPlainString());
        Qty min = f.containsKey("min") ? Qty.of(decimal("min", f.get("min")).toPlainString()) : lot;
        AssetClass type;
        try {
            type = AssetClass.valueOf(f.getOrDefault("class", "OTHER").trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("class: '" + f.get("class") + "' is not one of " + java.util.Arrays.toString(AssetClass.values()));
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(f.getOrDefault("zone", "UTC").trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone: '" + f.get("zone") + "' is not a time zone such as America/New_York");
        }
        TradingHours hours;
        try {
            hours = TradingHours.parse(f.getOrDefault("hours", "00:00-24:00"), zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hours: " + e.getMessage());
        }
        String currency = f.getOrDefault("currency", "USD").trim();
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency: '" + currency + "' is not a three-letter code such as USD");
        }
        return new Instrument(InstrumentId.of(symbol), tick, lot, currency, min, type, decimal("multiplier", f.getOrDefault("multiplier", "1")),
                hours);
    }

    private static BigDecimal decimal(String key, String text) {
        BigDecimal d;
        try {
            d = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a decimal number");
        }
        if (d.signum() <= 0) {
            throw new IllegalArgumentException(key + ": must be positive, was " + text.trim());
        }
        return d;
    }

    /** The instrument the master lists for {@code id}, if any. */
    public Optional<Instrument> find(InstrumentId id) {
        return Optional.ofNullable(instruments.get(id));
    }

    /** The master's instrument for the symbol of {@code given}, or {@code given} if it lists none. */
    public Instrument resolve(Instrument given) {
        return instruments.getOrDefault(given.id(), given);
    }

    /** Every listed instrument, by symbol. */
    public List<Instrument> instruments() {
        List<Instrument> all = new ArrayList<>(instruments.values());
        all.sort(java.util.Comparator.comparing(Instrument::id));
        return all;
    }
}
