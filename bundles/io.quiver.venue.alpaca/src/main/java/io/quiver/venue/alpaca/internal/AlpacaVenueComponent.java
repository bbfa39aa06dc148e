package io.quiver.venue.alpaca.internal;

import io.quiver.sdk.spi.Secrets;
import io.quiver.sdk.spi.Venue;
import io.quiver.venue.alpaca.AlpacaSettings;
import io.quiver.venue.alpaca.AlpacaVenue;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One REST/WebSocket broker venue per factory configuration ({@code etc/io.quiver.venue.alpaca-<name>.cfg}),
 * registered as the venue service {@code venue.id}. A configuration that cannot be used is one line in the
 * log naming the key, and no venue.
 */
// The service is registered by hand, so the bundle declares it for the resolver itself.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.quiver.sdk.spi.Venue\"")
@Component(service = {}, configurationPid = "io.quiver.venue.alpaca", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AlpacaVenueComponent.Config.class, factory = true)
public final class AlpacaVenueComponent {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaVenueComponent.class);

    @ObjectClassDefinition(name = "Quiver REST/WebSocket broker venue", description = "A broker account (Alpaca's trading API) that strategies trade through")
    public @interface Config {
        @AttributeDefinition(description = "The venue id strategies name in their venue setting")
        String venue_id() default "alpaca";

        @AttributeDefinition(description = "The trading API's base URL, e.g. https://paper-api.alpaca.markets")
        String rest_url() default "";

        @AttributeDefinition(description = "The trade_updates stream, e.g. wss://paper-api.alpaca.markets/stream")
        String stream_url() default "";

        @AttributeDefinition(description = "The API key id, encrypted: ENC(...) as secret:encrypt gives it", type = AttributeType.PASSWORD)
        String key_id() default "";

        @AttributeDefinition(description = "The API secret key, encrypted: ENC(...)", type = AttributeType.PASSWORD)
        String secret_key() default "";

        @AttributeDefinition(description = "Waits between stream reconnection attempts in seconds, the last one repeated")
        int[] reconnect_seconds() default {1, 2, 5, 10, 30};

        @AttributeDefinition(description = "How long one REST request may take, in seconds")
        int request_seconds() default 10;

        @AttributeDefinition(description = "Seconds of silence after which the stream is pinged; silent for twice that, it is connected again")
        double heartbeat_seconds() default 15;
    }

    private final AlpacaVenue venue;
    private final ServiceRegistration<?> registration;

    @Activate
    public AlpacaVenueComponent(Config c, BundleContext context) {
        AlpacaSettings settings;
        try {
            settings = settings(c, Path.of(System.getProperty("karaf.data", "data")).resolve("quiver").resolve("alpaca"), Secrets.keyFile());
        } catch (IllegalArgumentException e) {
            LOG.error("broker venue {} not started: {}", c.venue_id(), e.getMessage());
            venue = null;
            registration = null;
            return;
        }
        venue = new AlpacaVenue(settings, Secrets.keyFile());
        registration = context.registerService(new String[] {Venue.class.getName()}, venue, new Hashtable<>(Map.of(Venue.ID_PROPERTY, venue.id())));
    }

    /** The settings of a configuration; a value that cannot be used is an {@link IllegalArgumentException} naming its key. */
    static AlpacaSettings settings(Config c, Path stores, Path keyFile) {
        AlpacaSettings s = new AlpacaSettings(c.venue_id(), url("rest.url", c.rest_url()), url("stream.url", c.stream_url()), c.key_id(),
                c.secret_key(), c.reconnect_seconds(), c.request_seconds(), Math.round(c.heartbeat_seconds() * 1000), stores.resolve(c.venue_id().replaceAll("[^A-Za-z0-9_-]", "_")));
        // opened now, so that a key mismatch is found at start, not at the first order
        Secrets.decrypt("key.id", s.keyId(), keyFile);
        Secrets.decrypt("secret.key", s.secretKey(), keyFile);
        return s;
    }

    private static URI url(String key, String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(key + ": required");
        }
        try {
            return new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a URL");
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            venue.close();
        }
    }
}
