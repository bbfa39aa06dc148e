package io.quiver.risk.internal;

import io.quiver.risk.RiskLimits;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskCheck;
import io.quiver.sdk.spi.RiskContext;
import io.quiver.sdk.spi.RiskRefusal;

/** {@code instruments.allowed} / {@code instruments.blocked}: which symbols may be traded at all. */
final class InstrumentListCheck implements RiskCheck {
    private final ScopedLimits limits;

    InstrumentListCheck(ScopedLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return "instruments";
    }

    @Override
    public RiskRefusal check(PreTradeOrder order, RiskContext books) {
        RiskLimits l = limits.of(order.strategyId());
        String symbol = order.request().instrument().symbol();
        if (l.blockedInstruments() != null && l.blockedInstruments().contains(symbol)) {
            return new RiskRefusal(ReasonCode.INSTRUMENT_BLOCKED, symbol + " is on the blocked list " + l.blockedInstruments());
        }
        if (l.allowedInstruments() != null && !l.allowedInstruments().isEmpty() && !l.allowedInstruments().contains(symbol)) {
            return new RiskRefusal(ReasonCode.INSTRUMENT_NOT_ALLOWED, symbol + " is not on the allowed list " + l.allowedInstruments());
        }
        return null;
    }
}
