package io.quiver.shell.internal;

import io.quiver.oms.OrderManager;
import io.quiver.sdk.model.ClientOrderId;

/** Ids for orders an operator enters without naming one: the first free {@code <prefix><n>}. */
final class OperatorOrderIds {
    private OperatorOrderIds() {
    }

    static ClientOrderId next(OrderManager oms, String prefix) {
        for (int n = oms.orderCount(null) + 1;; n++) {
            ClientOrderId id = ClientOrderId.of(prefix + n);
            if (oms.order(id).isEmpty() && oms.order(ClientOrderId.of(id.value() + ".1")).isEmpty()) {
                return id;
            }
        }
    }
}
