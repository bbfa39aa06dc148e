package io.quiver.venue.fix.internal;

import io.quiver.sdk.spi.Secrets;
import io.quiver.sdk.spi.Venue;
import io.quiver.venue.fix.FixSettings;
import io.quiver.venue.fix.FixVenue;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FIX venue per factory configuration ({@code etc/io.quiver.venue.fix-<name>.cfg}), registered as the
 * venue service {@code venue.id}. A configuration that cannot be used is one line in the log naming the
 * key, and no venue; orders for that venue id then wait for it as for any venue not installed.
 */
// The service is registered by hand, so the bundle declares it for the resolver itself.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.quiver.sdk.spi.Venue\"")
@Component(service = {}, configurationPid = "io.quiver.venue.fix", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = FixVenueComponent.Config.class, factory = true)
public final class FixVenueComponent {
    private static final Logger LOG = LoggerFactory.getLogger(FixVenueComponent.class);

    @ObjectClassDefinition(name = "Quiver FIX 4.4 venue", description = "A broker's FIX 4.4 session that strategies trade through")
    public @interface Config {
        @AttributeDefinition(description = "The venue id strategies name in their venue setting")
        String venue_id() default "fix";

        @AttributeDefinition(description = "The broker's host")
        String host() default "127.0.0.1";

        @AttributeDefinition(description = "The broker's port (required)")
        int port() default 0;

        @AttributeDefinition(description = "Our SenderCompID (required)")
        String sender_comp_id() default "";

        @AttributeDefinition(description = "The broker's TargetCompID (required)")
        String target_comp_id() default "";

        @AttributeDefinition(description = "Heartbeat interval in seconds")
        int heartbeat_seconds() default 30;

        @AttributeDefinition(description = "Waits between reconnection attempts in seconds, the last one repeated")
        int[] reconnect_seconds() default {1, 2, 5, 10, 30};

        @AttributeDefinition(description = "Start of the session's day, HH:mm:ss in session.zone (empty: a session that never resets)")
        String session_start() default "";

        @AttributeDefinition(description = "End of the session's day, HH:mm:ss in session.zone")
        String session_end() default "";

        @AttributeDefinition(description = "Time zone of the session times")
        String session_zone() default "UTC";

        @AttributeDefinition(description = "Username on the Logon (empty: none)")
        String username() default "";

        @AttributeDefinition(description = "Password on the Logon, encrypted: ENC(...) as secret:encrypt gives it (empty: none)",
                type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String password() default "";
    }

    private final FixVenue venue;
    private final ServiceRegistration<?> registration;

    @Activate
    public FixVenueComponent(Config c, BundleContext context) {
        FixSettings settings;
        try {
            settings = settings(c, Path.of(System.getProperty("karaf.data", "data")).resolve("quiver").resolve("fix"), Secrets.keyFile());
        } catch (IllegalArgumentException e) {
            LOG.error("FIX venue {} not started: {}", c.venue_id(), e.getMessage());
            venue = null;
            registration = null;
            return;
        }
        venue = new FixVenue(settings, Secrets.keyFile());
        registration = context.registerService(new String[] {Venue.class.getName()}, venue,
                new Hashtable<>(Map.of(Venue.ID_PROPERTY, venue.id())));
    }

    /** The settings of a configuration; a value that cannot be used is an {@link IllegalArgumentException} naming its key. */
    static FixSettings settings(Config c, Path stores, Path keyFile) {
        LocalTime start = time("session.start", c.session_start());
        LocalTime end = time("session.end", c.session_end());
        ZoneId zone;
        try {
            zone = ZoneId.of(c.session_zone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("session.zone: '" + c.session_zone() + "' is not a time zone such as UTC or America/New_York");
        }
        if (!c.venue_id().matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("venue.id: '" + c.venue_id() + "' is not an id: letters, digits, '-' and '_', up to 40");
        }
        FixSettings s = new FixSettings(c.venue_id(), c.host(), c.port(), c.sender_comp_id(), c.target_comp_id(), c.heartbeat_seconds(),
                c.reconnect_seconds(), start, end, zone, stores.resolve(c.venue_id()), c.username(), c.password());
        if (!s.password().isEmpty()) {
            Secrets.decrypt("password", s.password(), keyFile); // opens now, so that a key mismatch is found at start, not at the first Logon
        }
        return s;
    }

    private static LocalTime time(String key, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a time of day such as 08:00:00");
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
