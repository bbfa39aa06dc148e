package io.quiver.shell.internal;

import org.apache.karaf.shell.support.table.ShellTable;

/** Tables as Karaf's own commands print them. */
final class Tables {
    private Tables() {
    }

    static ShellTable withColumns(String... headers) {
        ShellTable table = new ShellTable();
        for (String h : headers) {
            table.column(h);
        }
        return table;
    }
}
