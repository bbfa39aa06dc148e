package io.quiver.itests;

import org.junit.After;

/** What the tests of the unpacked distribution share: one Karaf process per test, never left running. */
public abstract class KarafProcessTestSupport {
    /** Logged when the demo instance has its account; orders for it before this line are refused. */
    protected static final String SMA_DEMO_STARTED = "strategy sma-demo (io.quiver.strategy.sma) started";

    protected KarafProcess karaf;

    @After
    public void stopKaraf() throws Exception {
        if (karaf != null) {
            karaf.destroy();
        }
    }
}
