package io.quiver.engine.internal;

import io.quiver.engine.StrategyProperties;
import io.quiver.sdk.model.Money;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The platform settings of a live instance, read from its service properties; a bad value names its key. */
record InstanceSettings(String id, String type, String feed, String venue, List<String> instruments, Money capital, boolean autostart) {
    /** The keys of a strategy configuration that are the platform's, not the strategy's parameters. */
    static final java.util.Set<String> KEYS = java.util.Set.of(StrategyProperties.ID, StrategyProperties.FEED, StrategyProperties.VENUE,
            StrategyProperties.INSTRUMENTS, StrategyProperties.CAPITAL, StrategyProperties.AUTOSTART);

    /** The instance id a configuration gives: its {@code strategy.id}, else its file name, else its PID. */
    static String idOf(Map<String, Object> props) {
        String id = string(props, StrategyProperties.ID, null);
        return id != null ? id : idFromFile(props);
    }

    /** Where a configuration comes from, for ordering: its file name, else its PID. */
    static String sourceOf(Map<String, Object> props) {
        Object file = props.get("felix.fileinstall.filename");
        String s = file != null ? file.toString() : string(props, "service.pid", string(props, "component.id", ""));
        return s.substring(s.lastIndexOf('/') + 1);
    }

    static InstanceSettings from(Map<String, Object> props) {
        String type = string(props, "component.name", "unknown");
        String id = string(props, StrategyProperties.ID, null);
        if (id == null) {
            id = idFromFile(props);
        }
        String feed = string(props, StrategyProperties.FEED, "synthetic");
        String venue = string(props, StrategyProperties.VENUE, "sim");
        Object rawInstruments = props.get(StrategyProperties.INSTRUMENTS);
        List<String> instruments = rawInstruments == null ? List.of()
                : rawInstruments instanceof String[] a ? Arrays.stream(a).map(String::trim).filter(s -> !s.isEmpty()).toList()
                : Arrays.stream(rawInstruments.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        String capitalText = string(props, StrategyProperties.CAPITAL, "100000");
        BigDecimal capital;
        try {
            capital = new BigDecimal(capitalText.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(StrategyProperties.CAPITAL + ": '" + capitalText + "' is not a decimal number");
        }
        if (capital.signum() <= 0) {
            throw new IllegalArgumentException(StrategyProperties.CAPITAL + ": must be positive, was " + capitalText);
        }
        String auto = string(props, StrategyProperties.AUTOSTART, "true").trim();
        if (!auto.equalsIgnoreCase("true") && !auto.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(StrategyProperties.AUTOSTART + ": '" + auto + "' is not true or false");
        }
        return new InstanceSettings(id, type, feed, venue, instruments, Money.of(capital), Boolean.parseBoolean(auto));
    }

    /** {@code etc/io.quiver.strategy.sma-demo.cfg} gives {@code sma-demo}; else the configuration PID. */
    private static String idFromFile(Map<String, Object> props) {
        Object file = props.get("felix.fileinstall.filename");
        if (file != null) {
            String name = file.toString();
            name = name.substring(name.lastIndexOf('/') + 1);
            if (name.endsWith(".cfg")) {
                name = name.substring(0, name.length() - 4);
            }
            return name.startsWith("io.quiver.strategy.") ? name.substring("io.quiver.strategy.".length()) : name;
        }
        return string(props, "service.pid", string(props, "component.id", "strategy"));
    }

    private static String string(Map<String, Object> props, String key, String fallback) {
        Object v = props.get(key);
        return v == null ? fallback : v.toString();
    }
}
