package io.quiver.risk;

import java.util.Map;

/**
 * The trading state of the runtime and of each strategy instance that has its own risk settings or has
 * traded. {@code problems} holds, per configuration (the runtime's is {@code global}), why it was refused:
 * while a configuration is refused, every order in its scope is refused too.
 */
public record RiskStatus(TradingState state, KillSwitchState killSwitch, Map<String, TradingState> instances, Map<String, String> problems) {
}
