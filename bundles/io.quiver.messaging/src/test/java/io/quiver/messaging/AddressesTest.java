package io.quiver.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AddressesTest {
    @Test
    void addressesAreHierarchical() {
        assertEquals("quiver.fills.sma-demo", Addresses.fills("sma-demo"));
        assertEquals("quiver.orders.sma-demo", Addresses.orderEvents("sma-demo"));
        assertEquals("quiver.md.depth.exchange.SYN1", Addresses.depth("exchange", "SYN1"));
    }

    @Test
    void idsThatWouldBreakWildcardsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Addresses.fills("a.b"));
        assertThrows(IllegalArgumentException.class, () -> Addresses.fills("a#"));
        assertThrows(IllegalArgumentException.class, () -> Addresses.fills(""));
    }
}
