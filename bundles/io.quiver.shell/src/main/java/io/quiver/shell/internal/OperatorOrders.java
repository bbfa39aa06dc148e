package io.quiver.shell.internal;

import io.quiver.engine.StrategyRuntime;
import io.quiver.oms.OrderService;
import io.quiver.sdk.model.ClientOrderId;

/** What the order entry commands share: the instance check and ids for orders entered without one. */
final class OperatorOrders {
    private OperatorOrders() {
    }

    static void requireInstance(StrategyRuntime runtime, String strategy) {
        if (runtime.instance(strategy).isEmpty()) {
            throw new IllegalArgumentException("no strategy instance '" + strategy + "'");
        }
    }

    /** The first free {@code <prefix><n>}, n from 1; for a group, its first leg must be free too. */
    static ClientOrderId nextId(OrderService oms, String prefix) {
        for (int n = 1;; n++) {
            ClientOrderId id = ClientOrderId.of(prefix + n);
            if (oms.order(id).isEmpty() && oms.order(ClientOrderId.of(id.value() + ".1")).isEmpty()) {
                return id;
            }
        }
    }
}
