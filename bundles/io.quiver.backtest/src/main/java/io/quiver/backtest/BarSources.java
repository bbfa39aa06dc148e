package io.quiver.backtest;

import io.quiver.sdk.spi.BarSourceFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The bar sources a backtest can read from: the registered {@link BarSourceFactory} services in the
 * runtime, or those on the class path outside it. A data argument goes to the first source that reads
 * it, sources of a prefix ({@code synthetic:}) before the file source.
 */
public final class BarSources {
    private final List<BarSourceFactory> sources = new ArrayList<>();

    public BarSources(Collection<BarSourceFactory> factories) {
        sources.addAll(factories);
        // the file source claims whatever no prefix claims: it goes last
        sources.sort(Comparator.comparing((BarSourceFactory f) -> f.type().equals("csv")).thenComparing(BarSourceFactory::type));
    }

    /** The sources {@link ServiceLoader} finds ({@code META-INF/services/io.quiver.sdk.spi.BarSourceFactory}): for runs outside OSGi. */
    public static BarSources onClassPath() {
        return new BarSources(ServiceLoader.load(BarSourceFactory.class, BarSources.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    /** Reads {@code data} with the first source that reads it. */
    public BarSourceFactory.BarData open(String data, Path home) {
        return sourceOf(data).open(data, home);
    }

    /** The first source that reads {@code data}; none is an {@link IllegalArgumentException} naming those installed. */
    public BarSourceFactory sourceOf(String data) {
        for (BarSourceFactory f : sources) {
            if (f.reads(data)) {
                return f;
            }
        }
        throw new IllegalArgumentException("data: no installed bar source reads '" + data + "'; installed: "
                + sources.stream().map(BarSourceFactory::type).toList());
    }

    public List<BarSourceFactory> all() {
        return List.copyOf(sources);
    }
}
