package io.quiver.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.BaseStrategy;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Qty;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in headless Chromium (Debian's package, installed by {@code cnf/scripts/ensure-chromium}
 * when missing): the page's script draws its three charts without an error, and every metric the page shows
 * carries the number the JSON result holds.
 */
class HtmlReportBrowserTest {
    @TempDir
    Path dir;

    /** Buys on a close above the previous one when flat, sells on a close below it: many round trips, both ways. */
    public static final class Momentum extends BaseStrategy {
        private Bar previous;

        @Override
        public void onBar(Bar bar) {
            InstrumentId i = bar.instrument();
            if (previous != null && context().openOrders().isEmpty()) {
                Qty held = context().position(i).quantity();
                int move = bar.close().compareTo(previous.close());
                if (move > 0 && held.isZero()) {
                    buyMarket(i, Qty.of(100));
                } else if (move < 0 && held.isPositive()) {
                    sellMarket(i, held);
                }
            }
            previous = bar;
        }
    }

    private static Path sample(String name) {
        return Path.of(System.getProperty("quiver.sample.data", "../../data")).resolve(name);
    }

    @Test
    void theReportOfABacktestDrawsItsChartsAndShowsTheNumbersOfTheJson() throws Exception {
        BarSeries orcl = BarSources.onClassPath().open(sample("orcl-1995-2014.txt").toString(), dir).series();
        BacktestSettings settings = new BacktestSettings("momentum", "test.momentum", Map.of("size", "100"), Money.of(100_000), new BigDecimal("1"),
                3, "orcl-1995-2014.txt", "n/a");
        BacktestResult r = Backtester.run(new Momentum(), orcl, settings, BacktestProgress.NONE);
        String html = HtmlReports.of(r);
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http"), "nothing is fetched from the network");
        String dom = render(html, "backtest.html");
        assertEquals(List.of(), metricMismatches(dom, r.json()));
        assertTrue(dom.contains("<td data-key=\"sharpe\""), "the metrics table is there");
        assertTrue(r.trades().size() > 100);
        assertEquals(Math.min(r.trades().size(), 5000), count(dom, "<tr><td>orcl-1995-2014</td><td>long"), "one row per round trip");
        assertTrue(dom.contains("<td>1995</td>") && dom.contains("<td>2014</td>"), "the heat map has a row per year");
    }

    @Test
    void theReportOfAPortfolioDrawsItsChartsAndShowsTheNumbersOfTheJson() throws Exception {
        Map<String, String> plan = new TreeMap<>();
        plan.put("cash", "1000000");
        plan.put("allocator", "inverse-volatility");
        plan.put("rebalance", "monthly");
        plan.put("data.orcl", sample("orcl-1995-2014.txt").toString());
        plan.put("data.index", sample("2006-day-001.txt").toString());
        plan.put("from", "2006-01-01");
        plan.put("to", "2006-12-31");
        plan.put("instance.a.type", "test.momentum");
        plan.put("instance.a.data", "orcl");
        plan.put("instance.b.type", "test.momentum");
        plan.put("instance.b.data", "index");
        PortfolioResult p = PortfolioBacktester.run(PortfolioPlan.parse(plan, "plan", "two"), Map.of("test.momentum", Momentum.class), dir,
                l -> io.quiver.risk.RiskChains.backtest(Map.of(), l), BacktestProgress.NONE);
        String dom = render(HtmlReports.of(p), "portfolio.html");
        assertEquals(List.of(), metricMismatches(dom, p.json()));
        assertTrue(dom.contains("<h2>Instances</h2>"));
        // each round trip of the instances' results in the JSON has an "mfe"
        assertEquals(count(p.json(), "\"mfe\": "), count(dom, "<tr><td>a</td><td>orcl-1995-2014</td><td>long") + count(dom, "<tr><td>b</td><td>2006-day-001</td><td>long"),
                "a row per round trip of either instance");
    }

    /** Opens the page in headless Chromium and returns the DOM after its scripts ran; fails on any console message or error. */
    private String render(String html, String name) throws IOException, InterruptedException {
        Path page = dir.resolve(name);
        Files.writeString(page, html, StandardCharsets.UTF_8);
        String chromium = chromium();
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile-" + name), "--enable-logging=stderr", "--v=0", "--virtual-time-budget=15000",
                "--window-size=1280,2000", "--dump-dom", page.toUri().toString())
                .redirectError(dir.resolve(name + ".log").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "chromium did not finish");
        String log = Files.readString(dir.resolve(name + ".log"));
        assertEquals(0, p.exitValue(), log);
        String dom = new String(out, StandardCharsets.UTF_8);
        List<String> console = log.lines().filter(l -> l.contains(":CONSOLE(") || l.contains("Uncaught")).toList();
        assertEquals(List.of(), console, "console messages");
        assertTrue(dom.contains("<div id=\"errors\"></div>"), "no error reached the page: " + between(dom, "<div id=\"errors\">", "</div>"));
        assertTrue(dom.contains("data-charts=\"3\""), "three charts drawn");
        assertTrue(count(dom, "<canvas") >= 3, "each chart is a canvas");
        return dom;
    }

    private static String chromium() throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("quiver.root", "../..")).resolve("cnf/scripts/ensure-chromium");
        Process p = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "installing chromium took too long");
        assertEquals(0, p.exitValue(), "cnf/scripts/ensure-chromium could not provide chromium");
        return path;
    }

    /** Every metric cell whose data-value differs from the JSON's value for its key. */
    private static List<String> metricMismatches(String dom, String json) {
        String metrics = between(json, "\"metrics\": {", "\"equityCurve\"");
        String top = json.substring(0, json.indexOf("\"metrics\": {"));
        List<String> wrong = new ArrayList<>();
        Matcher cell = Pattern.compile("data-key=\"(\\w+)\" data-value=\"([^\"]*)\"").matcher(dom);
        int cells = 0;
        while (cell.find()) {
            cells++;
            String key = cell.group(1);
            String expected = value(key.equals("fees") || key.equals("fillCount") ? top : metrics, key);
            String shown = cell.group(2).replace("&quot;", "\"");
            if (expected.startsWith("\"")) {
                expected = expected.substring(1, expected.length() - 1);
            }
            if (!expected.equals(shown)) {
                wrong.add(key + ": page " + shown + ", JSON " + expected);
            }
        }
        if (cells < 20) {
            wrong.add("only " + cells + " metric cells");
        }
        return wrong;
    }

    private static String value(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (\"[^\"]*\"|[^,\\n}]+)").matcher(json);
        return m.find() ? m.group(1).trim() : "(not in the JSON)";
    }

    private static String between(String s, String from, String to) {
        int i = s.indexOf(from);
        int j = i < 0 ? -1 : s.indexOf(to, i + from.length());
        return i < 0 || j < 0 ? "" : s.substring(i + from.length(), j);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
