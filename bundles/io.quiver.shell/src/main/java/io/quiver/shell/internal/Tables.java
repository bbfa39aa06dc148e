package io.quiver.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * A table as Karaf's own commands print it, or, with {@code --no-format}, as plain tab-separated values: one
 * line per row, no header (as Karaf's), no padding and no tab at the end, so a script can {@code cut -f}.
 */
final class Tables {
    private final List<String> headers;
    private final List<List<Object>> rows = new ArrayList<>();

    private Tables(List<String> headers) {
        this.headers = headers;
    }

    static Tables withColumns(String... headers) {
        return new Tables(List.of(headers));
    }

    /** A new row; fill it with {@code addContent}. */
    Row addRow() {
        List<Object> row = new ArrayList<>(headers.size());
        rows.add(row);
        return new Row(row);
    }

    record Row(List<Object> cells) {
        void addContent(Object... values) {
            cells.addAll(Arrays.asList(values));
        }
    }

    void print(PrintStream out, boolean format) {
        if (format) {
            ShellTable table = new ShellTable();
            headers.forEach(table::column);
            rows.forEach(r -> table.addRow().addContent(r));
            table.print(out, true);
            return;
        }
        for (List<Object> r : rows) {
            out.println(r.stream().map(v -> v == null ? "" : v.toString().replace('\t', ' ').replace('\n', ' '))
                    .collect(Collectors.joining("\t")));
        }
    }
}
