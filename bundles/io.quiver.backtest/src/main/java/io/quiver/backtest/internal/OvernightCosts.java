package io.quiver.backtest.internal;

import io.quiver.backtest.BacktestSettings;
import io.quiver.oms.Account;
import io.quiver.oms.OrderManager;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Charges a backtest's account what holding positions costs overnight, as a broker does: when the
 * first bar of a later UTC day arrives, every calendar day since (a weekend is three) costs the borrow
 * rate / 365 on the value of its short positions at the last mark, and the financing rate / 365 on cash
 * below zero. Each charge is rounded half-even to six decimals and booked through the order manager,
 * so cash, equity and the metrics see it.
 */
public final class OvernightCosts {
    private static final BigDecimal DAYS_A_YEAR = BigDecimal.valueOf(365);
    private static final int SCALE = 6;

    private final BacktestSettings.Financing rates;
    private final OrderManager oms;
    private final String account;
    private final BacktestReport report;
    private LocalDate day;

    public OvernightCosts(BacktestSettings.Financing rates, OrderManager oms, String account, BacktestReport report) {
        this.rates = rates;
        this.oms = oms;
        this.account = account;
        this.report = report;
    }

    /** Before the bar stamped {@code time} trades: charges the days that ended since the last bar. */
    public void onBar(Instant time) {
        LocalDate today = time.minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate(); // a bar belongs to the day before its close stamp
        if (day != null && today.isAfter(day)) {
            long days = ChronoUnit.DAYS.between(day, today);
            Account a = oms.account(account);
            BigDecimal shorts = BigDecimal.ZERO;
            for (InstrumentId i : a.instruments()) {
                io.quiver.sdk.model.Position p = a.position(i);
                Qty q = p.quantity();
                Price mark = p.markPrice();
                if (q.signum() < 0 && mark != null) {
                    shorts = shorts.add(mark.toBigDecimal().multiply(q.toBigDecimal().negate()));
                }
            }
            BigDecimal borrowed = a.cash().toBigDecimal().signum() < 0 ? a.cash().toBigDecimal().negate() : BigDecimal.ZERO;
            charge("borrow", shorts, rates.borrowRate(), days, day);
            charge("interest", borrowed, rates.financingRate(), days, day);
        }
        day = today;
    }

    private void charge(String kind, BigDecimal base, BigDecimal rate, long days, LocalDate from) {
        if (base.signum() == 0 || rate.signum() == 0) {
            return;
        }
        BigDecimal amount = base.multiply(rate).multiply(BigDecimal.valueOf(days)).divide(DAYS_A_YEAR, SCALE, RoundingMode.HALF_EVEN);
        if (amount.signum() > 0) {
            oms.charge(account, Money.of(amount), kind + " for " + days + " day(s) from " + from);
            report.onOvernightCharge(kind, Money.of(amount));
        }
    }
}
