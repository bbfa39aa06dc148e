package io.quiver.backtest;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes allocators of one type from a plan's {@code allocator.*} settings. The built-in types are always
 * there; others come from bundles that register this service (or, outside OSGi, list it in
 * {@code META-INF/services/io.quiver.backtest.AllocatorFactory}).
 */
@ConsumerType
public interface AllocatorFactory {

    /** The name a plan's {@code allocator} key gives, e.g. {@code inverse-volatility}. */
    String type();

    /** One line on how it splits capital. */
    String description();

    /**
     * An allocator on {@code settings} (the plan's {@code allocator.*} keys, without the prefix). A setting
     * it does not read, or a bad value, is an {@link IllegalArgumentException} naming the key.
     */
    Allocator create(Map<String, String> settings);
}
