package io.quiver.venue.sim.internal;

import io.quiver.sdk.spi.VenueFactory;
import io.quiver.sdk.costs.CommissionModel;
import io.quiver.sdk.costs.Commissions;
import io.quiver.sdk.costs.SlippageModel;
import io.quiver.sdk.costs.Slippages;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.spi.TypedSettings;
import io.quiver.sdk.spi.TypedSettings.SettingException;
import io.quiver.sdk.spi.VenueSetup;
import io.quiver.venue.sim.BarFillSimulator;
import io.quiver.venue.sim.FillCosts;
import java.math.BigDecimal;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Builds the bar-fill venue with its costs: a commission model ({@code commission} and its keys), a
 * minimum per order, a slippage model ({@code slippage} and its keys) and a largest share of a bar's
 * volume ({@code volume.share.max}). Also a {@link java.util.ServiceLoader} provider.
 */
@Component(service = VenueFactory.class, property = VenueFactory.TYPE_PROPERTY + "=sim")
public final class SimVenueFactory implements VenueFactory {
    /** The commission models; see {@code docs/operator-guide.md}. */
    public enum CommissionType {
        NONE, BPS, PER_SHARE, TIERED, MAKER_TAKER
    }

    /** The slippage models. */
    public enum SlippageType {
        NONE, FIXED_BPS, HALF_SPREAD, VOLUME_SHARE
    }

    /** What the venue is built from; the default methods give the defaults. */
    public interface Settings {
        /** Basis points of the notional, at least 0 (the {@code BPS} commission). */
        default BigDecimal fee_bps() {
            return BigDecimal.ZERO;
        }

        default CommissionType commission() {
            return CommissionType.BPS;
        }

        default BigDecimal commission_per_share() {
            return BigDecimal.ZERO;
        }

        /** {@code <monthly volume from>:<rate per share>}, comma-separated, the first from 0 ({@code TIERED}). */
        default List<String> commission_tiers() {
            return List.of();
        }

        /** The most a fill pays, in percent of its notional ({@code PER_SHARE}, {@code TIERED}); 100 is no cap. */
        default BigDecimal commission_max_percent() {
            return new BigDecimal("100");
        }

        default BigDecimal commission_maker_bps() {
            return BigDecimal.ZERO;
        }

        default BigDecimal commission_taker_bps() {
            return BigDecimal.ZERO;
        }

        /** The least an order pays over all its fills, in the account currency. */
        default BigDecimal commission_order_min() {
            return BigDecimal.ZERO;
        }

        default SlippageType slippage() {
            return SlippageType.NONE;
        }

        default BigDecimal slippage_bps() {
            return BigDecimal.ZERO;
        }

        /** The spread assumed where no quote was seen ({@code HALF_SPREAD}), in basis points. */
        default BigDecimal slippage_spread_bps() {
            return BigDecimal.ZERO;
        }

        default BigDecimal slippage_impact() {
            return new BigDecimal("0.1");
        }

        /** What orders fill from: BARS, or TICKS (quotes at their bid and ask, and trade prints). */
        default io.quiver.venue.sim.BarFillSimulator.FillsFrom fills_from() {
            return io.quiver.venue.sim.BarFillSimulator.FillsFrom.BARS;
        }

        /** The largest share of a bar's volume its orders may fill, e.g. 0.025; 0 is no limit. */
        default BigDecimal volume_share_max() {
            return BigDecimal.ZERO;
        }
    }

    @Override
    public String type() {
        return "sim";
    }

    @Override
    public String description() {
        return "fills from bars: market at the next open, limits, stops, stop-limits and trailing stops when the bar reaches them";
    }

    @Override
    public BarFillSimulator create(VenueSetup setup) {
        Settings s = TypedSettings.of(Settings.class, setup.settings(), "venue " + type());
        unusedKeys(setup.settings().keySet(), s);
        BarFillSimulator venue = new BarFillSimulator(setup.id(), costs(s), setup.store());
        venue.fillFrom(s.fills_from());
        setup.instruments().forEach(venue::addInstrument);
        return venue;
    }

    @Override
    public java.util.Map<String, String> tickSettings() {
        return java.util.Map.of("fills.from", "TICKS");
    }

