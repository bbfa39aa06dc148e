package io.quiver.matching;

import java.util.Objects;

/**
 * Trading rules of one book: tick and lot size in units, the market-order protection band in ticks,
 * and the per-account self-trade prevention and fee rates (in millionths: 1 bp = 100).
 */
public record BookRules(long tickSize, long lotSize, long marketBandTicks, Accounts accounts) {

    public BookRules {
        if (tickSize <= 0 || lotSize <= 0 || marketBandTicks < 0) {
            throw new IllegalArgumentException("tick and lot size must be positive and the band not negative");
        }
        Objects.requireNonNull(accounts, "accounts");
    }

    /** Per-account rules; called on the matching thread, so keep them to array or field lookups. */
    public interface Accounts {
        SelfTradePrevention selfTradePrevention(long account);

        long makerFeeRate(long account);

        long takerFeeRate(long account);
    }

    /** The same rules for every account. */
    public static Accounts uniform(SelfTradePrevention stp, long makerFeeRate, long takerFeeRate) {
        return new Accounts() {
            @Override
            public SelfTradePrevention selfTradePrevention(long account) {
                return stp;
            }

            @Override
            public long makerFeeRate(long account) {
                return makerFeeRate;
            }

            @Override
            public long takerFeeRate(long account) {
                return takerFeeRate;
            }
        };
    }
}
