package io.quiver.sdk.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.AssetClass;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstrumentMasterTest {
    private static final String SOURCE = "etc/io.quiver.instruments.cfg";

    @Test
    void anEntryGivesEveryRuleAndDefaultsTheRest() {
        InstrumentMaster m = InstrumentMaster.parse(Map.of(
                "BTCUSD", "tick=0.01 lot=0.0001 min=0.001 currency=USD class=crypto hours=00:00-24:00 zone=UTC",
                "AAPL", "tick=0.01 class=EQUITY hours=weekdays 09:30-16:00 zone=America/New_York",
                "ES", "tick=0.25 multiplier=50 class=FUTURE"), SOURCE);
        Instrument btc = m.find(InstrumentId.of("BTCUSD")).orElseThrow();
        assertEquals(Price.of("0.01"), btc.tickSize());
        assertEquals(Qty.of("0.0001"), btc.lotSize());
        assertEquals(Qty.of("0.001"), btc.minQuantity());
        assertEquals(AssetClass.CRYPTO, btc.assetClass());
        Instrument aapl = m.find(InstrumentId.of("AAPL")).orElseThrow();
        assertEquals(Qty.of(1), aapl.lotSize(), "lot defaults to 1");
        assertEquals(Qty.of(1), aapl.minQuantity(), "minimum defaults to one lot");
        assertEquals("USD", aapl.currency());
        assertEquals(ZoneId.of("America/New_York"), aapl.hours().zone());
        // Monday 2024-03-04: 14:30 UTC is 09:30 in New York; Saturday is closed
        assertTrue(aapl.hours().isOpen(Instant.parse("2024-03-04T14:30:00Z")));
        assertFalse(aapl.hours().isOpen(Instant.parse("2024-03-04T14:29:59Z")));
        assertFalse(aapl.hours().isOpen(Instant.parse("2024-03-04T21:00:00Z")), "16:00 closes");
        assertFalse(aapl.hours().isOpen(Instant.parse("2024-03-09T15:00:00Z")));
        assertEquals(0, new BigDecimal("50").compareTo(m.find(InstrumentId.of("ES")).orElseThrow().multiplier()));
        Instrument unknown = Instrument.of("ORCL", 2, "USD");
        assertEquals(unknown, m.resolve(unknown), "a symbol the master does not list keeps what its source gives");
        assertEquals(btc, m.resolve(Instrument.of("BTCUSD", 2, "USD")));
    }

    @Test
    void aBadEntryNamesTheFileTheSymbolAndTheKey() {
        assertEquals("etc/io.quiver.instruments.cfg: BTCUSD: lot: '0.0x' is not a decimal number", error("BTCUSD", "tick=0.01 lot=0.0x"));
        assertEquals("etc/io.quiver.instruments.cfg: X: tick: required, e.g. tick=0.01", error("X", "lot=1"));
        assertEquals("etc/io.quiver.instruments.cfg: X: 'tik' is not a key of an instrument; the keys are "
                + "[class, currency, hours, lot, min, multiplier, tick, zone]", error("X", "tik=0.01"));
        assertEquals("etc/io.quiver.instruments.cfg: X: tick: must be positive, was -0.01", error("X", "tick=-0.01"));
        assertEquals("etc/io.quiver.instruments.cfg: X: minimum quantity of X must be a positive multiple of the lot size 10, was 15",
                error("X", "tick=0.01 lot=10 min=15"));
        assertEquals("etc/io.quiver.instruments.cfg: X: zone: 'Mars/Olympus' is not a time zone such as America/New_York",
                error("X", "tick=0.01 zone=Mars/Olympus"));
        assertEquals("etc/io.quiver.instruments.cfg: X: hours: '9-17' is not a session like 09:30-16:00 (times as HH:mm)",
                error("X", "tick=0.01 hours=9-17"));
        assertEquals("etc/io.quiver.instruments.cfg: X: class: 'STOCK' is not one of " + java.util.Arrays.toString(AssetClass.values()),
                error("X", "tick=0.01 class=STOCK"));
        assertEquals("etc/io.quiver.instruments.cfg: X: currency: 'dollars' is not a three-letter code such as USD",
                error("X", "tick=0.01 currency=dollars"));
    }

    private static String error(String symbol, String entry) {
        return assertThrows(IllegalArgumentException.class, () -> InstrumentMaster.parse(Map.of(symbol, entry), SOURCE)).getMessage();
    }
}
