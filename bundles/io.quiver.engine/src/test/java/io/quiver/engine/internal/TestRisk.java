package io.quiver.engine.internal;

import io.quiver.oms.InMemoryJournal;
import io.quiver.risk.RiskChains;
import io.quiver.risk.RiskService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** The real risk layer for the runtime under test, on in-memory journals, auditing to a temporary file. */
final class TestRisk {
    private TestRisk() {
    }

    static RiskService with(Map<String, Object> config) {
        try {
            var audit = Files.createTempDirectory("quiver-audit").resolve("quiver-audit.json");
            return RiskChains.service(name -> new InMemoryJournal(), config, audit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RiskService defaults() {
        return with(Map.of());
    }
}
