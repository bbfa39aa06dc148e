package io.quiver.shell.internal;

import io.quiver.oms.Discrepancy;
import io.quiver.oms.ReconciliationReport;
import java.io.PrintStream;

/** How a reconciliation report prints: a summary line, then one row per difference and what was done. */
final class ReconciliationTables {
    private ReconciliationTables() {
    }

    static void print(ReconciliationReport r, PrintStream out, boolean format) {
        out.println("venue " + r.venueId() + " at " + r.time() + ", policy " + r.policy() + ": " + r.accounts() + " account(s), "
                + r.ordersChecked() + " order(s) and " + r.fillsChecked() + " fill(s) checked, " + r.discrepancies().size()
                + " difference(s)" + (r.halted() ? "; orders to " + r.venueId() + " are HALTED (lift with order:reconcile -p SYNC "
                + r.venueId() + ")" : ""));
        if (r.isClean()) {
            return;
        }
        Tables table = Tables.withColumns("Kind", "Account", "Order", "Found", "Done");
        for (Discrepancy d : r.discrepancies()) {
            table.addRow().addContent(d.kind(), d.account(), d.orderId() == null ? "" : d.orderId(), d.detail(), d.action());
        }
        table.print(out, format);
    }
}
