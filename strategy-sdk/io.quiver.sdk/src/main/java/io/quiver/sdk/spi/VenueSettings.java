package io.quiver.sdk.spi;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a venue's settings by key, typed, for a {@link VenueFactory}: every mistake is an
 * {@link IllegalArgumentException} that names the key, and a key the venue does not know is one too
 * (a misspelt key must not silently fall back to a default).
 */
public final class VenueSettings {
    private final String type;
    private final Map<String, String> values;

    /** The settings of {@code setup} for a venue of {@code type} that knows exactly {@code known}. */
    public VenueSettings(String type, VenueSetup setup, Set<String> known) {
        this.type = type;
        this.values = setup.settings();
        TreeSet<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(unknown.first() + ": not a setting of venue " + type + "; its settings: " + new TreeSet<>(known));
        }
    }

    /** A decimal at or above {@code min}. */
    public BigDecimal decimal(String key, String fallback, BigDecimal min) {
        String text = values.getOrDefault(key, fallback).trim();
        BigDecimal v;
        try {
            v = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a decimal number");
        }
        if (v.compareTo(min) < 0) {
            throw new IllegalArgumentException(key + ": must be at least " + min.toPlainString() + ", was " + text);
        }
        return v;
    }

    /** A whole number at or above {@code min}. */
    public long whole(String key, long fallback, long min) {
        String text = values.getOrDefault(key, Long.toString(fallback)).trim();
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a whole number");
        }
        if (v < min) {
            throw new IllegalArgumentException(key + ": must be at least " + min + ", was " + v);
        }
        return v;
    }

    /** One of an enum's constants, in any case. */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        String text = values.getOrDefault(key, fallback.name()).trim();
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** The raw text, or {@code fallback}. */
    public String text(String key, String fallback) {
        return values.getOrDefault(key, fallback).trim();
    }

    @Override
    public String toString() {
        return type + " " + values;
    }
}
