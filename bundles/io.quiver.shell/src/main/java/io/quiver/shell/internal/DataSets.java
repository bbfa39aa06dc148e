package io.quiver.shell.internal;

import io.quiver.catalog.DataCatalog;

/** Looks a data set up by name for the data: commands. */
final class DataSets {
    private DataSets() {
    }

    static DataCatalog.Entry named(DataCatalog catalog, String name) {
        return catalog.entry(name).orElseThrow(() -> new IllegalArgumentException("no data set '" + name + "' in the catalog; data:list shows what it holds"));
    }
}