    /** Which model each model-specific key belongs to: a key the chosen model does not read is a mistake, not a no-op. */
    private static final java.util.Map<String, String> MODEL_OF_KEY = java.util.Map.of(
            "fee.bps", "commission BPS", "commission.per.share", "commission PER_SHARE", "commission.tiers", "commission TIERED",
            "commission.max.percent", "commission PER_SHARE or TIERED", "commission.maker.bps", "commission MAKER_TAKER",
            "commission.taker.bps", "commission MAKER_TAKER", "slippage.bps", "slippage FIXED_BPS",
            "slippage.spread.bps", "slippage HALF_SPREAD", "slippage.impact", "slippage VOLUME_SHARE");

    private static void unusedKeys(java.util.Set<String> given, Settings s) {
        for (String key : new java.util.TreeSet<>(given)) {
            String model = MODEL_OF_KEY.get(key);
            if (model == null) {
                continue;
            }
            String chosen = model.startsWith("commission") ? "commission " + s.commission() : "slippage " + s.slippage();
            boolean used = java.util.Arrays.stream(model.substring(model.indexOf(' ') + 1).split(" or "))
                    .anyMatch(m -> chosen.endsWith(" " + m));
            if (!used) {
                throw new SettingException(key, "is read only with " + model + ", not with " + chosen);
            }
        }
    }

    static FillCosts costs(Settings s) {
        CommissionModel commission = switch (s.commission()) {
            case NONE -> Commissions.none();
            case BPS -> atLeastZero("fee.bps", s.fee_bps()).signum() == 0 ? Commissions.none() : Commissions.percentOfNotional(s.fee_bps());
            case PER_SHARE -> Commissions.perShare(atLeastZero("commission.per.share", s.commission_per_share()), cap(s));
            case TIERED -> Commissions.tieredPerShare(tiers(s.commission_tiers()), cap(s));
            case MAKER_TAKER -> {
                try {
                    yield Commissions.makerTaker(s.commission_maker_bps(), s.commission_taker_bps());
                } catch (IllegalArgumentException e) {
                    throw new SettingException("commission.maker.bps", e.getMessage());
                }
            }
        };
        SlippageModel slippage = switch (s.slippage()) {
            case NONE -> Slippages.none();
            case FIXED_BPS -> Slippages.fixedBps(atLeastZero("slippage.bps", s.slippage_bps()));
            case HALF_SPREAD -> Slippages.halfSpread(atLeastZero("slippage.spread.bps", s.slippage_spread_bps()));
            case VOLUME_SHARE -> Slippages.volumeShare(atLeastZero("slippage.impact", s.slippage_impact()));
        };
        BigDecimal share = atLeastZero("volume.share.max", s.volume_share_max());
        if (share.compareTo(BigDecimal.ONE) > 0) {
            throw new SettingException("volume.share.max", "must be at most 1 (all of a bar's volume), was " + share.toPlainString());
        }
        return new FillCosts(commission, Money.of(atLeastZero("commission.order.min", s.commission_order_min())), slippage,
                share.signum() == 0 ? null : share);
    }

    private static BigDecimal cap(Settings s) {
        BigDecimal cap = atLeastZero("commission.max.percent", s.commission_max_percent());
        return cap.compareTo(new BigDecimal("100")) >= 0 ? null : cap;
    }

    private static java.util.Map<BigDecimal, BigDecimal> tiers(List<String> entries) {
        java.util.Map<BigDecimal, BigDecimal> tiers = new java.util.TreeMap<>();
        for (String one : entries) {
            String[] f = one.split(":");
            try {
                tiers.put(new BigDecimal(f[0].trim()), new BigDecimal(f[1].trim()));
            } catch (RuntimeException e) {
                throw new SettingException("commission.tiers", "'" + one + "' is not <monthly volume from>:<rate per share>");
            }
        }
        if (tiers.isEmpty() || ((java.util.TreeMap<BigDecimal, BigDecimal>) tiers).firstKey().signum() != 0) {
            throw new SettingException("commission.tiers", "the first tier must start at a monthly volume of 0, e.g. 0:0.0035,300000:0.002");
        }
        return tiers;
    }

    private static BigDecimal atLeastZero(String key, BigDecimal v) {
        if (v.signum() < 0) {
            throw new SettingException(key, "must be at least 0, was " + v.toPlainString());
        }
        return v;
    }
}
