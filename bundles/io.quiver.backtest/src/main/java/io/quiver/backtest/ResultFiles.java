package io.quiver.backtest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Where a backtest's result goes, for the shell commands and {@code bin/quiver-backtest} alike. */
public final class ResultFiles {
    private ResultFiles() {
    }

    /**
     * Writes the JSON result to {@code json} and, if {@code html} is given, the HTML report beside it
     * ({@link HtmlReports#besideJson}); prints the summary, then where each file went.
     */
    public static void write(Path json, String jsonText, String summary, Supplier<String> html, PrintStream out) throws IOException {
        Files.createDirectories(json.toAbsolutePath().getParent());
        Files.writeString(json, jsonText, StandardCharsets.UTF_8);
        out.print(summary);
        out.println("result         " + json.normalize());
        if (html != null) {
            Path page = HtmlReports.besideJson(json);
            Files.writeString(page, html.get(), StandardCharsets.UTF_8);
            out.println("report         " + page.normalize());
        }
    }
}
