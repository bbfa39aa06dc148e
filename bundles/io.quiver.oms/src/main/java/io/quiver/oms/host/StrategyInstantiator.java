package io.quiver.oms.host;

import io.quiver.sdk.Strategy;
import io.quiver.sdk.spi.TypedSettings;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.TreeSet;

/**
 * Creates a fresh strategy object outside of Declarative Services (for backtests and tests): calls the
 * constructor that takes the strategy's configuration annotation, with the given parameters converted
 * to the annotation's types by {@link TypedSettings} (the OSGi converter), and defaults for the rest.
 * Parameter names follow the DS rules for configuration methods ({@code fee_bps()} is {@code fee.bps}).
 * Unknown names and bad values are refused with an {@link IllegalArgumentException} naming the parameter.
 */
public final class StrategyInstantiator {
    private StrategyInstantiator() {
    }

    public static Strategy instantiate(Class<?> type, Map<String, String> parameters) {
        if (!Strategy.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " does not implement " + Strategy.class.getName());
        }
        Constructor<?> configured = null;
        Constructor<?> plain = null;
        for (Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0].isAnnotation()) {
                configured = c;
            } else if (c.getParameterCount() == 0) {
                plain = c;
            }
        }
        try {
            if (configured != null) {
                Class<?> config = configured.getParameterTypes()[0];
                return (Strategy) configured.newInstance(config(config, parameters));
            }
            if (plain != null) {
                if (!parameters.isEmpty()) {
                    throw new IllegalArgumentException(type.getSimpleName() + " takes no parameters, got " + parameters.keySet());
                }
                return (Strategy) plain.newInstance();
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot create " + type.getName() + ": " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + ": " + e, e);
        }
        throw new IllegalArgumentException(type.getName() + " has no public constructor taking its configuration or nothing");
    }

    /** The parameter names a strategy class accepts, with their defaults as text, in name order. */
    public static Map<String, String> parameters(Class<?> type) {
        for (Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0].isAnnotation()) {
                return TypedSettings.keys(c.getParameterTypes()[0]);
            }
        }
        return Map.of();
    }

    /**
     * Checks the strategy's parameters among {@code values} (a live configuration, which also holds the
     * platform's and the framework's keys) the way a backtest converts them, so that a value the framework
     * would quietly turn into a default ({@code fast = ten}) is refused with its key instead.
     */
    public static void checkParameters(Class<?> type, Map<String, ?> values) {
        for (Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0].isAnnotation()) {
                Map<String, Object> own = new java.util.HashMap<>(values);
                own.keySet().retainAll(TypedSettings.keys(c.getParameterTypes()[0]).keySet());
                config(c.getParameterTypes()[0], own);
            }
        }
    }

    private static Object config(Class<?> config, Map<String, ?> parameters) {
        try {
            return TypedSettings.of(config, parameters, "the strategy");
        } catch (TypedSettings.SettingException e) {
            if (!TypedSettings.keys(config).containsKey(e.key())) {
                throw new IllegalArgumentException("unknown parameter '" + e.key() + "'; known: "
                        + String.join(", ", new TreeSet<>(TypedSettings.keys(config).keySet())));
            }
            String reason = e.reason();
            throw new IllegalArgumentException("parameter '" + e.key() + "'" + (reason.equals("is required") ? " " : ": ") + reason);
        }
    }
}
