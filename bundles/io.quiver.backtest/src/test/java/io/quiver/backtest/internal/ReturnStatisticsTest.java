package io.quiver.backtest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The return statistics against fixtures from an independent implementation of empyrical's formulas
 * ({@code src/test/resources/metrics/empyrical_formulas.py}, numpy), on real data: 100 shares of a
 * sample file held from its first open.
 */
class ReturnStatisticsTest {
    private static final Path DATA = Path.of(System.getProperty("quiver.sample.data", "../../data"));

    @ParameterizedTest
    @ValueSource(strings = {"orcl", "index-2006"})
    void matchesEmpyricalOnRealData(String name) throws IOException {
        Map<String, String> fixture = fixture(name + "-metrics.json");
        List<String> lines = Files.readAllLines(DATA.resolve(fixture.get("file")), StandardCharsets.UTF_8);
        BigDecimal shares = new BigDecimal(fixture.get("start"));
        BigDecimal start = null;
        List<LocalDate> days = new ArrayList<>();
        List<BigDecimal> equity = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (start == null) {
                start = shares.multiply(new BigDecimal(f[1]));
            }
            days.add(LocalDate.parse(f[0]));
            equity.add(shares.multiply(new BigDecimal(f[4])));
        }
        ReturnStatistics s = new ReturnStatistics(start, days, equity, Integer.parseInt(fixture.get("periodsPerYear")));
        assertEquals(Integer.parseInt(fixture.get("periods")), s.periods);
        close(fixture, "totalReturn", s.totalReturn.doubleValue());
        close(fixture, "annualReturn", s.annualReturn);
        close(fixture, "annualVolatility", s.annualVolatility);
        close(fixture, "sharpe", s.sharpe);
        close(fixture, "sortino", s.sortino);
        close(fixture, "calmar", s.calmar);
        close(fixture, "maxDrawdown", s.maxDrawdown);
        close(fixture, "valueAtRisk95", s.var95);
        close(fixture, "valueAtRisk99", s.var99);
        close(fixture, "conditionalValueAtRisk95", s.cvar95);
        close(fixture, "conditionalValueAtRisk99", s.cvar99);
    }

    /** A curve by hand: 100, 110, 99, 121, 110 from 100 (returns +10 %, -10 %, +22.2 %, -9.09 %). */
    @Test
    void drawdownAndItsDurationByHand() {
        List<LocalDate> days = List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4));
        ReturnStatistics s = new ReturnStatistics(new BigDecimal("100"), days,
                List.of(new BigDecimal("110"), new BigDecimal("99"), new BigDecimal("121"), new BigDecimal("110")), 252);
        assertEquals(new BigDecimal("0.1"), s.totalReturn);
        assertEquals(-0.1, s.maxDrawdown, 1e-15); // 110 -> 99; 121 -> 110 is only -9.09 %
        assertEquals(LocalDate.of(2024, 1, 1), s.drawdownPeak);
        assertEquals(LocalDate.of(2024, 1, 2), s.drawdownTrough);
        assertEquals(LocalDate.of(2024, 1, 3), s.drawdownRecovery);
        assertEquals(2, s.drawdownPeriods);
        // the lowest return is -10 %; with four returns the 5 % tail is that one alone
        assertEquals(-0.1, s.cvar95, 1e-15);
    }

    /**
     * Capital moved in and out is neither gain nor loss. From 100: +10 % to 110; 110 added, 242 at the close
     * (+10 % on 220); 200 taken out, 44 at the close (+4.76 % on 42). Time-weighted: 1.1 * 1.1 * 44/42 - 1.
     */
    @Test
    void returnsAreTimeWeightedWhenCapitalMoves() {
        List<LocalDate> days = List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3));
        ReturnStatistics s = new ReturnStatistics(new BigDecimal("100"), days, List.of(new BigDecimal("110"), new BigDecimal("242"),
                new BigDecimal("44")), List.of(BigDecimal.ZERO, new BigDecimal("110"), new BigDecimal("-200")), 252);
        assertEquals(1.1 * 1.1 * 44 / 42 - 1, s.totalReturn.doubleValue(), 1e-15);
        assertEquals(0.0, s.maxDrawdown); // 242 -> 44 is a withdrawal, not a fall
        assertEquals(3, s.periods);
        // without flows the same curve is a 81.8 % drawdown
        assertEquals(44.0 / 242 - 1, new ReturnStatistics(new BigDecimal("100"), days, List.of(new BigDecimal("110"), new BigDecimal("242"),
                new BigDecimal("44")), 252).maxDrawdown, 1e-15);
    }

    @Test
    void aCurveThatNeverFallsHasNoDrawdownAndNoSortino() {
        ReturnStatistics s = new ReturnStatistics(new BigDecimal("100"), List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2)),
                List.of(new BigDecimal("101"), new BigDecimal("102")), 252);
        assertEquals(0.0, s.maxDrawdown);
        assertNull(s.drawdownPeak);
        assertEquals(0, s.drawdownPeriods);
        assertTrue(Double.isInfinite(s.sortino) || Double.isNaN(s.sortino), "no downside: undefined, not a number to trust");
        assertTrue(Double.isNaN(s.calmar));
    }

    private static void close(Map<String, String> fixture, String key, double actual) {
        double expected = Double.parseDouble(fixture.get(key));
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), key);
    }

    private static Map<String, String> fixture(String name) throws IOException {
        try (InputStream in = ReturnStatisticsTest.class.getResourceAsStream("/metrics/" + name)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> values = new TreeMap<>();
            Matcher m = Pattern.compile("\"(\\w+)\":\\s*(\"[^\"]*\"|[-0-9.eE+]+)").matcher(json);
            while (m.find()) {
                values.put(m.group(1), m.group(2).replace("\"", ""));
            }
            return values;
        }
    }
}
