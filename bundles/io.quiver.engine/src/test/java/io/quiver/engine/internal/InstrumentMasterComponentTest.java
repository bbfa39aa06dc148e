package io.quiver.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InstrumentMasterComponentTest {

    /** The properties every configuration carries (these are what the distribution passes) are not instruments; symbols with dots are. */
    @Test
    void theFrameworksPropertiesAreNotInstruments() {
        Map<String, Object> properties = Map.of("service.pid", "io.quiver.instruments", "component.name", "x", "component.id", 3L,
                "felix.fileinstall.filename", "file:/etc/io.quiver.instruments.cfg", "osgi.ds.satisfying.condition.target",
                "(osgi.condition.id=true)", ".hidden", "1", "BTCUSD", "tick=0.01", "BRK.B", "tick=0.01");
        assertEquals(Map.of("BTCUSD", "tick=0.01", "BRK.B", "tick=0.01"), InstrumentMasterComponent.entries(properties));
    }
}
