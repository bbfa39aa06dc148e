package io.quiver.backtest;

import io.quiver.backtest.internal.HtmlReport;

/**
 * The HTML report of a backtest: one self-contained page (charts, tables, settings and data provenance)
 * that opens offline in any browser. The JSON result stays the machine-readable one.
 */
public final class HtmlReports {
    private HtmlReports() {
    }

    public static String of(BacktestResult result) {
        return HtmlReport.of(result);
    }

    public static String of(PortfolioResult result) {
        return HtmlReport.of(result);
    }

    /** Where the report of a JSON result goes: beside it, {@code .html} for {@code .json}. */
    public static java.nio.file.Path besideJson(java.nio.file.Path json) {
        String name = json.getFileName().toString();
        return json.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".html");
    }
}
