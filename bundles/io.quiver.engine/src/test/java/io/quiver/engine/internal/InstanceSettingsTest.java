package io.quiver.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.sdk.model.Money;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceSettingsTest {
    /** A configuration file as fileinstall gives it: no platform key at all, so every one takes its default. */
    @Test
    void aConfigurationWithOnlyItsFileNameTakesEveryDefault() {
        InstanceSettings s = InstanceSettings.from(Map.of("felix.fileinstall.filename", "file:/opt/quiver/etc/io.quiver.strategy.sma-demo.cfg",
                "component.name", "io.quiver.strategy.sma", "fast", "10"));
        assertEquals(new InstanceSettings("sma-demo", "io.quiver.strategy.sma", "synthetic", "sim", List.of(), Money.of("100000"), true), s);
    }

    @Test
    void platformKeysAreTyped() {
        InstanceSettings s = InstanceSettings.from(Map.of("strategy.id", " one ", "instruments", "SYN1, SYN2", "capital", "2500.50",
                "autostart", "false", "venue", "exchange"));
        assertEquals(new InstanceSettings("one", "unknown", "synthetic", "exchange", List.of("SYN1", "SYN2"), Money.of("2500.50"), false), s);
        assertEquals("capital: must be positive, was -1", assertThrows(IllegalArgumentException.class,
                () -> InstanceSettings.from(Map.of("capital", "-1"))).getMessage());
        assertEquals("autostart: 'yes' is not true or false", assertThrows(IllegalArgumentException.class,
                () -> InstanceSettings.from(Map.of("autostart", "yes"))).getMessage());
    }
}
