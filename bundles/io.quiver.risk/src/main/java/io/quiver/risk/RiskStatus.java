package io.quiver.risk;

import java.util.Map;

/**
 * The trading state of the runtime and of each strategy instance that has its own risk settings or a
 * tripped breaker. {@code problems} holds, per configuration (the runtime's is {@code global}), why it was
 * refused: while a configuration is refused, every order in its scope is refused too. {@code breakers}
 * holds why each tripped instance tripped.
 */
public record RiskStatus(TradingState state, KillSwitchState killSwitch, Map<String, TradingState> instances, Map<String, String> problems,
        Map<String, String> breakers) {
}
