package io.quiver.itests;

import org.junit.After;

/** What the tests of the unpacked distribution share: one Karaf process per test, never left running. */
public abstract class KarafProcessTestSupport {
    protected KarafProcess karaf;

    @After
    public void stopKaraf() throws Exception {
        if (karaf != null) {
            karaf.destroy();
        }
    }
}
