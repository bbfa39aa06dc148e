package io.quiver.shell.internal;

import io.quiver.engine.InstanceInfo;
import io.quiver.engine.StrategyRuntime;
import io.quiver.sdk.model.Money;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code account:show}: capital, cash and equity per instance and in total, exact. */
@Service
@Command(scope = "account", name = "show", description = "Shows capital, cash and equity per strategy instance and in total")
public class ShowAccountCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        Tables table = Tables.withColumns("Strategy", "Capital", "Cash", "Equity", "P&L");
        Money capital = Money.ZERO;
        Money cash = Money.ZERO;
        Money equity = Money.ZERO;
        for (InstanceInfo i : runtime.instances()) {
            table.addRow().addContent(i.id(), i.capital(), i.cash(), i.equity(), i.equity().minus(i.capital()));
            capital = capital.plus(i.capital());
            cash = cash.plus(i.cash());
            equity = equity.plus(i.equity());
        }
        table.addRow().addContent("TOTAL", capital, cash, equity, equity.minus(capital));
        table.print(out, !noFormat);
        return null;
    }
}
