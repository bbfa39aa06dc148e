package io.quiver.engine.internal;

import io.quiver.sdk.Strategy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Finds the strategy configurations ({@code etc/io.quiver.strategy.<type>-<name>.cfg}) that never became an
 * instance, so that none vanishes without a word: one whose strategy type is not installed (a typo in
 * the file name, or a jar taken away) waits for it; one whose strategy refused its parameters (its
 * constructor threw) has failed, with the strategy's own message.
 */
final class StrategyConfigurations {
    static final String FACTORY_PREFIX = "io.quiver.strategy.";

    /** A configuration without an instance: {@code failed} or waiting for its type, and why. */
    record Problem(String id, String type, boolean failed, String reason, Map<String, Object> properties) {
    }

    private StrategyConfigurations() {
    }

    static List<Problem> scan(ConfigurationAdmin configs, ServiceComponentRuntime scr) throws IOException, InvalidSyntaxException {
        Configuration[] found = configs.listConfigurations("(service.factoryPid=" + FACTORY_PREFIX + "*)");
        if (found == null) {
            return List.of();
        }
        Map<String, ComponentDescriptionDTO> types = new HashMap<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (List.of(d.serviceInterfaces).contains(Strategy.class.getName())) {
                for (String pid : d.configurationPid) {
                    types.put(pid, d);
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (Configuration c : found) {
            Map<String, Object> props = properties(c.getProperties());
            String type = c.getFactoryPid();
            String id = InstanceSettings.idOf(props);
            ComponentDescriptionDTO d = types.get(type);
            if (d == null) {
                problems.add(new Problem(id, type, false, "strategy type " + type + " is not installed; installed: "
                        + new TreeSet<>(types.keySet()), props));
                continue;
            }
            for (ComponentConfigurationDTO cc : scr.getComponentConfigurationDTOs(d)) {
                if (cc.state == ComponentConfigurationDTO.FAILED_ACTIVATION && c.getPid().equals(cc.properties.get("service.pid"))) {
                    problems.add(new Problem(id, type, true, firstLine(cc.failure), props));
                }
            }
        }
        return problems;
    }

    /**
     * The strategy's own message from a stack trace as SCR keeps it: SCR wraps what the constructor threw
     * ({@code java.lang.reflect.InvocationTargetException ... Caused by: java.lang.IllegalArgumentException:
     * size must be positive}), so the deepest cause is the one that says what is wrong.
     */
    static String firstLine(String failure) {
        if (failure == null || failure.isBlank()) {
            return "the strategy could not be created";
        }
        String line = failure.lines().findFirst().orElse("").trim();
        for (String l : failure.lines().toList()) {
            if (l.trim().startsWith("Caused by: ")) {
                line = l.trim().substring("Caused by: ".length());
            }
        }
        int colon = line.indexOf(": ");
        String head = colon < 0 ? line : line.substring(0, colon);
        boolean className = head.matches("[\\w$.]+") && head.contains(".");
        return className && colon >= 0 ? line.substring(colon + 2) : line;
    }

    private static Map<String, Object> properties(Dictionary<String, Object> d) {
        Map<String, Object> map = new HashMap<>();
        if (d != null) {
            for (String k : Collections.list(d.keys())) {
                map.put(k, d.get(k));
            }
        }
        return map;
    }

    /** The keys of a configuration that are neither the platform's, the framework's nor a parameter of the strategy. */
    static Set<String> unknownKeys(Map<String, Object> props, Set<String> parameters) {
        Set<String> unknown = new TreeSet<>();
        for (String k : props.keySet()) {
            boolean platform = InstanceSettings.KEYS.contains(k) || k.startsWith("service.") || k.startsWith("component.")
                    || k.startsWith("felix.") || k.startsWith("osgi.") || k.equals("objectClass");
            if (!platform && !parameters.contains(k)) {
                unknown.add(k);
            }
        }
        return unknown;
    }
}
