package io.quiver.backtest.internal;

import io.quiver.backtest.BacktestResult;
import io.quiver.backtest.BacktestSettings;
import io.quiver.backtest.PerformanceMetrics;
import io.quiver.backtest.PortfolioPlan;
import io.quiver.backtest.PortfolioResult;
import io.quiver.backtest.RoundTrip;
import io.quiver.sdk.model.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One self-contained HTML page per backtest: the chart library (uPlot, vendored at build time), its
 * styles and the page's own script are inlined, so the file opens offline. Tables are written here, in
 * the HTML; the charts (equity, drawdown, histogram of daily returns) are drawn by the script from data
 * embedded in the page. A metric's cell carries the number exactly as the JSON result writes it
 * ({@code data-value}), next to the rounded figure it shows.
 */
public final class HtmlReport {
    /** The most round trips the page lists; all of them are in the JSON. */
    static final int TRADES_SHOWN = 5000;
    private static final String RESOURCES = "/io/quiver/backtest/internal/report/";
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private final StringBuilder out = new StringBuilder(1 << 16);

    private HtmlReport() {
    }

    /** The report of one backtest. */
    public static String of(BacktestResult r) {
        BacktestSettings s = r.settings();
        HtmlReport h = new HtmlReport();
        String title = s.strategyId() + " (" + shortType(s.strategyType()) + ") on " + r.instrument();
        h.begin(title, s.dataName() + ", " + r.bars() + " bars, " + day(r.firstBar()) + " to " + day(r.lastBar()));
        h.kpis(r.finalEquity(), s.startingCash(), r.metrics());
        List<Curve> curves = List.of(new Curve("equity", r.equityCurve()));
        h.charts();
        h.metrics(r.metrics(), r.fees(), r.fills().size(), r.orders());
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("data", s.dataName());
        provenance.put("SHA-256", s.dataSha256());
        provenance.put("instrument", r.instrument());
        provenance.put("bars", Long.toString(r.bars()));
        provenance.put("first bar", r.firstBar().toString());
        provenance.put("last bar", r.lastBar().toString());
        provenance.put("venue", s.venue() + settings(s.venueSettings()));
        provenance.put("latency", s.latency().toString());
        provenance.put("borrow rate", s.financing().borrowRate().toPlainString());
        provenance.put("financing rate", s.financing().financingRate().toPlainString());
        provenance.put("starting cash", s.startingCash().toString());
        provenance.put("final state", r.finalState().name() + (r.quarantineReason() == null || r.quarantineReason().isEmpty() ? ""
                : ": " + r.quarantineReason()));
        provenance.putAll(parameters(s.parameters()));
        h.facts("Data, settings and parameters", provenance);
        h.monthly(s.startingCash(), r.equityCurve());
        h.trades(r.trades(), null);
        return h.end(s.startingCash(), curves);
    }

    /** The report of a portfolio: its curve and each instance's, its metrics, the instances side by side and every trade. */
    public static String of(PortfolioResult p) {
        PortfolioPlan plan = p.plan();
        HtmlReport h = new HtmlReport();
        List<BacktestResult.DailyEquity> curve = p.equityCurve();
        h.begin("Portfolio " + plan.name(), p.instances().size() + " instances, " + plan.data().size() + " data sets, " + p.bars() + " bars"
                + (curve.isEmpty() ? "" : ", " + curve.get(0).day() + " to " + curve.get(curve.size() - 1).day()));
        h.kpis(p.finalEquity(), plan.cash(), p.metrics());
        List<Curve> curves = new ArrayList<>();
        curves.add(new Curve("portfolio", curve));
        p.instances().forEach(i -> curves.add(new Curve(i.settings().strategyId(), i.equityCurve())));
        h.charts();
        h.metrics(p.metrics(), p.fees(), p.instances().stream().mapToInt(i -> i.fills().size()).sum(),
                p.instances().stream().mapToInt(BacktestResult::orders).sum());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("allocator", plan.allocator() + settings(plan.allocatorSettings()));
        settings.put("rebalance", plan.rebalance().name().toLowerCase(Locale.ROOT) + " (" + p.rebalances() + " times)");
        settings.put("venue", plan.venue() + settings(plan.venueSettings()));
        settings.put("risk", plan.risk().isEmpty() ? "etc/io.quiver.risk.cfg" : settings(plan.risk()).trim());
        settings.put("portfolio limits", plan.portfolioRisk().isEmpty() ? "none" : settings(plan.portfolioRisk()).trim());
        settings.put("unallocated cash", p.unallocated().toString());
        if (p.breaker() != null) {
            settings.put("breaker", p.breaker());
        }
        for (BacktestResult i : p.instances()) {
            settings.put("instance " + i.settings().strategyId(), shortType(i.settings().strategyType()) + " on " + i.instrument()
                    + settings(i.settings().parameters()));
        }
        for (PortfolioPlan.DataSet d : plan.data()) {
            settings.put("data " + d.name(), d.data() + (d.symbol() == null ? "" : " as " + d.symbol()));
        }
        h.facts("Plan and data", settings);
        h.instances(p.instances());
        h.monthly(plan.cash(), curve);
        List<RoundTrip> trades = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (BacktestResult i : p.instances()) {
            for (RoundTrip t : i.trades()) {
                trades.add(t);
                owners.add(i.settings().strategyId());
            }
        }
        h.trades(trades, owners);
        return h.end(plan.cash(), curves);
    }

