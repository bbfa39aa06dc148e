package io.quiver.store.internal;

import io.quiver.oms.JournalStore;
import io.quiver.oms.OrderJournal;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The journals of the order manager and the simulated venue, under {@code ${karaf.data}/quiver/} unless configured. */
@Component(service = JournalStore.class, configurationPid = "io.quiver.journal")
@Designate(ocd = JournalStoreComponent.Config.class)
public final class JournalStoreComponent implements JournalStore {

    @ObjectClassDefinition(name = "Quiver journals")
    public @interface Config {
        @AttributeDefinition(description = "Folder of the journal files; relative paths are under the Karaf data folder")
        String folder() default "quiver";

        @AttributeDefinition(description = "Wait for the disk on every commit (survives power loss, slower); "
                + "without it a commit survives a crash of the process")
        boolean fsync() default false;
    }

    private final MapDbJournals journals;

    @Activate
    public JournalStoreComponent(Config config) {
        Path data = Path.of(System.getProperty("karaf.data", "data"));
        this.journals = new MapDbJournals(data.resolve(config.folder()), config.fsync());
    }

    @Override
    public OrderJournal open(String name) {
        return journals.open(name);
    }

    @Deactivate
    void deactivate() {
        journals.close();
    }
}
