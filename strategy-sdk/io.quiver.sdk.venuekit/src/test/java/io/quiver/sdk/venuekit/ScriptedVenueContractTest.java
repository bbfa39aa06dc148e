package io.quiver.sdk.venuekit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.sdk.spi.Venue;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The kit over the smallest venue that keeps the contract, and over venues that each break one rule. */
class ScriptedVenueContractTest extends VenueContract {
    @Override
    protected Venue createVenue() {
        return new ScriptedVenue(instrument().id(), ScriptedVenue.Defect.NONE);
    }

    /** Each defect is caught by the test of the rule it breaks. */
    @Nested
    class TheKitCatches {
        @Test
        void aLimitFilledAtTheMarket() {
            assertThrows(AssertionFailedError.class, () -> run(ScriptedVenue.Defect.FILLS_LIMITS_AT_THE_MARKET,
                    VenueContract::aLimitOrderRestsUntilThePriceReachesItAndFillsAtItOrBetter));
        }

        @Test
        void anExecutionIdReportedTwice() {
            assertThrows(AssertionFailedError.class, () -> run(ScriptedVenue.Defect.REUSES_EXECUTION_IDS, VenueContract::everyFillHasItsOwnExecutionId));
        }

        @Test
        void anOrderForAnUnknownInstrumentAccepted() {
            assertThrows(AssertionError.class, () -> run(ScriptedVenue.Defect.ACCEPTS_UNKNOWN_INSTRUMENTS,
                    VenueContract::anOrderForAnInstrumentTheVenueDoesNotTradeIsRejectedWithACode));
        }

        private void run(ScriptedVenue.Defect defect, java.util.function.Consumer<VenueContract> test) {
            VenueContract broken = new VenueContract() {
                @Override
                protected Venue createVenue() {
                    return new ScriptedVenue(instrument().id(), defect);
                }
            };
            broken.openTheVenue();
            try {
                test.accept(broken);
            } finally {
                broken.closeTheVenue();
            }
        }
    }
}
