package io.quiver.risk.internal;

import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskCheck;

/** A built-in check that counts what it lets through: it is told once the whole chain has passed an order. */
interface CountingCheck extends RiskCheck {
    void passed(PreTradeOrder order);
}
