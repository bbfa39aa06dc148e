package io.quiver.feed.synthetic.internal;

import io.quiver.feed.synthetic.GbmBarGenerator;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.spi.BarSourceFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.osgi.service.component.annotations.Component;

/**
 * Seeded one-minute GBM bars for backtests: {@code synthetic:<bars>[:<seed>]} (seed 42 by default), from
 * 100.00 on 2020-01-01, each stamped at its close. Also a {@link java.util.ServiceLoader} provider.
 */
@Component(service = BarSourceFactory.class, property = BarSourceFactory.TYPE_PROPERTY + "=synthetic")
public final class SyntheticBarSourceFactory implements BarSourceFactory {
    static final String PREFIX = "synthetic:";

    @Override
    public String type() {
        return "synthetic";
    }

    @Override
    public String description() {
        return "seeded one-minute GBM bars: synthetic:<bars>[:<seed>]";
    }

    @Override
    public boolean reads(String data) {
        return data.startsWith(PREFIX);
    }

    @Override
    public BarData open(String data, Path home) {
        long[] spec = spec(data);
        return new BarData(new GbmBarGenerator(Instrument.of("SYN", 2, "USD"), Price.of("100.00"), 0.05, 0.3, Duration.ofMinutes(1), 4,
                Instant.parse("2020-01-01T00:00:00Z"), spec[1]).series((int) spec[0]), PREFIX + spec[0] + ":" + spec[1], "n/a (seeded)");
    }

    /** {bars, seed} of a {@code synthetic:<bars>[:<seed>]} argument. */
    static long[] spec(String data) {
        String[] f = data.substring(PREFIX.length()).split(":");
        try {
            long bars = Long.parseLong(f[0].trim());
            long seed = f.length > 1 ? Long.parseLong(f[1].trim()) : 42;
            if (bars < 1 || bars > 50_000_000 || f.length > 2) {
                throw new NumberFormatException();
            }
            return new long[] {bars, seed};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("data: '" + data + "' is not synthetic:<bars 1..50000000>[:<seed>]");
        }
    }
}
