package io.quiver.store.internal;

import io.quiver.engine.StateStoreFactory;
import io.quiver.sdk.StateStore;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The state store service; its file lives under {@code ${karaf.data}/quiver/} unless configured. */
@Component(service = StateStoreFactory.class, configurationPid = "io.quiver.store")
@Designate(ocd = StateStoreComponent.Config.class)
public final class StateStoreComponent implements StateStoreFactory {

    @ObjectClassDefinition(name = "Quiver state store")
    public @interface Config {
        @AttributeDefinition(description = "State file; relative paths are under the Karaf data folder")
        String file() default "quiver/state.db";
    }

    private final MapDbStateStores stores;

    @Activate
    public StateStoreComponent(Config config) {
        Path data = Path.of(System.getProperty("karaf.data", "data"));
        this.stores = new MapDbStateStores(data.resolve(config.file()));
    }

    @Override
    public StateStore open(String instanceId) {
        return stores.open(instanceId);
    }

    @Deactivate
    void deactivate() {
        stores.close();
    }
}
