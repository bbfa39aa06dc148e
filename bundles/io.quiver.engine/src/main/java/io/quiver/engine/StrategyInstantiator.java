package io.quiver.engine;

import io.quiver.sdk.Strategy;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates a fresh strategy object outside of Declarative Services (for backtests and tests): calls the
 * constructor that takes the strategy's configuration annotation, with the given parameters converted
 * to the annotation's types, and defaults for the rest. Parameter names follow the DS rules for
 * configuration methods ({@code fee_bps()} is {@code fee.bps}). Unknown names and bad values are refused
 * with an {@link IllegalArgumentException} naming the parameter.
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
                return (Strategy) configured.newInstance(configProxy(config, parameters));
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

    /** The parameter names a strategy class accepts, with their defaults as text, in declaration order. */
    public static Map<String, String> parameters(Class<?> type) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0].isAnnotation()) {
                for (Method m : c.getParameterTypes()[0].getDeclaredMethods()) {
                    Object d = m.getDefaultValue();
                    names.put(propertyName(m.getName()), d == null ? "" : d.getClass().isArray() ? Arrays.toString((Object[]) d) : d.toString());
                }
            }
        }
        return names;
    }

    /** The DS property name of a configuration method: {@code __} is {@code _}, {@code _} is {@code .}, {@code $} dropped. */
    static String propertyName(String method) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (c == '_') {
                if (i + 1 < method.length() && method.charAt(i + 1) == '_') {
                    b.append('_');
                    i++;
                } else {
                    b.append('.');
                }
            } else if (c == '$') {
                if (i + 1 < method.length() && method.charAt(i + 1) == '$') {
                    b.append('$');
                    i++;
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static Object configProxy(Class<?> config, Map<String, String> parameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> known = new TreeSet<>();
        for (Method m : config.getDeclaredMethods()) {
            String name = propertyName(m.getName());
            known.add(name);
            String text = parameters.get(name);
            values.put(m.getName(), text == null ? m.getDefaultValue() : convert(name, text, m.getReturnType()));
            if (values.get(m.getName()) == null) {
                throw new IllegalArgumentException("parameter '" + name + "' is required");
            }
        }
        for (String p : parameters.keySet()) {
            if (!known.contains(p)) {
                throw new IllegalArgumentException("unknown parameter '" + p + "'; known: " + String.join(", ", known));
            }
        }
        return Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] {config}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            return switch (method.getName()) {
                case "annotationType" -> config;
                case "toString" -> "@" + config.getName() + values;
                case "hashCode" -> values.hashCode();
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            };
        });
    }

    private static Object convert(String name, String text, Class<?> type) {
        String t = text.trim();
        try {
            if (type == String.class) {
                return text;
            }
            if (type == int.class) {
                return Integer.parseInt(t);
            }
            if (type == long.class) {
                return Long.parseLong(t);
            }
            if (type == boolean.class) {
                if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException();
                }
                return Boolean.parseBoolean(t);
            }
            if (type == String[].class) {
                return Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
            }
            if (type.isEnum()) {
                for (Object c : type.getEnumConstants()) {
                    if (((Enum<?>) c).name().equalsIgnoreCase(t)) {
                        return c;
                    }
                }
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter '" + name + "': '" + text + "' is not " + article(type));
        }
        throw new IllegalArgumentException("parameter '" + name + "' has a type strategies cannot use: " + type.getSimpleName()
                + " (use String for decimals)");
    }

    private static String article(Class<?> type) {
        String n = type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants()) : type.getSimpleName().toLowerCase(Locale.ROOT);
        return type.isEnum() ? n : (n.startsWith("i") ? "an " : "a ") + n;
    }
}
