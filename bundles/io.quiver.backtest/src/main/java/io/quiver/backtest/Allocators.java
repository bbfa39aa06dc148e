package io.quiver.backtest;

import io.quiver.backtest.internal.allocators.BuiltInAllocators;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The allocator types a plan can name: the built-in ones, then those installed (which cannot replace a built-in one). */
public final class Allocators {
    private final Map<String, AllocatorFactory> byType = new TreeMap<>();

    public Allocators(Collection<AllocatorFactory> installed) {
        BuiltInAllocators.all().forEach(f -> byType.put(f.type(), f));
        installed.forEach(f -> byType.putIfAbsent(f.type(), f));
    }

    /** The built-in types and those {@link ServiceLoader} finds: for runs outside OSGi. */
    public static Allocators onClassPath() {
        return new Allocators(ServiceLoader.load(AllocatorFactory.class, Allocators.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    /** An allocator of {@code type}; an unknown type is an {@link IllegalArgumentException} listing the known ones. */
    public Allocator create(String type, Map<String, String> settings) {
        AllocatorFactory f = byType.get(type);
        if (f == null) {
            throw new IllegalArgumentException("allocator: '" + type + "' is not installed; installed: " + byType.keySet());
        }
        try {
            return f.create(settings);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("allocator." + e.getMessage(), e);
        }
    }

    public List<AllocatorFactory> all() {
        return List.copyOf(byType.values());
    }
}
