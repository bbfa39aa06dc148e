package io.quiver.feed.synthetic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Quote;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyntheticQuoteTest {
    private static final Instrument X = Instrument.of("X", 2, "USD");

    @Test
    void oneTickEitherSideOfTheClose() {
        Quote q = SyntheticFeedComponent.quoteAround(X, Price.of("100.00"), Instant.EPOCH);
        assertEquals(Price.of("99.99"), q.bid());
        assertEquals(Price.of("100.01"), q.ask());
    }

    @Test
    void bidNeverBelowOneTick() {
        Quote q = SyntheticFeedComponent.quoteAround(X, Price.of("0.01"), Instant.EPOCH);
        assertEquals(Price.of("0.01"), q.bid());
        assertEquals(Price.of("0.02"), q.ask());
    }
}
