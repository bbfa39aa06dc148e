package io.quiver.engine.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens {@code deploy/} once the boot features are installed. Installing a bundle from {@code deploy/}
 * while Karaf installs its boot features can make the whole boot fail ("The origin update count has
 * changed since the replacement copy was created": both change the region digraph at once). So the
 * distribution starts the framework at start level {@value #CLOSED} ({@code etc/custom.properties}),
 * File Install watches {@code deploy/} from level {@value #OPEN} only, and this component raises the
 * level when Karaf registers its {@code BootFinished} service. Nothing of Quiver's own runs above 80.
 */
@Component(immediate = true)
public final class DeployFolderGate {
    static final int CLOSED = 90;
    static final int OPEN = 100;
    private static final Logger LOG = LoggerFactory.getLogger(DeployFolderGate.class);
    private final ServiceTracker<Object, Object> bootFinished;

    @Activate
    public DeployFolderGate(BundleContext context) throws InvalidSyntaxException {
        FrameworkStartLevel framework = context.getBundle(0).adapt(FrameworkStartLevel.class);
        // Karaf's class, found by name: the engine does not compile against Karaf.
        bootFinished = new ServiceTracker<>(context, context.createFilter("(objectClass=org.apache.karaf.features.BootFinished)"), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                if (framework.getStartLevel() < OPEN) {
                    LOG.info("boot features installed: deploy/ is open (start level {})", OPEN);
                    framework.setStartLevel(OPEN);
                }
                return reference;
            }
        };
        bootFinished.open(true);
    }

    @Deactivate
    void deactivate() {
        bootFinished.close();
    }
}
