package io.quiver.backtest;

import io.quiver.sdk.spi.VenueFactory;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The venue types a backtest can name, by type: the registered factories in the runtime, or those on the class path outside it. */
public final class VenueFactories {
    private final Map<String, VenueFactory> byType = new TreeMap<>();

    public VenueFactories(Collection<VenueFactory> factories) {
        factories.forEach(f -> byType.putIfAbsent(f.type(), f));
    }

    /** The factories {@link ServiceLoader} finds ({@code META-INF/services/io.quiver.sdk.spi.VenueFactory}): for runs outside OSGi. */
    public static VenueFactories onClassPath() {
        List<VenueFactory> found = ServiceLoader.load(VenueFactory.class, VenueFactories.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
        return new VenueFactories(found);
    }

    /** The factory of {@code type}; one that is not installed is an {@link IllegalArgumentException} that lists those that are. */
    public VenueFactory named(String type) {
        VenueFactory f = byType.get(type);
        if (f == null) {
            throw new IllegalArgumentException("venue: '" + type + "' is not installed; installed: " + byType.keySet());
        }
        return f;
    }

    public List<VenueFactory> all() {
        return List.copyOf(byType.values());
    }
}
