package io.quiver.venue.fix.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MaskedLogFactoryTest {
    @Test
    void passwordsAreMaskedInMessagesAsLoggedAndAsSent() {
        assertEquals("8=FIX.4.4|35=A|553=trader|554=***|108=30|", MaskedLogFactory.mask("8=FIX.4.4|35=A|553=trader|554=Tr4der-pass|108=30|"));
        assertEquals("35=A\u0001554=***\u0001925=***\u0001", MaskedLogFactory.mask("35=A\u0001554=abc\u0001925=new\u0001"));
        assertEquals("35=D\u00011554=7\u0001", MaskedLogFactory.mask("35=D\u00011554=7\u0001"), "a tag that only ends in 554 is not touched");
    }
}
