package io.quiver.sdk.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One pre-trade check. Every new order passes every check before it is sent, from a strategy, the shell
 * or any other entry point, in backtest, paper and live alike; cancels are never checked. A bundle adds a
 * check by registering a {@code RiskCheck} service: the risk chain runs it after the built-in ones.
 *
 * <p>Checks run under the order manager's lock, on the order path: they must be fast, must not block and
 * must not call back into order entry. The {@link RiskContext} is valid only during the call.
 */
@ConsumerType
public interface RiskCheck {

    /** A short stable name, shown in {@code risk:limits} and the audit trail, e.g. {@code max-position}. */
    String name();

    /** Null to let the order pass, or why it is refused. */
    RiskRefusal check(PreTradeOrder order, RiskContext context);
}
