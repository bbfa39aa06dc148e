package io.quiver.feed.alpaca.internal;

import io.quiver.feed.alpaca.AlpacaFeed;
import io.quiver.feed.alpaca.AlpacaFeedSettings;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.spi.InstrumentMaster;
import io.quiver.sdk.spi.MarketDataFeed;
import io.quiver.sdk.spi.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live market-data feed per factory configuration ({@code etc/io.quiver.feed.alpaca-<name>.cfg}),
 * registered as the feed service {@code feed.id}. A configuration that cannot be used is one line in the
 * log naming the key, and no feed.
 */
// The service is registered by hand, so the bundle declares it for the resolver itself.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.quiver.sdk.spi.MarketDataFeed\"")
@Component(service = {}, configurationPid = "io.quiver.feed.alpaca", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AlpacaFeedComponent.Config.class, factory = true)
public final class AlpacaFeedComponent {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaFeedComponent.class);

    @ObjectClassDefinition(name = "Quiver WebSocket market-data feed", description = "Live trades, quotes and minute bars (Alpaca's stock data stream)")
    public @interface Config {
        @AttributeDefinition(description = "The feed id strategies name in their feed setting")
        String feed_id() default "alpaca";

        @AttributeDefinition(description = "The stream, e.g. wss://stream.data.alpaca.markets/v2/iex")
        String url() default "";

        @AttributeDefinition(description = "The API key id, encrypted: ENC(...)", type = AttributeType.PASSWORD)
        String key_id() default "";

        @AttributeDefinition(description = "The API secret key, encrypted: ENC(...)", type = AttributeType.PASSWORD)
        String secret_key() default "";

        @AttributeDefinition(description = "Symbols to subscribe to")
        String[] instruments() default {};

        @AttributeDefinition(description = "Channels: trades, quotes, bars")
        String[] channels() default {"trades", "quotes", "bars"};

        @AttributeDefinition(description = "Waits between reconnections in seconds, the last one repeated")
        int[] reconnect_seconds() default {1, 2, 5, 10, 30};

        @AttributeDefinition(description = "Seconds of silence after which the stream is pinged; silent for twice that, it is connected again")
        double heartbeat_seconds() default 15;
    }

    private final AlpacaFeed feed;
    private final ServiceRegistration<?> registration;

    @Activate
    public AlpacaFeedComponent(Config c, BundleContext context, @Reference InstrumentMaster master) {
        AlpacaFeedSettings settings;
        try {
            settings = settings(c, master, Secrets.keyFile());
        } catch (IllegalArgumentException e) {
            LOG.error("feed {} not started: {}", c.feed_id(), e.getMessage());
            feed = null;
            registration = null;
            return;
        }
        feed = new AlpacaFeed(settings, Secrets.keyFile());
        registration = context.registerService(new String[] {MarketDataFeed.class.getName()}, feed,
                new Hashtable<>(Map.of(MarketDataFeed.ID_PROPERTY, feed.id())));
    }

    /** The settings of a configuration; a value that cannot be used is an {@link IllegalArgumentException} naming its key. */
    static AlpacaFeedSettings settings(Config c, InstrumentMaster master, Path keyFile) {
        if (c.url().isBlank()) {
            throw new IllegalArgumentException("url: required");
        }
        URI url;
        try {
            url = new URI(c.url().trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url: '" + c.url() + "' is not a URL");
        }
        // a .cfg file gives a list as one comma-separated string
        List<String> symbols = split(c.instruments());
        List<String> channels = split(c.channels()).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        for (String ch : channels) {
            if (!Set.of("trades", "quotes", "bars").contains(ch)) {
                throw new IllegalArgumentException("channels: '" + ch + "' is not one of trades, quotes, bars");
            }
        }
        List<Instrument> instruments = symbols.stream()
                .map(s -> master.resolve(new Instrument(InstrumentId.of(s), Price.ofUnits(1, 2), Qty.of(1), "USD"))).toList();
        AlpacaFeedSettings s = new AlpacaFeedSettings(c.feed_id(), url, c.key_id(), c.secret_key(), instruments, channels.contains("trades"),
                channels.contains("quotes"), channels.contains("bars"), c.reconnect_seconds(), Duration.ofMillis(Math.round(c.heartbeat_seconds() * 1000)));
        Secrets.decrypt("key.id", s.keyId(), keyFile); // opened now, so that a key mismatch is found at start
        Secrets.decrypt("secret.key", s.secretKey(), keyFile);
        return s;
    }

    private static List<String> split(String[] values) {
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            feed.stop();
        }
    }
}
