package io.quiver.feed.synthetic.internal;

import io.quiver.feed.synthetic.GbmBarGenerator;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Quote;
import io.quiver.sdk.spi.InstrumentMaster;
import io.quiver.sdk.spi.MarketDataFeed;
import io.quiver.sdk.spi.MarketDataListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live synthetic feed, running while its configuration ({@code etc/io.quiver.feed.synthetic.cfg}) exists: every {@code interval} of real time it publishes one GBM bar per instrument,
 * then a quote one tick either side of its close, stamped with the time they are published. Seeded, so the price paths repeat from run to run.
 * A restart continues from where the feed left off ({@code data/quiver/feed-synthetic.prices}, see {@link LastPrices}): each
 * instrument from its last close, on a seed moved on by the bars it has published.
 */
@Component(service = MarketDataFeed.class, configurationPid = "io.quiver.feed.synthetic", configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = MarketDataFeed.ID_PROPERTY + "=synthetic")
@Designate(ocd = SyntheticFeedComponent.Config.class)
public final class SyntheticFeedComponent implements MarketDataFeed {
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticFeedComponent.class);

    @ObjectClassDefinition(name = "Quiver synthetic feed", description = "Seeded geometric Brownian motion bars, in real time")
    public @interface Config {
        @AttributeDefinition(description = "Instrument symbols")
        String[] instruments() default {"SYN1", "SYN2"};

        @AttributeDefinition(description = "Real time between bars (ISO-8601 duration); also each bar's length")
        String interval() default "PT1S";

        @AttributeDefinition(description = "Start price of every instrument")
        String start_price() default "100.00";

        @AttributeDefinition(description = "Annual volatility, e.g. 0.8")
        double volatility() default 0.8;

        @AttributeDefinition(description = "Annual drift")
        double drift() default 0.0;

        @AttributeDefinition(description = "Random seed; instrument i uses seed + i")
        long seed() default 42;
    }

    private final List<GbmBarGenerator> generators = new ArrayList<>();
    private final LastPrices lastPrices;
    private final java.util.Map<String, LastPrices.Last> last = new java.util.TreeMap<>();
    private final Duration interval;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService executor;
    private Instant lastTime = Instant.EPOCH;

    /** Instruments the master lists get its rules (tick, lot, minimum, currency, hours); others a tick at the start price's decimals and a lot of 1. */
    @Activate
    public SyntheticFeedComponent(Config config, @Reference InstrumentMaster master) {
        this(config, Path.of(System.getProperty("karaf.data", "data")).resolve("quiver").resolve("feed-synthetic.prices"), master);
    }

    /** The same, keeping where it left off in {@code pricesFile} (null: nowhere, always from the start price). */
    SyntheticFeedComponent(Config config, Path pricesFile) {
        this(config, pricesFile, InstrumentMaster.empty());
    }

    SyntheticFeedComponent(Config config, Path pricesFile, InstrumentMaster master) {
        this.lastPrices = new LastPrices(pricesFile);
        try {
            this.interval = Duration.parse(config.interval());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("interval: '" + config.interval() + "' is not an ISO-8601 duration such as PT1S");
        }
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("interval: must be at least 1 ms, was " + config.interval());
        }
        Price start;
        try {
            start = Price.of(config.start_price().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("start.price: '" + config.start_price() + "' is not a decimal number");
        }
        // A .cfg file gives the list as one comma-separated string.
        List<String> symbols = java.util.Arrays.stream(config.instruments()).flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::trim).filter(v -> !v.isEmpty()).toList();
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("instruments: at least one symbol is required");
        }
        java.util.Map<String, LastPrices.Last> before = lastPrices.read();
        int i = 0;
        for (String symbol : symbols) {
            Instrument instrument = master.resolve(new Instrument(InstrumentId.of(symbol), Price.ofUnits(1, start.scale()), Qty.of(1), "USD"));
            LastPrices.Last was = before.get(symbol);
            // A restart goes on from the last close, on a seed moved on by the bars already published (not the same path again).
            Price from = was == null ? start : was.close();
            long bars = was == null ? 0 : was.bars();
            generators.add(new GbmBarGenerator(instrument, from, config.drift(), config.volatility(), interval, 8, Instant.EPOCH,
                    config.seed() + i++ + bars * 1_000_003L));
            last.put(symbol, new LastPrices.Last(from, bars));
        }
        if (!before.isEmpty()) {
            LOG.info("synthetic feed continues from its last closes {} (delete {} to start again from {})", before, pricesFile, start);
        }
    }

    @Override
    public String id() {
        return "synthetic";
    }

    @Override
    public List<Instrument> instruments() {
        return generators.stream().map(GbmBarGenerator::instrument).toList();
    }

    @Override
    public synchronized void start(MarketDataListener listener) {
        if (executor != null) {
            throw new IllegalStateException("the synthetic feed is already started");
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "quiver-feed-synthetic"));
        executor.scheduleAtFixedRate(() -> publish(listener), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("synthetic feed started: {} every {}", instruments().stream().map(in -> in.id().symbol()).toList(), interval);
    }

    private void publish(MarketDataListener listener) {
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (!now.isAfter(lastTime)) {
                now = lastTime.plusMillis(1);
            }
            lastTime = now;
            for (GbmBarGenerator g : generators) {
                Bar b = g.next();
                String symbol = g.instrument().id().symbol();
                last.put(symbol, new LastPrices.Last(b.close(), last.get(symbol).bars() + 1));
                listener.onBar(new Bar(b.instrument(), now, b.open(), b.high(), b.low(), b.close(), b.volume()));
                listener.onQuote(quoteAround(g.instrument(), b.close(), now));
            }
            lastPrices.write(last);
        } catch (RuntimeException e) {
            // A listener fault must not cancel the schedule: log it and go on with the next bar.
            LOG.error("synthetic feed: publishing a bar failed", e);
        }
    }

    /** A quote one tick either side of the close (the bid never below one tick). */
    static Quote quoteAround(Instrument instrument, Price close, Instant time) {
        Price tick = instrument.tickSize();
        Price bid = close.compareTo(tick) > 0 ? close.minus(tick) : close;
        return new Quote(instrument.id(), time, bid, close.plus(tick), Qty.of(100), Qty.of(100));
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown(); // the bar being published is finished and saved, not interrupted
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Deactivate
    void deactivate() {
        stop();
    }
}
