package io.quiver.engine.internal;

import io.quiver.sdk.spi.InstrumentMaster;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instrument master from {@code etc/io.quiver.instruments.cfg} (one entry per symbol; see
 * {@link InstrumentMaster}), registered as a service for the feeds. An edit of the file replaces it, and
 * the feeds built on it start again with the new rules. A file with a mistake registers nothing: the
 * error names the symbol and the key, and the feeds wait until it is fixed rather than trade on guesses.
 */
// The service is registered by hand (nothing for a file with a mistake), so the bundle declares it for the resolver itself.
@org.osgi.annotation.bundle.Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.quiver.sdk.spi.InstrumentMaster\"")
@Component(service = {}, configurationPid = InstrumentMasterComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class InstrumentMasterComponent {
    static final String PID = "io.quiver.instruments";
    private static final Logger LOG = LoggerFactory.getLogger(InstrumentMasterComponent.class);
    /** Properties Configuration Admin, Declarative Services and File Install add to every configuration. */
    private static final java.util.regex.Pattern FRAMEWORK_KEYS = java.util.regex.Pattern.compile("(service|component|osgi|felix|objectClass)\\.|\\.|objectClass$");
    private final ServiceRegistration<InstrumentMaster> registration;

    @Activate
    public InstrumentMasterComponent(Map<String, Object> properties, BundleContext context) {
        ServiceRegistration<InstrumentMaster> r = null;
        try {
            InstrumentMaster master = InstrumentMaster.parse(entries(properties), "etc/" + PID + ".cfg");
            r = context.registerService(InstrumentMaster.class, master, null);
            LOG.info("instrument master: {} instrument(s) {}", master.instruments().size(),
                    master.instruments().stream().map(i -> i.id().symbol()).toList());
        } catch (IllegalArgumentException e) {
            LOG.error("instrument master refused, feeds wait until it is fixed: {}", e.getMessage());
        }
        this.registration = r;
    }

    /** The entries of the configuration: every property but those Configuration Admin, DS and File Install add. */
    static Map<String, String> entries(Map<String, Object> properties) {
        Map<String, String> entries = new TreeMap<>();
        properties.forEach((k, v) -> {
            if (!FRAMEWORK_KEYS.matcher(k).lookingAt()) {
                entries.put(k, String.valueOf(v));
            }
        });
        return entries;
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }
}
