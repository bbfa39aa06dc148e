package io.quiver.engine;

import io.quiver.oms.host.InstanceState;
import io.quiver.sdk.model.Money;
import java.util.List;

/** What an operator sees of a strategy instance. */
public record InstanceInfo(String id, String type, InstanceState state, String reason, String feed, String venue,
        List<String> instruments, Money capital, Money cash, Money equity, int openOrders, int orders, int faults,
        String waitingFor) {
}
