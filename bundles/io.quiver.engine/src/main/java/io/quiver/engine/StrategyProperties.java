package io.quiver.engine;

/**
 * Configuration keys every strategy instance understands besides its own parameters; they sit in the
 * same factory configuration ({@code etc/io.quiver.strategy.<type>-<name>.cfg}).
 */
public final class StrategyProperties {
    /** The instance id; defaults to the configuration's PID. */
    public static final String ID = "strategy.id";
    /** The feed the instance trades on (default {@code synthetic}). */
    public static final String FEED = "feed";
    /** The venue its orders go to (default {@code sim}). */
    public static final String VENUE = "venue";
    /** Comma-separated symbols (default: the feed's first instrument). */
    public static final String INSTRUMENTS = "instruments";
    /** Starting capital (default 100000). */
    public static final String CAPITAL = "capital";
    /** Whether the instance starts when its feed and venue are there (default true). */
    public static final String AUTOSTART = "autostart";

    private StrategyProperties() {
    }
}
