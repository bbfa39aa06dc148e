package io.quiver.engine.internal;

import io.quiver.engine.StrategyProperties;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.spi.TypedSettings;
import java.math.BigDecimal;
import java.util.HashMap;
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

    /** The platform keys of a strategy configuration, typed; the default methods give the defaults. */
    public interface Config {
        /** Empty: the configuration's file name, else its PID. */
        default String strategy_id() {
            return "";
        }

        default String feed() {
            return "synthetic";
        }

        default String venue() {
            return "sim";
        }

        /** Empty: the feed's first instrument. */
        default List<String> instruments() {
            return List.of();
        }

        default BigDecimal capital() {
            return new BigDecimal("100000");
        }

        default boolean autostart() {
            return true;
        }
    }

    static InstanceSettings from(Map<String, Object> props) {
        Map<String, Object> platform = new HashMap<>(props);
        platform.keySet().retainAll(KEYS);
        Config c = TypedSettings.of(Config.class, platform, "a strategy instance");
        if (c.capital().signum() <= 0) {
            throw new TypedSettings.SettingException(StrategyProperties.CAPITAL, "must be positive, was " + c.capital().toPlainString());
        }
        String id = !c.strategy_id().isBlank() ? c.strategy_id().trim() : idFromFile(props);
        return new InstanceSettings(id, string(props, "component.name", "unknown"), c.feed(), c.venue(), c.instruments(),
                Money.of(c.capital()), c.autostart());
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
