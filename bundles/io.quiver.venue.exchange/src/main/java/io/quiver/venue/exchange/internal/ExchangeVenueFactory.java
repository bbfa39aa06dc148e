package io.quiver.venue.exchange.internal;

import io.quiver.matching.SelfTradePrevention;
import io.quiver.sdk.spi.VenueFactory;
import io.quiver.sdk.spi.TypedSettings;
import io.quiver.sdk.spi.TypedSettings.SettingException;
import io.quiver.sdk.spi.VenueSetup;
import io.quiver.venue.exchange.ExchangeVenue;
import io.quiver.venue.exchange.MarketSimulation;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Builds the simulated exchange: a real order book per instrument with seeded market makers and noise
 * traders. Settings (defaults as in {@code etc/io.quiver.venue.exchange.cfg}): {@code levels},
 * {@code level.lots}, {@code noise.lots}, {@code seed}, {@code band.ticks}, {@code self.trade},
 * {@code account.self.trade}, {@code maker.rate}, {@code taker.rate} (millionths of the notional),
 * {@code account.fees}, or {@code fee.bps} for both rates at once. Also a {@link java.util.ServiceLoader} provider.
 */
@Component(service = VenueFactory.class, property = VenueFactory.TYPE_PROPERTY + "=exchange")
public final class ExchangeVenueFactory implements VenueFactory {
    /** What the exchange is built from; the default methods give the defaults. */
    public interface Settings {
        default int levels() {
            return 5;
        }

        default long level_lots() {
            return 100;
        }

        default long noise_lots() {
            return 300;
        }

        default long seed() {
            return 42;
        }

        default long band_ticks() {
            return 50;
        }

        default SelfTradePrevention self_trade() {
            return SelfTradePrevention.CANCEL_NEWEST;
        }

        /** {@code <strategy id>:<mode>}, comma-separated. */
        default List<String> account_self_trade() {
            return List.of();
        }

        /** Millionths of the notional. */
        default long maker_rate() {
            return 0;
        }

        default long taker_rate() {
            return 0;
        }

        /** {@code <strategy id>:<maker rate>:<taker rate>}, comma-separated. */
        default List<String> account_fees() {
            return List.of();
        }

        /** Both rates at once, in basis points, in place of {@code maker.rate} and {@code taker.rate} when given. */
        default BigDecimal fee_bps() {
            return BigDecimal.ZERO;
        }
    }

    @Override
    public String type() {
        return "exchange";
    }

    @Override
    public String description() {
        return "a matching engine with seeded market makers and noise traders; stops rest in the book";
    }

    @Override
    public ExchangeVenue create(VenueSetup setup) {
        Settings s = TypedSettings.of(Settings.class, setup.settings(), "venue " + type());
        Map<String, SelfTradePrevention> stpByAccount = new HashMap<>();
        for (String one : s.account_self_trade()) {
            String[] f = one.split(":");
            if (f.length != 2) {
                throw new SettingException("account.self.trade", "'" + one + "' is not <strategy id>:<mode>");
            }
            try {
                stpByAccount.put(f[0].trim(), SelfTradePrevention.valueOf(f[1].trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new SettingException("account.self.trade", "'" + f[1].trim() + "' is not one of "
                        + java.util.Arrays.toString(SelfTradePrevention.values()));
            }
        }
        Map<String, ExchangeVenue.FeeTier> tiers = new HashMap<>();
        for (String one : s.account_fees()) {
            String[] f = one.split(":");
            try {
                tiers.put(f[0].trim(), new ExchangeVenue.FeeTier(Long.parseLong(f[1].trim()), Long.parseLong(f[2].trim())));
            } catch (RuntimeException e) {
                throw new SettingException("account.fees", "'" + one + "' is not <strategy id>:<maker rate>:<taker rate>");
            }
        }
        long maker = atLeast("maker.rate", s.maker_rate(), 0);
        long taker = atLeast("taker.rate", s.taker_rate(), 0);
        if (setup.settings().containsKey("fee.bps")) {
            if (setup.settings().containsKey("maker.rate") || setup.settings().containsKey("taker.rate")) {
                throw new SettingException("fee.bps", "give either fee.bps or maker.rate and taker.rate, not both");
            }
            BigDecimal bps = s.fee_bps();
            if (bps.signum() < 0) {
                throw new SettingException("fee.bps", "must be at least 0, was " + bps.toPlainString());
            }
            try {
                maker = bps.movePointRight(2).longValueExact(); // bps to millionths
            } catch (ArithmeticException e) {
                throw new SettingException("fee.bps", "the exchange takes fees in hundredths of a basis point, got " + bps.toPlainString());
            }
            taker = maker;
        }
        MarketSimulation market = new MarketSimulation((int) atLeast("levels", s.levels(), 1), atLeast("level.lots", s.level_lots(), 1),
                atLeast("noise.lots", s.noise_lots(), 0), s.seed());
        ExchangeVenue venue = new ExchangeVenue(setup.id(), market, atLeast("band.ticks", s.band_ticks(), 1), s.self_trade(), stpByAccount,
                new ExchangeVenue.FeeTier(maker, taker), tiers, setup.store());
        setup.instruments().forEach(venue::addInstrument);
        return venue;
    }

    private static long atLeast(String key, long value, long min) {
        if (value < min) {
            throw new SettingException(key, "must be at least " + min + ", was " + value);
        }
        return value;
    }
}
