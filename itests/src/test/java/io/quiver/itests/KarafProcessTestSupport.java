package io.quiver.itests;

import java.math.BigDecimal;
import org.junit.After;

/** What the tests of the unpacked distribution share: one Karaf process per test, never left running. */
public abstract class KarafProcessTestSupport {
    /** Logged when the demo instance has its account; orders for it before this line are refused. */
    protected static final String SMA_DEMO_STARTED = "strategy sma-demo (io.quiver.strategy.sma) started";

    protected KarafProcess karaf;

    /** {@code value} encrypted by the distribution's {@code bin/quiver-secret}, as an operator stores a secret in etc/. */
    protected String encrypt(String value) throws Exception {
        KarafProcess.Result sealed = KarafProcess.run(karaf.home, KarafProcess.WAIT, "sh", "-c", "printf '" + value + "\\n' | bin/quiver-secret");
        org.junit.Assert.assertEquals(sealed.output(), 0, sealed.exit());
        return sealed.output().lines().filter(l -> l.startsWith("ENC(")).findFirst().orElseThrow(() -> new AssertionError(sealed.output()));
    }

    /** The instance's position in the instrument, from position:list (zero when it holds none). */
    protected BigDecimal position(String instance, String symbol) {
        try {
            for (String line : karaf.client("position:list --no-format").output().lines().toList()) {
                String[] f = line.split("\t");
                if (f.length > 2 && f[0].trim().equals(instance) && f[1].trim().equals(symbol)) {
                    return new BigDecimal(f[2].trim());
                }
            }
            return BigDecimal.ZERO;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @After
    public void stopKaraf() throws Exception {
        if (karaf != null) {
            karaf.destroy();
        }
    }
}
