package io.quiver.sdk.spi;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.osgi.util.converter.ConversionException;
import org.osgi.util.converter.Converter;
import org.osgi.util.converter.Converters;

/**
 * Turns settings by key (as an operator writes them in a {@code .cfg} file or on a command line) into a
 * typed view, each value converted by the OSGi converter. The type is an annotation (as Declarative
 * Services takes) or an interface, whose default methods give the defaults and whose members may be {@link BigDecimal}, enums,
 * whole numbers, booleans, strings and lists or arrays of these. Member names follow the DS rules
 * ({@code fee_bps()} reads {@code fee.bps}).
 *
 * <p>Every value is converted when the view is made, so a mistake surfaces at once as a {@link SettingException}
 * naming the key: an unknown key (a misspelt key must not fall back to a default), a missing required
 * value, or a value that is not of the member's type. Booleans are {@code true} or {@code false} only, and a
 * list written as text is split at commas.
 */
public final class TypedSettings {
    private static final Converter CONVERTER = Converters.standardConverter();

    private TypedSettings() {
    }

    /** A setting that cannot be used: its key, and why in words (e.g. {@code 'ten' is not a whole number}). */
    public static final class SettingException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final String reason;

        public SettingException(String key, String reason) {
            super(key + ": " + reason);
            this.key = key;
            this.reason = reason;
        }

        public String key() {
            return key;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * The typed view of {@code values}; {@code owner} names what they configure in the message for an
     * unknown key (e.g. {@code venue exchange}).
     */
    public static <T> T of(Class<T> type, Map<String, ?> values, String owner) {
        Map<String, Method> members = members(type);
        for (String key : new TreeSet<>(values.keySet())) {
            if (!members.containsKey(key)) {
                throw new SettingException(key, "not a setting of " + owner + "; its settings: " + new TreeSet<>(members.keySet()));
            }
        }
        Map<String, Object> byMember = new LinkedHashMap<>();
        for (Map.Entry<String, Method> m : members.entrySet()) {
            Object raw = values.get(m.getKey());
            Method method = m.getValue();
            if (raw != null) {
                byMember.put(method.getName(), convert(m.getKey(), raw, method.getGenericReturnType()));
            } else if (method.getDefaultValue() != null) {
                byMember.put(method.getName(), method.getDefaultValue());
            } else if (!method.isDefault()) {
                throw new SettingException(m.getKey(), "is required");
            }
        }
        Object view = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getParameterCount() == 0 && byMember.containsKey(method.getName())) {
                return byMember.get(method.getName());
            }
            return switch (method.getName()) {
                case "annotationType" -> type;
                case "toString" -> type.getSimpleName() + byMember;
                case "hashCode" -> byMember.hashCode();
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            };
        });
        // The defaults of an interface come from its default methods, called once on the view itself.
        for (Method m : members.values()) {
            if (!byMember.containsKey(m.getName())) {
                Object value = callDefault(type, m, view);
                if (value == null) {
                    throw new IllegalStateException(type.getName() + "." + m.getName() + "() has no value: a default must not be null");
                }
                byMember.put(m.getName(), value);
            }
        }
        return type.cast(view);
    }

    private static Object callDefault(Class<?> type, Method m, Object view) {
        try {
            MethodHandle h = MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                    .findSpecial(type, m.getName(), MethodType.methodType(m.getReturnType()), type);
            return h.invoke(view);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the default of " + type.getName() + "." + m.getName() + "(): " + e, e);
        }
    }

    /** The keys {@code type} reads, in name order, with their defaults as text ({@code ""} if none can be shown). */
    public static Map<String, String> keys(Class<?> type) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map.Entry<String, Method> m : members(type).entrySet()) {
            Object d = m.getValue().getDefaultValue();
            keys.put(m.getKey(), d == null ? "" : d.getClass().isArray() ? arrayText(d) : d.toString());
        }
        return keys;
    }

    /** The DS property name of a member: {@code __} is {@code _}, {@code _} is {@code .}, {@code $$} is {@code $}, a lone {@code $} dropped. */
    public static String keyOf(String member) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < member.length(); i++) {
            char c = member.charAt(i);
            boolean doubled = i + 1 < member.length() && member.charAt(i + 1) == c;
            if (c == '_') {
                b.append(doubled ? '_' : '.');
                i += doubled ? 1 : 0;
            } else if (c == '$') {
                if (doubled) {
                    b.append('$');
                    i++;
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static Map<String, Method> members(Class<?> type) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is not an annotation or an interface");
        }
        Map<String, Method> members = new LinkedHashMap<>();
        Method[] methods = type.isAnnotation() ? type.getDeclaredMethods() : type.getMethods();
        Arrays.sort(methods, java.util.Comparator.comparing(Method::getName)); // reflection gives no stable order
        for (Method m : methods) {
            if (!Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && m.getReturnType() != void.class) {
                members.put(keyOf(m.getName()), m);
            }
        }
        return members;
    }

    private static Object convert(String key, Object raw, Type target) {
        Class<?> type = rawClass(target);
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            Type element = type.isArray() ? type.getComponentType()
                    : target instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
            List<Object> items = new ArrayList<>();
            for (Object one : elements(raw)) {
                items.add(convert(key, one, element));
            }
            if (type.isArray()) {
                Object array = Array.newInstance(type.getComponentType(), items.size());
                for (int i = 0; i < items.size(); i++) {
                    Array.set(array, i, items.get(i));
                }
                return array;
            }
            return CONVERTER.convert(items).to(target);
        }
        if (type == String.class) {
            return raw.toString();
        }
        String text = raw.toString().trim();
        if (type == boolean.class || type == Boolean.class) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new SettingException(key, "'" + raw + "' is not true or false");
            };
        }
        if (type == BigDecimal.class) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new SettingException(key, "'" + raw + "' is not a decimal number");
            }
        }
        try {
            return CONVERTER.convert(raw instanceof String ? text : raw).to(target);
        } catch (ConversionException e) {
            throw new SettingException(key, "'" + raw + "' is not " + kind(type));
        }
    }

    private static List<?> elements(Object raw) {
        if (raw instanceof String s) {
            return Arrays.stream(s.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        }
        if (raw.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(raw); i++) {
                list.add(Array.get(raw, i));
            }
            return list;
        }
        return raw instanceof Collection<?> c ? List.copyOf(c) : List.of(raw);
    }

    private static Class<?> rawClass(Type t) {
        return t instanceof Class<?> c ? c : t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
    }

    private static String kind(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class) {
            return "a number";
        }
        String n = type.getSimpleName().toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(n.charAt(0)) >= 0 ? "an " : "a ") + n;
    }

    private static String arrayText(Object array) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Array.getLength(array); i++) {
            parts.add(String.valueOf(Array.get(array, i)));
        }
        return String.join(",", parts);
    }
}
