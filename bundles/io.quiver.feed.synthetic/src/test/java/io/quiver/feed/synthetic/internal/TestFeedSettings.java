package io.quiver.feed.synthetic.internal;

import java.lang.annotation.Annotation;

/** The synthetic feed's settings for tests: the given bar interval and instruments, from 100.00 on seed 42. */
record TestFeedSettings(String interval, String... instruments) implements SyntheticFeedComponent.Config {
    @Override
    public String[] instruments() {
        return instruments.clone();
    }

    @Override
    public String start_price() {
        return "100.00";
    }

    @Override
    public double volatility() {
        return 0.8;
    }

    @Override
    public double drift() {
        return 0;
    }

    @Override
    public long seed() {
        return 42;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return SyntheticFeedComponent.Config.class;
    }
}
