package io.quiver.feed.synthetic.internal;

import io.quiver.sdk.spi.MarketDataFeed;
import io.quiver.sdk.venuekit.FeedContract;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The feed contract over the synthetic feed, two instruments, a bar every 10 ms. */
class SyntheticFeedContractTest extends FeedContract {
    @TempDir
    Path dir;

    private record Fast() implements SyntheticFeedComponent.Config {
        @Override
        public String[] instruments() {
            return new String[] {"SYN1", "SYN2"};
        }

        @Override
        public String interval() {
            return "PT0.01S";
        }

        @Override
        public String start_price() {
            return "100.00";
        }

        @Override
        public double volatility() {
            return 0.8;
        }

        @Override
        public double drift() {
            return 0;
        }

        @Override
        public long seed() {
            return 42;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return SyntheticFeedComponent.Config.class;
        }
    }

    @Override
    protected MarketDataFeed createFeed() {
        return new SyntheticFeedComponent(new Fast(), dir.resolve("prices"));
    }
}
