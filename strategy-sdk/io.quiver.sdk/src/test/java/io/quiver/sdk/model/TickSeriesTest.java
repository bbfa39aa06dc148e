package io.quiver.sdk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TickSeriesTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final TradingHours NYSE = TradingHours.parse("weekdays 09:30-16:00", NEW_YORK);
    private static final Instrument X = Instrument.of("X", 2, "USD");

    private static long at(int hour, int minute, int second, int nanos) {
        return BarSeries.nanosOf(ZonedDateTime.of(2024, 3, 4, hour, minute, second, nanos, NEW_YORK).toInstant());
    }

    @Test
    void unitsInAreUnitsOutAndAMissingSideStaysMissing() {
        TickSeries t = TickSeries.builder(X, 3).quoteUnits(at(9, 30, 0, 0), 10_001, 5_000, TickSeries.MISSING, TickSeries.MISSING)
                .tradeUnits(at(9, 30, 0, 0), 10_002, TickSeries.MISSING).build();
        assertEquals(10_001, t.bidUnits(0));
        assertEquals(5_000, t.bidSizeUnits(0));
        assertEquals(TickSeries.MISSING, t.askUnits(0));
        assertEquals(null, t.quote(0).ask());
        assertEquals(Price.ofUnits(10_001, 2), t.quote(0).bid());
        assertEquals(Qty.ofUnits(5_000, 3), t.quote(0).bidSize());
        assertEquals(10_002, t.priceUnits(1));
        assertEquals(TickSeries.MISSING, t.sizeUnits(1));
        assertThrows(IllegalArgumentException.class, () -> t.priceUnits(0));
        assertThrows(IllegalArgumentException.class, () -> t.bidUnits(1));
        assertThrows(IllegalArgumentException.class,
                () -> TickSeries.builder(X, 3).quoteUnits(at(9, 30, 0, 0), TickSeries.MISSING, 1, TickSeries.MISSING, 1));
        assertThrows(IllegalArgumentException.class, () -> TickSeries.builder(X, 3).tradeUnits(at(9, 30, 0, 0), TickSeries.MISSING, 1));
        assertThrows(IllegalArgumentException.class,
                () -> TickSeries.builder(X, 3).tradeUnits(at(9, 31, 0, 0), 1, 1).tradeUnits(at(9, 30, 0, 0), 1, 1));
    }

    @Test
    void tradePrintsMakeBarsOfTheBucketTheirTimeFallsInAndQuotesAreLeftOut() {
        TickSeries t = TickSeries.builder(X, 0)
                .tradeUnits(at(9, 29, 59, 999_999_999), 9_000, 7) // before the open: no bar
                .tradeUnits(at(9, 30, 0, 0), 10_000, 1) // the open itself: the first five-minute bucket
                .quoteUnits(at(9, 31, 0, 0), 1, 1, 99_999, 1) // a quote: left out
                .tradeUnits(at(9, 32, 0, 0), 10_050, 2)
                .tradeUnits(at(9, 33, 0, 0), 9_990, TickSeries.MISSING) // no size: adds no volume
                .tradeUnits(at(9, 34, 59, 999_999_999), 10_010, 3)
                .tradeUnits(at(9, 35, 0, 0), 10_020, 4) // the next bucket
                .tradeUnits(at(9, 35, 0, 0), 10_030, 5)
                .build();
        BarSeries bars = BarAggregator.ofTrades(t, Duration.ofMinutes(5), NYSE);
        assertEquals(2, bars.size());
        assertEquals(at(9, 35, 0, 0), bars.timeNanos(0));
        assertEquals(10_000, bars.openUnits(0));
        assertEquals(10_050, bars.highUnits(0));
        assertEquals(9_990, bars.lowUnits(0));
        assertEquals(10_010, bars.closeUnits(0));
        assertEquals(6, bars.volumeUnits(0));
        assertEquals(at(9, 40, 0, 0), bars.timeNanos(1));
        assertEquals(10_020, bars.openUnits(1));
        assertEquals(10_030, bars.closeUnits(1));
        assertEquals(9, bars.volumeUnits(1));
    }
}
