package io.quiver.venue.exchange.internal;

import io.quiver.matching.SelfTradePrevention;
import io.quiver.sdk.spi.VenueFactory;
import io.quiver.sdk.spi.VenueSettings;
import io.quiver.sdk.spi.VenueSetup;
import io.quiver.venue.exchange.ExchangeVenue;
import io.quiver.venue.exchange.MarketSimulation;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    static final Set<String> SETTINGS = Set.of("levels", "level.lots", "noise.lots", "seed", "band.ticks", "self.trade", "account.self.trade",
            "maker.rate", "taker.rate", "account.fees", "fee.bps");

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
        VenueSettings s = new VenueSettings(type(), setup, SETTINGS);
        SelfTradePrevention stp = s.choice("self.trade", SelfTradePrevention.class, SelfTradePrevention.CANCEL_NEWEST);
        Map<String, SelfTradePrevention> stpByAccount = new HashMap<>();
        for (String one : entries(s.text("account.self.trade", ""))) {
            String[] f = one.split(":");
            if (f.length != 2) {
                throw new IllegalArgumentException("account.self.trade: '" + one + "' is not <strategy id>:<mode>");
            }
            try {
                stpByAccount.put(f[0].trim(), SelfTradePrevention.valueOf(f[1].trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("account.self.trade: '" + f[1].trim() + "' is not one of "
                        + java.util.Arrays.toString(SelfTradePrevention.values()));
            }
        }
        Map<String, ExchangeVenue.FeeTier> tiers = new HashMap<>();
        for (String one : entries(s.text("account.fees", ""))) {
            String[] f = one.split(":");
            try {
                tiers.put(f[0].trim(), new ExchangeVenue.FeeTier(Long.parseLong(f[1].trim()), Long.parseLong(f[2].trim())));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("account.fees: '" + one + "' is not <strategy id>:<maker rate>:<taker rate>");
            }
        }
        long maker = s.whole("maker.rate", 0, 0);
        long taker = s.whole("taker.rate", 0, 0);
        if (setup.settings().containsKey("fee.bps")) {
            if (setup.settings().containsKey("maker.rate") || setup.settings().containsKey("taker.rate")) {
                throw new IllegalArgumentException("fee.bps: give either fee.bps or maker.rate and taker.rate, not both");
            }
            BigDecimal bps = s.decimal("fee.bps", "0", BigDecimal.ZERO);
            try {
                maker = bps.movePointRight(2).longValueExact(); // bps to millionths
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("fee.bps: the exchange takes fees in hundredths of a basis point, got " + bps.toPlainString());
            }
            taker = maker;
        }
        MarketSimulation market = new MarketSimulation((int) s.whole("levels", 5, 1), s.whole("level.lots", 100, 1), s.whole("noise.lots", 300, 0),
                s.whole("seed", 42, Long.MIN_VALUE));
        ExchangeVenue venue = new ExchangeVenue(setup.id(), market, s.whole("band.ticks", 50, 1), stp, stpByAccount,
                new ExchangeVenue.FeeTier(maker, taker), tiers, setup.store());
        setup.instruments().forEach(venue::addInstrument);
        return venue;
    }

    /** The entries of a list setting: comma-separated. */
    private static List<String> entries(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
