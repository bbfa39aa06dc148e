package io.quiver.risk;

/**
 * One limit in force for one strategy instance, as {@code risk:limits} shows it: the check, the setting
 * ({@code key}), whether the value is the instance's own or the runtime's ({@code scope}), the limit, and
 * how much of it is used now ({@code -} for limits on one order).
 */
public record LimitUsage(String strategyId, String check, String key, String scope, String limit, String usage) {
}
