package io.quiver.risk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskRefusal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditFileTest {
    @TempDir
    Path dir;
    private long now = 1_000_000;

    private static PreTradeOrder order(int n) {
        return new PreTradeOrder("ladder", "sim", ClientOrderId.of("o" + n), OrderRequest.market(InstrumentId.of("SYN1"), Side.BUY, Qty.of(1)),
                Instant.parse("2026-12-01T10:00:00Z").plusMillis(n));
    }

    /** A killed runtime whose strategies kept sending orders wrote 50 MB of refusals a minute. */
    @Test
    void repeatedRefusalsAreCountedInOneLineAndNoneIsLeftOut() throws Exception {
        RiskRefusal killed = new RiskRefusal(ReasonCode.KILLED, "trading was stopped");
        try (AuditFile audit = new AuditFile(dir.resolve("audit.json"), 1 << 20, 3, () -> now)) {
            audit.decision(order(1), "kill-switch", killed);
            for (int i = 2; i <= 6; i++) {
                now += 100;
                audit.decision(order(i), "kill-switch", killed);
            }
            audit.decision(order(7), null, null);
            now += 1_000;
            audit.decision(order(8), "kill-switch", killed);
            List<String> lines = audit.last(10);
            assertEquals(4, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("\"order\":\"o1\"") && lines.get(0).contains("\"code\":\"KILLED\""), lines.get(0));
            assertTrue(lines.get(1).contains("\"order\":\"o7\"") && lines.get(1).contains("\"outcome\":\"PASSED\""), lines.get(1));
            assertEquals("{\"time\":\"2026-12-01T10:00:00.006Z\",\"type\":\"refusals\",\"strategy\":\"ladder\",\"check\":\"kill-switch\","
                    + "\"code\":\"KILLED\",\"count\":\"5\",\"after\":\"o1\",\"last\":\"o6\"}", lines.get(2));
            assertTrue(lines.get(3).contains("\"order\":\"o8\""), lines.get(3));
        }
    }

    @Test
    void theFileRollsAtItsSizeAndTheLatestLinesSpanTheRoll() throws Exception {
        try (AuditFile audit = new AuditFile(dir.resolve("audit.json"), 1_000, 2, () -> now)) {
            for (int i = 1; i <= 20; i++) {
                audit.decision(order(i), null, null);
            }
            List<String> last = audit.last(3);
            assertEquals(3, last.size());
            assertTrue(last.get(2).contains("\"order\":\"o20\""), last.toString());
        }
        assertTrue(Files.size(dir.resolve("audit.json")) <= 1_000);
        assertTrue(Files.exists(dir.resolve("audit.json.1")));
        assertTrue(Files.exists(dir.resolve("audit.json.2")));
        assertTrue(!Files.exists(dir.resolve("audit.json.3")), "keeps two rolled files");
    }
}
