package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import io.quiver.oms.OrderFilter;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderStatus;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code order:list}: orders of every instance, filtered by instance, instrument, status and entry time. */
@Service
@Command(scope = "order", name = "list", description = "Lists orders, oldest first, with filters")
public class ListOrdersCommand implements Action {
    @Reference
    StrategyRuntime runtime;

    @Option(name = "-s", aliases = "--strategy", description = "Only this instance's orders")
    @Completion(InstanceIdCompleter.class)
    String strategy;

    @Option(name = "-i", aliases = "--instrument", description = "Only orders on this instrument")
    String instrument;

    @Option(name = "--status", description = "Only orders in this state (NEW, ACCEPTED, TRIGGERED, PARTIALLY_FILLED, PENDING_CANCEL, FILLED, CANCELLED, REJECTED, EXPIRED)")
    String status;

    @Option(name = "-o", aliases = "--open", description = "Only orders not in a terminal state")
    boolean openOnly;

    @Option(name = "--since", description = "Only orders entered at or after this time: 2026-11-21T14:00:00Z, or a UTC date")
    String since;

    @Option(name = "--until", description = "Only orders entered before this time: 2026-11-21T15:00:00Z, or a UTC date")
    String until;

    @Option(name = "-n", aliases = "--last", description = "Only the last N orders that match")
    int last = 50;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        if (last < 0) {
            throw new IllegalArgumentException("-n: the number of orders must be 0 or more, was " + last);
        }
        OrderFilter filter = new OrderFilter(strategy, instrument == null ? null : InstrumentId.of(instrument), status(), openOnly,
                time(since, "--since"), time(until, "--until"));
        List<Order> orders = runtime.orderManager().orders(filter);
        OrderTables.orders(orders.subList(Math.max(0, orders.size() - last), orders.size())).print(out, !noFormat);
        return null;
    }

    private OrderStatus status() {
        if (status == null) {
            return null;
        }
        try {
            return OrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--status '" + status + "' is not one of " + Arrays.toString(OrderStatus.values()));
        }
    }

    static Instant time(String text, String option) {
        if (text == null) {
            return null;
        }
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a time like 2026-11-21T14:00:00Z or a date like 2026-11-21");
        }
    }
}