    private record Curve(String label, List<BacktestResult.DailyEquity> points) {
    }

    // ---- the page ------------------------------------------------------------------------------------

    private void begin(String title, String subtitle) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.append("<title>").append(esc(title)).append("</title>\n<style>\n").append(resource("uPlot.min.css")).append('\n')
                .append(resource("report.css")).append("</style>\n</head>\n<body>\n");
        out.append("<header><h1>").append(esc(title)).append("</h1><p>").append(esc(subtitle)).append("</p></header>\n");
        out.append("<div id=\"errors\"></div>\n");
    }

    private void kpis(Money finalEquity, Money start, PerformanceMetrics m) {
        out.append("<div class=\"kpis\">");
        kpi("final equity", finalEquity.rounded(2).toBigDecimal().toPlainString(), null);
        kpi("total return", pct(m.totalReturn().doubleValue()), m.totalReturn().doubleValue());
        kpi("annual return", pct(m.annualReturn()), m.annualReturn());
        kpi("Sharpe", num(m.sharpe()), null);
        kpi("max drawdown", pct(m.maxDrawdown()), m.maxDrawdown());
        kpi("round trips", Integer.toString(m.trades().count()), null);
        out.append("</div>\n<main>\n");
    }

    private void kpi(String label, String value, Double sign) {
        out.append("<div class=\"kpi\"><b").append(signClass(sign)).append('>').append(esc(value)).append("</b><span>").append(esc(label))
                .append("</span></div>");
    }

    private void charts() {
        out.append("<section class=\"wide\"><h2>Equity</h2><div id=\"equity-chart\" class=\"chart\"></div></section>\n");
        out.append("<section><h2>Drawdown</h2><div id=\"drawdown-chart\" class=\"chart\"></div></section>\n");
        out.append("<section><h2>Daily returns</h2><div id=\"histogram-chart\" class=\"chart\"></div></section>\n");
    }

    private void metrics(PerformanceMetrics m, Money fees, int fills, int orders) {
        PerformanceMetrics.Trades t = m.trades();
        out.append("<section><h2>Metrics</h2><table class=\"metrics\">\n");
        row("total return", "totalReturn", m.totalReturn().toPlainString(), pct(m.totalReturn().doubleValue()));
        row("annual return", "annualReturn", json(m.annualReturn()), pct(m.annualReturn()));
        row("annual volatility", "annualVolatility", json(m.annualVolatility()), pct(m.annualVolatility()));
        row("Sharpe", "sharpe", json(m.sharpe()), num(m.sharpe()));
        row("Sortino", "sortino", json(m.sortino()), num(m.sortino()));
        row("Calmar", "calmar", json(m.calmar()), num(m.calmar()));
        row("max drawdown", "maxDrawdown", json(m.maxDrawdown()), pct(m.maxDrawdown()));
        row("drawdown from, to, recovered", "drawdownPeriods", Integer.toString(m.drawdownPeriods()),
                day(m.drawdownPeak()) + ", " + day(m.drawdownTrough()) + ", " + (m.drawdownRecovery() == null ? "not yet" : m.drawdownRecovery())
                        + " (" + m.drawdownPeriods() + " days)");
        row("VaR 95 % / 99 % (daily)", "valueAtRisk95", json(m.valueAtRisk95()), pct(m.valueAtRisk95()) + " / " + pct(m.valueAtRisk99()));
        row("CVaR 95 % / 99 % (daily)", "conditionalValueAtRisk95", json(m.conditionalValueAtRisk95()),
                pct(m.conditionalValueAtRisk95()) + " / " + pct(m.conditionalValueAtRisk99()));
        row("exposure", "exposure", json(m.exposure()), pct(m.exposure()));
        row("turnover", "turnover", json(m.turnover()), num(m.turnover()));
        row("round trips (won / lost)", "count", Integer.toString(t.count()), t.count() + " (" + t.winners() + " / " + t.losers() + ")");
        row("win rate", "winRate", json(t.winRate()), pct(t.winRate()));
        row("profit factor", "profitFactor", json(t.profitFactor()), num(t.profitFactor()));
        row("average win", "averageWin", money(t.averageWin()), t.averageWin().rounded(2).toBigDecimal().toPlainString());
        row("average loss", "averageLoss", money(t.averageLoss()), t.averageLoss().rounded(2).toBigDecimal().toPlainString());
        row("expectancy", "expectancy", money(t.expectancy()), t.expectancy().rounded(2).toBigDecimal().toPlainString());
        row("average holding", "averageHolding", t.averageHolding().toString(), holding(t.averageHolding()));
        row("fees", "fees", money(fees), fees.rounded(2).toBigDecimal().toPlainString());
        row("orders / fills", "fillCount", Integer.toString(fills), orders + " / " + fills);
        row("trading days (a year)", "periods", Integer.toString(m.periods()), m.periods() + " (" + m.periodsPerYear() + ")");
        out.append("</table><p class=\"note\">Definitions: docs/metrics.md (empyrical's formulas).</p></section>\n");
    }

    private void row(String label, String key, String exact, String shown) {
        out.append("<tr><td>").append(esc(label)).append("</td><td data-key=\"").append(key).append("\" data-value=\"").append(esc(exact))
                .append("\">").append(esc(shown)).append("</td></tr>\n");
    }

    private void instances(List<BacktestResult> instances) {
        out.append("<section class=\"wide\"><h2>Instances</h2><table>\n<tr><th>instance</th><th>type</th><th>instrument</th><th>final equity</th>"
                + "<th>return</th><th>Sharpe</th><th>max drawdown</th><th>round trips</th><th>state</th></tr>\n");
        for (BacktestResult r : instances) {
            double ret = r.metrics().totalReturn().doubleValue();
            out.append("<tr><td>").append(esc(r.settings().strategyId())).append("</td><td>").append(esc(shortType(r.settings().strategyType())))
                    .append("</td><td>").append(esc(r.instrument())).append("</td><td>").append(r.finalEquity().rounded(2).toBigDecimal().toPlainString())
                    .append("</td><td").append(signClass(ret)).append('>').append(pct(ret)).append("</td><td>").append(num(r.metrics().sharpe()))
                    .append("</td><td>").append(pct(r.metrics().maxDrawdown())).append("</td><td>").append(r.metrics().trades().count())
                    .append("</td><td>").append(esc(r.finalState().name())).append("</td></tr>\n");
        }
        out.append("</table></section>\n");
    }

    /** Monthly returns: each month's last equity over the one before (the starting cash before the first), and the year's. */
    private void monthly(Money start, List<BacktestResult.DailyEquity> curve) {
        Map<Integer, Double[]> years = new TreeMap<>();
        BigDecimal previous = start.toBigDecimal();
        BigDecimal yearStart = previous;
        for (int i = 0; i < curve.size(); i++) {
            LocalDate d = curve.get(i).day();
            boolean monthEnds = i + 1 == curve.size() || curve.get(i + 1).day().getMonthValue() != d.getMonthValue()
                    || curve.get(i + 1).day().getYear() != d.getYear();
            if (monthEnds) {
                BigDecimal e = curve.get(i).equity().toBigDecimal();
                years.computeIfAbsent(d.getYear(), y -> new Double[13])[d.getMonthValue() - 1] = ratio(e, previous);
                previous = e;
                boolean yearEnds = i + 1 == curve.size() || curve.get(i + 1).day().getYear() != d.getYear();
                if (yearEnds) {
                    years.get(d.getYear())[12] = ratio(e, yearStart);
                    yearStart = e;
                }
            }
        }
        out.append("<section class=\"wide\"><h2>Monthly returns</h2><table class=\"heat\">\n<tr><th>year</th>");
        for (String m : MONTHS) {
            out.append("<th>").append(m).append("</th>");
        }
        out.append("<th>year</th></tr>\n");
        for (Map.Entry<Integer, Double[]> y : years.entrySet()) {
            out.append("<tr><td>").append(y.getKey()).append("</td>");
            for (Double r : y.getValue()) {
                out.append(r == null ? "<td></td>" : "<td style=\"background:" + heat(r) + "\">" + pct(r) + "</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table></section>\n");
    }

    private static Double ratio(BigDecimal end, BigDecimal base) {
        return base.signum() == 0 ? null : end.doubleValue() / base.doubleValue() - 1.0;
    }

    /** Green for gains, red for losses, deeper up to ±10 % a month. */
    private static String heat(double r) {
        double a = Math.min(1.0, Math.abs(r) / 0.10) * 0.65 + 0.05;
        return r >= 0 ? String.format(Locale.ROOT, "rgba(26,127,75,%.2f)", a) : String.format(Locale.ROOT, "rgba(192,57,43,%.2f)", a);
    }

    private void facts(String title, Map<String, String> facts) {
        out.append("<section><h2>").append(esc(title)).append("</h2><table class=\"facts\">\n");
        if (facts.isEmpty()) {
            out.append("<tr><td>none</td><td></td></tr>\n");
        }
        facts.forEach((k, v) -> out.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(v)).append("</td></tr>\n"));
        out.append("</table></section>\n");
    }

    private void trades(List<RoundTrip> trades, List<String> owners) {
        out.append("<section class=\"wide\"><h2>Round trips</h2><table class=\"trades\">\n<tr>");
        if (owners != null) {
            out.append("<th>instance</th>");
        }
        out.append("<th>instrument</th><th>side</th><th>entry</th><th>exit</th><th>holding</th><th>quantity</th><th>P&amp;L</th><th>fees</th>"
                + "<th>MAE</th><th>MFE</th></tr>\n");
        int shown = Math.min(trades.size(), TRADES_SHOWN);
        for (int i = 0; i < shown; i++) {
            RoundTrip t = trades.get(i);
            out.append("<tr>");
            if (owners != null) {
                out.append("<td>").append(esc(owners.get(i))).append("</td>");
            }
            out.append("<td>").append(esc(t.instrument().symbol())).append("</td><td>").append(t.isLong() ? "long" : "short")
                    .append(t.open() ? " (open)" : "").append("</td><td>").append(t.entry()).append("</td><td>").append(t.exit()).append("</td><td>")
                    .append(holding(t.holding())).append("</td><td>").append(t.quantity().toBigDecimal().toPlainString()).append("</td><td")
                    .append(signClass((double) t.pnl().signum())).append('>').append(t.pnl().toBigDecimal().toPlainString()).append("</td><td>")
                    .append(t.fees().toBigDecimal().toPlainString()).append("</td><td>").append(t.mae().toBigDecimal().toPlainString())
                    .append("</td><td>").append(t.mfe().toBigDecimal().toPlainString()).append("</td></tr>\n");
        }
        out.append("</table>");
        if (shown < trades.size()) {
            out.append("<p class=\"note\">The first ").append(shown).append(" of ").append(trades.size()).append(" round trips; all are in the JSON result.</p>");
        }
        out.append("</section>\n");
    }

    private String end(Money start, List<Curve> curves) {
        out.append("</main>\n<script type=\"application/json\" id=\"report-data\">").append(chartData(start, curves).replace("<", "\\u003c"))
                .append("</script>\n");
        out.append("<script>\n/* uPlot 1.6.30, MIT licence:\n").append(resource("LICENSE").replace("*/", "* /")).append("*/\n")
                .append(resource("uPlot.iife.min.js")).append("\n</script>\n<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    /** The charts' data: the days (epoch seconds), each curve on those days, the main curve's drawdown, the histogram of its daily returns. */
    private static String chartData(Money start, List<Curve> curves) {
        List<BacktestResult.DailyEquity> main = curves.get(0).points();
        StringBuilder days = new StringBuilder();
        StringBuilder json = new StringBuilder("{\"days\": [");
        for (int i = 0; i < main.size(); i++) {
            days.append(i == 0 ? "" : ",").append(main.get(i).day().atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        }
        json.append(days).append("], \"equity\": [");
        for (int c = 0; c < curves.size(); c++) {
            Map<LocalDate, Money> byDay = new TreeMap<>();
            curves.get(c).points().forEach(p -> byDay.put(p.day(), p.equity()));
            json.append(c == 0 ? "" : ", ").append("{\"label\": ").append(quote(curves.get(c).label())).append(", \"values\": [");
            for (int i = 0; i < main.size(); i++) {
                Money e = byDay.get(main.get(i).day());
                json.append(i == 0 ? "" : ",").append(e == null ? "null" : e.rounded(2).toBigDecimal().toPlainString());
            }
            json.append("]}");
        }
        json.append("], \"drawdown\": [");
        double peak = start.toBigDecimal().doubleValue();
        double[] returns = new double[main.size()];
        double previous = peak;
        for (int i = 0; i < main.size(); i++) {
            double e = main.get(i).equity().toBigDecimal().doubleValue();
            peak = Math.max(peak, e);
            json.append(i == 0 ? "" : ",").append(peak > 0 ? round6(e / peak - 1) : "0");
            returns[i] = previous == 0 ? 0 : e / previous - 1;
            previous = e;
        }
        json.append("], \"histogram\": ").append(histogram(returns)).append('}');
        return json.toString();
    }

    /** 40 bins of equal width from the lowest daily return to the highest, as bin centres and counts. */
    static String histogram(double[] returns) {
        int bins = 40;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double r : returns) {
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
        }
        if (returns.length == 0) {
            return "{\"centers\": [], \"counts\": []}";
        }
        double width = hi > lo ? (hi - lo) / bins : 1e-9;
        int[] counts = new int[bins];
        for (double r : returns) {
            counts[Math.min(bins - 1, (int) ((r - lo) / width))]++;
        }
        StringBuilder b = new StringBuilder("{\"centers\": [");
        for (int i = 0; i < bins; i++) {
            b.append(i == 0 ? "" : ",").append(round6(lo + (i + 0.5) * width));
        }
        b.append("], \"counts\": [");
        for (int i = 0; i < bins; i++) {
            b.append(i == 0 ? "" : ",").append(counts[i]);
        }
        return b.append("]}").toString();
    }

    // ---- formatting --------------------------------------------------------------------------------------

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the report resource " + name + " is missing from the backtest bundle (it is unpacked at build time)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A double as the JSON result writes it. */
    static String json(double d) {
        return Double.isFinite(d) ? Double.toString(d) : "null";
    }

    /** Money as the JSON result writes it. */
    static String money(Money m) {
        BigDecimal v = m.toBigDecimal();
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    static String pct(double r) {
        if (!Double.isFinite(r)) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%.2f %%", r * 100);
        return s.equals("-0.00 %") ? "0.00 %" : s;
    }

    static String num(double r) {
        return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f", r) : "n/a";
    }

    private static String round6(double d) {
        return Double.isFinite(d) ? new BigDecimal(d).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() : "null";
    }

    private static String holding(Duration d) {
        long days = d.toDays();
        return days > 0 ? days + " d " + d.toHoursPart() + " h" : d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min"
                : d.toMinutes() + " min";
    }

    private static String signClass(Double v) {
        return v == null || v == 0 || !Double.isFinite(v) ? "" : v > 0 ? " class=\"pos\"" : " class=\"neg\"";
    }

    private static String day(Object d) {
        return d == null ? "none" : d.toString().length() > 10 ? d.toString().substring(0, 10) : d.toString();
    }

    private static String shortType(String type) {
        return type.startsWith("io.quiver.strategy.") ? type.substring("io.quiver.strategy.".length()) : type;
    }

    /** The strategy's parameters as facts: {@code parameter fast = 10}. */
    private static Map<String, String> parameters(Map<String, String> p) {
        Map<String, String> named = new LinkedHashMap<>();
        new TreeMap<>(p).forEach((k, v) -> named.put("parameter " + k, v));
        return named;
    }

    private static String settings(Map<String, String> s) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(s).forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
