package io.quiver.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.sdk.model.TradingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Next fire times worked out with a calendar (in the comments). */
class ScheduleTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void weekdaysBeforeTheCloseInNewYorkAcrossTheClockChange() {
        Schedule s = Schedule.cron("55 15 * * MON-FRI", NEW_YORK);
        // Friday 8 March 2024 15:00 EST is 20:00Z; 15:55 EST is 20:55Z
        assertEquals(t("2024-03-08T20:55:00Z"), s.next(t("2024-03-08T20:00:00Z")));
        // then Monday 11 March, after the change to EDT on the 10th: 15:55 EDT is 19:55Z
        assertEquals(t("2024-03-11T19:55:00Z"), s.next(t("2024-03-08T20:55:00Z")));
    }

    @Test
    void stepsListsNamesAndEitherDayField() {
        assertEquals(t("2024-03-04T10:15:00Z"), Schedule.cron("*/15 * * * *", ZoneOffset.UTC).next(t("2024-03-04T10:07:30Z")));
        assertEquals(t("2024-03-04T10:35:00Z"), Schedule.cron("5,35 10 * * *", ZoneOffset.UTC).next(t("2024-03-04T10:05:00Z")));
        // only on 29 February: the next is in 2028
        assertEquals(t("2028-02-29T00:00:00Z"), Schedule.cron("0 0 29 feb *", ZoneOffset.UTC).next(t("2024-03-01T00:00:00Z")));
        // day 1 or a Monday: after Tuesday 30 April comes Wednesday 1 May
        assertEquals(t("2024-05-01T12:00:00Z"), Schedule.cron("0 12 1 * MON", ZoneOffset.UTC).next(t("2024-04-30T12:00:00Z")));
        // 7 is Sunday, as 0 is: after Monday 4 March comes Sunday the 10th
        assertEquals(t("2024-03-10T00:00:00Z"), Schedule.cron("0 0 * * 7", ZoneOffset.UTC).next(t("2024-03-04T00:00:00Z")));
        // 02:30 does not exist in New York on 10 March 2024: it fires at 03:30 EDT (07:30Z), as the clock moved
        assertEquals(t("2024-03-10T07:30:00Z"), Schedule.cron("30 2 * * *", NEW_YORK).next(t("2024-03-10T05:00:00Z")));
    }

    @Test
    void aWrongFieldIsNamed() {
        assertEquals("cron '61 * * * *': minute '61' is outside 0-59", message("61 * * * *"));
        assertEquals("cron '* * *': five fields are needed (minute hour day-of-month month day-of-week), got 3", message("* * *"));
        assertEquals("cron '0 9 * * FUN': day of week 'FUN' is not a number or a name such as MON", message("0 9 * * FUN"));
        assertEquals("cron '0 9-5 * * *': hour '9-5' is a range that runs backwards", message("0 9-5 * * *"));
    }

    @Test
    void marketOpenAndCloseOfAnInstrumentsSessions() {
        TradingHours nyse = TradingHours.parse("weekdays 09:30-16:00", NEW_YORK);
        Schedule beforeClose = Schedule.atClose(nyse, Duration.ofMinutes(-5));
        assertEquals(t("2024-03-08T20:55:00Z"), beforeClose.next(t("2024-03-08T20:54:00Z")));
        // past Friday's: Monday's, in EDT
        assertEquals(t("2024-03-11T19:55:00Z"), beforeClose.next(t("2024-03-08T20:56:00Z")));
        // strictly after: the open of Friday 09:30 EST (14:30Z) itself gives Monday's 09:30 EDT (13:30Z)
        assertEquals(t("2024-03-11T13:30:00Z"), Schedule.atOpen(nyse, Duration.ZERO).next(t("2024-03-08T14:30:00Z")));
        assertEquals(t("2024-03-08T14:45:00Z"), Schedule.atOpen(nyse, Duration.ofMinutes(15)).next(t("2024-03-08T14:30:00Z")));
        // around the clock: every session closes at midnight
        assertEquals(t("2024-03-09T00:00:00Z"), TradingHours.ALWAYS.nextClose(t("2024-03-08T10:00:00Z")));
    }

    private static String message(String cron) {
        return assertThrows(IllegalArgumentException.class, () -> Schedule.cron(cron, ZoneOffset.UTC)).getMessage();
    }
}
