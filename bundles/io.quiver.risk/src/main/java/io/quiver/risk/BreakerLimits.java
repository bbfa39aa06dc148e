package io.quiver.risk;

import io.quiver.sdk.model.Money;
import java.math.BigDecimal;

/**
 * When a scope's breakers trip: a loss since the start of the trading day beyond {@code dailyLoss}, equity
 * more than {@code drawdownPercent} below its peak, or more than {@code rejectPercent} of its last
 * {@code rejectWindow} orders refused by a check, or more than {@code errorPercent} of the last {@code errorWindow}
 * orders a venue answered rejected there (the error rate). A trip moves the scope to {@code action} ({@link TradingState#REDUCING}
 * or {@link TradingState#HALTED}) until an administrator resets it. Null is not set.
 */
public record BreakerLimits(Money dailyLoss, BigDecimal drawdownPercent, BigDecimal rejectPercent, Integer rejectWindow,
        BigDecimal errorPercent, Integer errorWindow, TradingState action) {
    public static final BreakerLimits UNSET = new BreakerLimits(null, null, null, null, null, null, null);

    public BreakerLimits over(BreakerLimits base) {
        return new BreakerLimits(dailyLoss != null ? dailyLoss : base.dailyLoss, drawdownPercent != null ? drawdownPercent : base.drawdownPercent,
                rejectPercent != null ? rejectPercent : base.rejectPercent, rejectWindow != null ? rejectWindow : base.rejectWindow,
                errorPercent != null ? errorPercent : base.errorPercent, errorWindow != null ? errorWindow : base.errorWindow,
                action != null ? action : base.action);
    }

    /** How many of the latest venue answers the error rate is taken over (default 20). */
    public int errors() {
        return errorWindow == null ? 20 : errorWindow;
    }

    /** The state a trip moves to: HALTED unless REDUCING is configured. */
    public TradingState tripTo() {
        return action == TradingState.REDUCING ? TradingState.REDUCING : TradingState.HALTED;
    }

    /** How many of the latest orders the reject rate is taken over (default 20). */
    public int window() {
        return rejectWindow == null ? 20 : rejectWindow;
    }
}
