package io.quiver.engine.internal;

import io.quiver.oms.host.StrategyHarness;

/** The runtime component's configuration as Config Admin would give it, for tests that wire the component by hand. */
record TestRuntimeConfig(String reconciliation_policy, String order_retention) implements StrategyRuntimeComponent.Config {
    /** Reconciliation SYNC, closed orders kept a week: the shipped settings. */
    static TestRuntimeConfig shipped() {
        return new TestRuntimeConfig("SYNC", "P7D");
    }

    @Override
    public int orders_per_callback_max() {
        return StrategyHarness.DEFAULT_MAX_ORDERS_PER_CALLBACK;
    }

    @Override
    public int feed_stale_seconds() {
        return 30;
    }

    @Override
    public Class<? extends java.lang.annotation.Annotation> annotationType() {
        return StrategyRuntimeComponent.Config.class;
    }
}
