package io.quiver.feed.synthetic.internal;

import io.quiver.sdk.spi.MarketDataFeed;
import io.quiver.sdk.venuekit.FeedContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The feed contract over the synthetic feed, two instruments, a bar every 10 ms. */
class SyntheticFeedContractTest extends FeedContract {
    @TempDir
    Path dir;

    @Override
    protected MarketDataFeed createFeed() {
        return new SyntheticFeedComponent(new TestFeedSettings("PT0.01S", "SYN1", "SYN2"), dir.resolve("prices"));
    }
}
