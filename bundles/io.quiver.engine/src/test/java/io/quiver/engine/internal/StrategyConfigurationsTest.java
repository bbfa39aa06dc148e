package io.quiver.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StrategyConfigurationsTest {
    /** SCR keeps the constructor's exception wrapped: the message used to read "java.lang.reflect.InvocationTargetException". */
    @Test
    void theStrategysOwnMessageIsTakenFromTheDeepestCause() {
        String scr = "java.lang.reflect.InvocationTargetException\n\tat java.base/jdk.internal.reflect.Native.newInstance0(Native Method)\n"
                + "Caused by: java.lang.IllegalArgumentException: size must be positive, was -3\n\tat io.quiver.examples.sma.SmaCrossover.<init>\n";
        assertEquals("size must be positive, was -3", StrategyConfigurations.firstLine(scr));
        assertEquals("slow must be above fast", StrategyConfigurations.firstLine("java.lang.IllegalArgumentException: slow must be above fast"));
        assertEquals("the strategy could not be created", StrategyConfigurations.firstLine(null));
    }
}
