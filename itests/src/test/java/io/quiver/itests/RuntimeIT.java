package io.quiver.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.quiver.engine.InstanceInfo;
import io.quiver.oms.host.InstanceState;
import io.quiver.engine.StateStoreFactory;
import io.quiver.engine.StrategyRuntime;
import io.quiver.messaging.Addresses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.inject.Inject;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The assembled distribution: features, paper trading, backtests, Artemis and hot deployment. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimeIT extends QuiverTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    FeaturesService features;

    @Inject
    StrategyRuntime runtime;

    @Inject
    StateStoreFactory stores;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    /** A client of the embedded broker; each subscription is a temporary multicast queue on an address. */
    private static final class BrokerClient implements AutoCloseable {
        private final ServerLocator locator = ActiveMQClient.createServerLocator("vm://0");
        private final ClientSessionFactory factory;
        private final ClientSession session;

        BrokerClient() throws Exception {
            // the embedded broker may still be starting (or restarting after a bundle refresh of the boot): try for up to 30 s
            locator.setInitialConnectAttempts(150);
            locator.setRetryInterval(200);
            factory = locator.createSessionFactory();
            session = factory.createSession();
            session.start();
        }

        ClientConsumer subscribe(String address) throws Exception {
            String queue = "it-" + java.util.UUID.randomUUID();
            session.createQueue(new QueueConfiguration(queue).setAddress(address).setRoutingType(RoutingType.MULTICAST).setDurable(false)
                    .setTemporary(true));
            return session.createConsumer(queue);
        }

        @Override
        public void close() throws Exception {
            session.close();
            factory.close();
            locator.close();
        }
    }

    private Optional<InstanceInfo> demo() {
        return runtime.instance("sma-demo");
    }

    private boolean demoRunning() {
        return demo().map(i -> i.state() == InstanceState.RUNNING).orElse(false);
    }

    @Test
    public void everyQuiverFeatureIsInstalled() throws Exception {
        for (String f : new String[] {"quiver-core", "quiver-shell", "quiver-messaging", "quiver-broker", "quiver-mapdb"}) {
            assertTrue(f + " installed", features.isInstalled(features.getFeature(f)));
        }
        String out = executeCommand("feed:list --no-format");
        assertTrue(out, out.contains("synthetic"));
        String venues = executeCommand("venue:list --no-format");
        assertTrue(venues, venues.contains("sim") && venues.contains("exchange"));
        await(WAIT, "the exchange quoting SYN1", () -> {
            try {
                return executeCommand("book:show --no-format -n 3 SYN1").lines().count() == 4;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String book = executeCommand("book:show -n 3 SYN1");
        assertTrue(book, book.startsWith("SYN1  last"));
    }

    @Test
    public void backtestRunTwiceGivesIdenticalJson() throws Exception {
        String first = executeCommand("backtest:run --output it-a.json sma fast=10 slow=30 size=100");
        executeCommand("backtest:run --output it-b.json sma fast=10 slow=30 size=100");
        // The expected figures are those the naive reference in SmaCrossoverBacktestTest confirms.
        assertTrue(first, first.contains("fills          195 (orders 195)"));
        assertTrue(first, first.contains("final equity   102646.065200 (start 100000)"));
        Path home = Path.of(System.getProperty("karaf.home"));
        byte[] a = Files.readAllBytes(home.resolve("data/quiver/backtests/it-a.json"));
        byte[] b = Files.readAllBytes(home.resolve("data/quiver/backtests/it-b.json"));
        assertTrue(a.length > 1000);
        assertArrayEquals(a, b);
    }

    @Test
    public void theSamplePortfolioRunsTwiceToTheSameBytesAndItsPartsAddUp() throws Exception {
        String first = executeCommand("backtest:portfolio -o it-portfolio-a.json samples/portfolio.cfg");
        executeCommand("backtest:portfolio -o it-portfolio-b.json samples/portfolio.cfg");
        // 2006 holds 251 ORCL and 255 index bars in the sample files
        assertTrue(first, first.contains("portfolio      portfolio: 4 instances, 2 data sets, 506 bars"));
        Path home = Path.of(System.getProperty("karaf.home"));
        String a = Files.readString(home.resolve("data/quiver/backtests/it-portfolio-a.json"));
        assertArrayEquals(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Files.readAllBytes(home.resolve("data/quiver/backtests/it-portfolio-b.json")));
        // the first finalEquity is the portfolio's, the others the four instances': with the unallocated cash they add up exactly
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"finalEquity\": ([-0-9.]+)").matcher(a);
        java.util.List<java.math.BigDecimal> equities = new java.util.ArrayList<>();
        while (m.find()) {
            equities.add(new java.math.BigDecimal(m.group(1)));
        }
        java.util.regex.Matcher u = java.util.regex.Pattern.compile("\"unallocated\": ([-0-9.]+)").matcher(a);
        assertTrue(a, u.find() && equities.size() == 5);
        java.math.BigDecimal parts = new java.math.BigDecimal(u.group(1));
        for (java.math.BigDecimal e : equities.subList(1, 5)) {
            parts = parts.add(e);
        }
        assertEquals(equities + " and " + u.group(1), 0, equities.get(0).compareTo(parts));
    }

    @Test
    public void aFileIngestedIntoTheCatalogIsListedAndBacktested() throws Exception {
        String ingested = executeCommand("data:ingest samples/2006-day-001.txt");
        assertTrue(ingested, ingested.contains("ingested"));
        assertTrue(executeCommand("data:ingest samples/2006-day-001.txt").contains("stored already (same SHA-256)"));
        String list = executeCommand("data:list --no-format");
        assertTrue(list, list.contains("2006-day-001"));
        String info = executeCommand("data:info 2006-day-001");
        assertTrue(info, info.contains("rows           255"));
        String quality = executeCommand("data:quality 2006-day-001");
        assertTrue(quality, quality.contains("repeats"));
        String run = executeCommand("backtest:run --data catalog:2006-day-001 --output it-catalog.json sma fast=5 slow=20 size=1");
        assertTrue(run, run.contains("catalog:2006-day-001"));
        assertTrue(run, run.contains("255 bars"));

        // trade prints too: from the catalog they give what the file gives
        String ticks = executeCommand("data:ingest samples/ticksample.csv");
        assertTrue(ticks, ticks.contains("ticksample") && ticks.contains("ingested"));
        assertTrue(executeCommand("data:info ticksample"), executeCommand("data:info ticksample").contains("kind           trades"));
        String fromFile = executeCommand("backtest:run --data samples/ticksample.csv --output it-ticks-file.json sma fast=3 slow=8 size=1 samples=trades");
        String fromCatalog = executeCommand("backtest:run --data catalog:ticksample --output it-ticks-catalog.json sma fast=3 slow=8 size=1 samples=trades");
        assertEquals(fromFile, line(fromFile, "final equity"), line(fromCatalog, "final equity"));
        assertEquals(fromFile, line(fromFile, "fills"), line(fromCatalog, "fills"));
        assertTrue(fromFile, !line(fromFile, "fills").startsWith("fills          0 "));
        assertTrue(fromCatalog, fromCatalog.contains("catalog:ticksample"));
    }

    private static String line(String summary, String start) {
        return summary.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(summary));
    }

    @Test
    public void bookReplayCommandMeasuresACommandFile() throws Exception {
        Path file = Path.of(System.getProperty("karaf.home"), "data", "it-commands.csv");
        Files.writeString(file, "PLACE,1,1,BUY,LIMIT,GTC,100,,10\nPLACE,2,2,SELL,LIMIT,IOC,100,,4\n");
        String out = executeCommand("book:replay --warmup 0 data/it-commands.csv");
        assertTrue(out, out.contains("commands       2 (1 trades, 0 rejected)"));
        assertTrue(out, out.contains("BUY 100 6 1"));
    }

    @Test
    public void anOperatorEntersChangesAndCancelsAnOrderFromTheShellAndSeesItsHistory() throws Exception {
        await(WAIT, "sma-demo running", this::demoRunning);
        String entered = executeCommand("order:submit -s sma-demo --id it-op-1 BUY 1 SYN1 limit 1.00 GTC");
        assertTrue(entered, entered.startsWith("it-op-1  ACCEPTED  BUY 1 SYN1 LIMIT limit 1.00 GTC"));
        String again = executeCommand("order:submit -s sma-demo --id it-op-1 BUY 1 SYN1 limit 1.00 GTC");
        assertTrue(again, again.startsWith("order it-op-1 exists with this request; nothing was sent again"));
        String open = executeCommand("order:list --no-format -o -s sma-demo -i SYN1");
        assertTrue(open, open.lines().filter(l -> l.startsWith("it-op-1")).count() == 1);
        String modified = executeCommand("order:modify -l 1.01 it-op-1");
        assertTrue(modified, modified.contains("(MODIFIED: quantity 1 limit 1.01)"));
        String cancelled = executeCommand("order:cancel it-op-1");
        assertTrue(cancelled, cancelled.startsWith("it-op-1  CANCELLED"));
        String history = executeCommand("order:history --no-format it-op-1");
        List<String> events = history.lines().skip(1).map(l -> l.split("\t")[1].trim()).toList();
        assertEquals(List.of("NEW", "ACCEPTED", "MODIFIED", "CANCEL_REQUESTED", "CANCELLED"), events);
        String report = executeCommand("order:reconciliation sim");
        assertTrue(report, report.startsWith("venue sim at ") && report.contains("policy SYNC"));
    }

    @Test
    public void anArtemisSubscriberReceivesFillsOfThePaperTradingDemo() throws Exception {
        await(WAIT, "sma-demo running", this::demoRunning);
        try (BrokerClient broker = new BrokerClient()) {
            ClientConsumer consumer = broker.subscribe(Addresses.FILLS + Addresses.ALL_BELOW);
            ClientMessage m = consumer.receive(WAIT.toMillis());
            assertNotNull("a fill within " + WAIT, m);
            String json = m.getBodyBuffer().readNullableSimpleString().toString();
            assertEquals("sma-demo", m.getStringProperty(Addresses.PROPERTY_STRATEGY));
            assertEquals("Filled", m.getStringProperty(Addresses.PROPERTY_EVENT));
            assertTrue(json, json.contains("\"instrument\":\"SYN1\"") && json.contains("\"statusAfter\":\"FILLED\""));
            assertTrue(m.getAddress(), m.getAddress().equals(Addresses.fills("sma-demo")));
        }
    }

    @Test
    public void depthUpdatesOfTheSimulatedExchangeArriveGaplessOnTheBroker() throws Exception {
        try (BrokerClient broker = new BrokerClient()) {
            ClientConsumer consumer = broker.subscribe(Addresses.depth("exchange", "SYN1"));
            long previous = -1;
            for (int i = 0; i < 50; i++) {
                ClientMessage m = consumer.receive(WAIT.toMillis());
                assertNotNull("depth update " + i, m);
                long sequence = m.getLongProperty("quiverSequence");
                if (previous >= 0) {
                    assertEquals("gapless", previous + 1, sequence);
                }
                previous = sequence;
                String json = m.getBodyBuffer().readNullableSimpleString().toString();
                assertTrue(json, json.startsWith("{\"venue\":\"exchange\",\"instrument\":\"SYN1\",\"sequence\":" + sequence));
            }
        }
    }

    @Test
    public void aSubscriberRebuildsTheDepthFromASnapshotAndTheUpdatesAfterIt() throws Exception {
        try (BrokerClient broker = new BrokerClient()) {
            // Updates first: every update after the snapshot's sequence is then certain to be queued.
            ClientConsumer updateConsumer = broker.subscribe(Addresses.depth("exchange", "SYN1"));
            ClientConsumer snapshotConsumer = broker.subscribe(Addresses.depthSnapshots("exchange", "SYN1"));
            ClientMessage snapshot = snapshotConsumer.receive(WAIT.toMillis());
            assertNotNull("a snapshot within " + WAIT, snapshot);
            long from = snapshot.getLongProperty("quiverSequence");
            String body = snapshot.getBodyBuffer().readNullableSimpleString().toString();
            assertTrue(body, body.startsWith("{\"instrument\":\"SYN1\",\"sequence\":" + from + ",\"bids\":["));
            // Updates after the snapshot's sequence follow it without a gap.
            long expected = from + 1;
            while (expected < from + 20) {
                ClientMessage m = updateConsumer.receive(WAIT.toMillis());
                assertNotNull("update " + expected, m);
                long seq = m.getLongProperty("quiverSequence");
                if (seq > from) {
                    assertEquals(expected, seq);
                    expected++;
                }
            }
        }
    }

    @Test
    public void tradePrintsOfTheSimulatedExchangeArriveOnTheBroker() throws Exception {
        try (BrokerClient broker = new BrokerClient()) {
            ClientConsumer consumer = broker.subscribe(Addresses.TRADES + Addresses.ALL_BELOW);
            ClientMessage m = consumer.receive(WAIT.toMillis());
            assertNotNull("a trade print within " + WAIT, m);
            String json = m.getBodyBuffer().readNullableSimpleString().toString();
            assertTrue(json, json.startsWith("{\"venue\":\"exchange\",\"instrument\":\"SYN") && json.contains("\"aggressor\":"));
        }
    }

    private long feedBars() {
        return runtime.feeds().stream().filter(f -> f.id().equals("synthetic")).mapToLong(StrategyRuntime.FeedInfo::bars).sum();
    }

    @Test
    public void dropRemoveAndReplaceTheStrategyBundle() throws Exception {
        await(WAIT, "sma-demo running", this::demoRunning);
        // Let the instance see some bars, so that there is state to save.
        long seen = feedBars();
        await(WAIT, "20 more bars", () -> feedBars() >= seen + 20);
        Path deploy = Path.of(System.getProperty("karaf.home"), "deploy");
        Path jar = deploy.resolve("io.quiver.examples.sma-" + System.getProperty("project.version", "0.1.0-SNAPSHOT") + ".jar");
        if (!Files.exists(jar)) {
            jar = Files.list(deploy).filter(p -> p.getFileName().toString().startsWith("io.quiver.examples.sma")).findFirst().orElseThrow();
        }
        Path saved = Files.createTempFile("sma", ".jar");
        Files.copy(jar, saved, StandardCopyOption.REPLACE_EXISTING);

        // Remove: the instance stops and its state is saved; it stays listed, waiting for its type, with its books.
        Files.delete(jar);
        await(WAIT, "sma-demo waiting for its type", () -> demo().map(i -> i.state() == InstanceState.CREATED
                && i.waitingFor().startsWith("strategy type io.quiver.strategy.sma is not installed")).orElse(false));
        InstanceInfo waiting = demo().orElseThrow();
        assertEquals("its cash is the books'", runtime.orderManager().cash("sma-demo"), waiting.cash());
        assertEquals(runtime.orderManager().orderCount("sma-demo"), waiting.orders());
        String waitingList = executeCommand("strategy:list --no-format");
        assertTrue(waitingList, waitingList.contains("sma-demo\tio.quiver.strategy.sma\tCREATED")
                && waitingList.contains("strategy type io.quiver.strategy.sma is not installed"));
        String account = executeCommand("account:show --no-format");
        assertTrue("the account keeps its capital: " + account, account.lines().anyMatch(l -> l.startsWith("sma-demo\t")));
        String closes = stores.open("sma-demo").get("closes").orElse("");
        assertTrue("closes saved on stop: '" + closes + "'", closes.split(",").length >= 1 && !closes.isEmpty());

        // Drop it back: the instance appears and trades again.
        Files.copy(saved, jar);
        await(WAIT, "sma-demo running again", this::demoRunning);
        String list = executeCommand("strategy:list --no-format");
        assertTrue(list, list.contains("sma-demo") && list.contains("RUNNING"));

        // Replace it with a newer version: the bundle is updated in place and the instance carries on.
        Path newer = Files.createTempFile("sma-newer", ".jar");
        rewriteVersion(saved, newer, "0.1.1.it");
        Files.copy(newer, jar, StandardCopyOption.REPLACE_EXISTING);
        await(WAIT, "example bundle at 0.1.1.it", () -> exampleBundle().map(b -> b.getVersion().toString().equals("0.1.1.it")).orElse(false));
        await(WAIT, "sma-demo running on the new version", this::demoRunning);
        assertEquals(1, java.util.Arrays.stream(context.getBundles()).filter(b -> "io.quiver.examples.sma".equals(b.getSymbolicName())).count());
    }

    @Test
    public void removingAFeedOrVenueBundleStopsItsInstancesAndAddingItBackRestartsThem() throws Exception {
        for (String part : new String[] {"io.quiver.feed.synthetic", "io.quiver.venue.sim"}) {
            await(WAIT, "sma-demo running", this::demoRunning);
            Bundle bundle = java.util.Arrays.stream(context.getBundles()).filter(b -> part.equals(b.getSymbolicName())).findFirst().orElseThrow();
            bundle.stop();
            String expected = part.endsWith("synthetic") ? "feed synthetic" : "venue sim";
            await(WAIT, "sma-demo waiting for " + expected, () -> demo().map(i -> i.state() == InstanceState.STOPPED
                    && i.waitingFor().equals(expected)).orElse(false));
            String list = executeCommand("strategy:list --no-format");
            assertTrue(list, list.contains("waiting for " + expected));
            bundle.start();
            await(WAIT, "sma-demo running after " + part + " is back", this::demoRunning);
        }
    }

    private Optional<Bundle> exampleBundle() {
        return java.util.Arrays.stream(context.getBundles()).filter(b -> "io.quiver.examples.sma".equals(b.getSymbolicName()))
                .filter(b -> b.getState() == Bundle.ACTIVE).findFirst();
    }

    /** Copies a bundle jar, giving it another Bundle-Version. */
    private static void rewriteVersion(Path from, Path to, String version) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(from))) {
            Manifest mf = in.getManifest();
            mf.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(to), mf)) {
                for (JarEntry e; (e = in.getNextJarEntry()) != null;) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    out.write(readAll(in));
                    out.closeEntry();
                }
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
    }

    /**
     * Configurations that never become an instance are listed under their id, not dropped: one whose
     * strategy refuses a parameter (its constructor threw in SCR), one whose type is not installed.
     */
    @Test
    public void aConfigurationTheStrategyRefusesOrWhoseTypeIsMissingIsListedWithWhy() throws Exception {
        Path etc = Path.of(System.getProperty("karaf.etc"));
        Files.writeString(etc.resolve("io.quiver.strategy.sma-bad.cfg"), "strategy.id = sma-bad\nfeed = synthetic\nsize = -3\n");
        Files.writeString(etc.resolve("io.quiver.strategy.nosuch-x.cfg"), "strategy.id = nosuch-x\n");
        Files.writeString(etc.resolve("io.quiver.strategy.sma-typo.cfg"), "strategy.id = sma-typo\nfsat = 3\n");
        try {
            await(Duration.ofSeconds(60), "both listed", () -> runtime.instance("sma-bad").isPresent() && runtime.instance("nosuch-x").isPresent());
            InstanceInfo bad = runtime.instance("sma-bad").orElseThrow();
            assertEquals(InstanceState.FAILED, bad.state());
            assertTrue(bad.reason(), bad.reason().contains("size must be positive, was -3"));
            InstanceInfo missing = runtime.instance("nosuch-x").orElseThrow();
            assertEquals(InstanceState.CREATED, missing.state());
            assertTrue(missing.waitingFor(), missing.waitingFor().startsWith("strategy type io.quiver.strategy.nosuch is not installed; installed: ["));
            await(Duration.ofSeconds(60), "the misspelt key refused", () -> runtime.instance("sma-typo").isPresent());
            InstanceInfo typo = runtime.instance("sma-typo").orElseThrow();
            assertEquals(InstanceState.FAILED, typo.state());
            assertTrue(typo.reason(), typo.reason().startsWith("fsat: not a parameter of io.quiver.strategy.sma; its parameters: "));
            String listed = executeCommand("strategy:list --no-format");
            assertTrue(listed, listed.contains("sma-bad\t") && listed.contains("FAILED"));
        } finally {
            Files.deleteIfExists(etc.resolve("io.quiver.strategy.sma-bad.cfg"));
            Files.deleteIfExists(etc.resolve("io.quiver.strategy.nosuch-x.cfg"));
            Files.deleteIfExists(etc.resolve("io.quiver.strategy.sma-typo.cfg"));
        }
    }

    /** The runtime's limits apply as soon as the file is saved; a bad value names its key and refuses orders until fixed. */
    @Test
    public void riskLimitsApplyLiveAndABadValueNamesItsKeyAndStopsTrading() throws Exception {
        await(WAIT, "sma-demo running", this::demoRunning);
        Path cfg = Path.of(System.getProperty("karaf.etc")).resolve("io.quiver.risk.cfg");
        String shipped = Files.readString(cfg);
        try {
            Files.writeString(cfg, shipped + "\norder.quantity.max = 7\n");
            await(Duration.ofSeconds(30), "the new limit in force",
                    () -> run("risk:limits --no-format -s sma-demo").contains("order-size\torder.quantity.max\tglobal\t7"));
            String refused = executeCommand("order:submit -s sma-demo BUY 8 SYN1 limit 1.00");
            assertTrue(refused, refused.contains("MAX_ORDER_QUANTITY: order quantity 8 exceeds the limit 7 for SYN1"));
            Files.writeString(cfg, shipped + "\norder.quantity.max = seven\n");
            await(Duration.ofSeconds(30), "the bad value refused", () -> run("risk:status --no-format").contains("runtime\tHALTED"));
            String halted = executeCommand("order:submit -s sma-demo BUY 1 SYN1 limit 1.00");
            assertTrue(halted, halted.contains("RISK_CONFIG_INVALID: order.quantity.max: 'seven' is not a number above zero"));
        } finally {
            Files.writeString(cfg, shipped);
            await(Duration.ofSeconds(30), "the shipped limits back", () -> run("risk:status --no-format").contains("runtime\tACTIVE"));
        }
    }

    /** Of two configurations with one id the first file name wins; the order of arrival used to decide. */
    @Test
    public void ofTwoConfigurationsWithOneIdTheFirstFileNameWins() throws Exception {
        Path etc = Path.of(System.getProperty("karaf.etc"));
        Files.writeString(etc.resolve("io.quiver.strategy.sma-twin-b.cfg"), "strategy.id = sma-twin\nsize = 2\n");
        Files.writeString(etc.resolve("io.quiver.strategy.sma-twin-a.cfg"), "strategy.id = sma-twin\nsize = 1\n");
        try {
            await(Duration.ofSeconds(60), "both listed", () -> runtime.instances().stream().filter(i -> i.id().equals("sma-twin")).count() == 2);
            String listed = run("strategy:list --no-format");
            assertTrue(listed, listed.contains("is also given by io.quiver.strategy.sma-twin-a.cfg, which wins as the first file name"));
        } finally {
            Files.deleteIfExists(etc.resolve("io.quiver.strategy.sma-twin-a.cfg"));
            Files.deleteIfExists(etc.resolve("io.quiver.strategy.sma-twin-b.cfg"));
        }
    }

    /**
     * The venue services are the venues themselves, not wrappers that forward some calls: paper trading
     * gets the native stops, modify and batching a backtest gets, and venue:list says which.
     */
    @Test
    public void theVenueServicesAreTheVenuesAndListTheirCapabilities() throws Exception {
        for (String[] v : new String[][] {{"sim", "io.quiver.venue.sim.BarFillSimulator"}, {"exchange", "io.quiver.venue.exchange.ExchangeVenue"}}) {
            var refs = context.getServiceReferences(io.quiver.sdk.spi.Venue.class, "(venue.id=" + v[0] + ")");
            assertEquals(v[0], 1, refs.size());
            Object service = context.getService(refs.iterator().next());
            try {
                assertEquals(v[1], service.getClass().getName());
            } finally {
                context.ungetService(refs.iterator().next());
            }
        }
        List<String> rows = executeCommand("venue:list --no-format").lines().toList();
        assertTrue(rows.toString(), rows.contains("exchange\ttrue\t0\tMARKET,LIMIT,STOP,STOP_LIMIT\ttrue\ttrue\ttrue\t"
                + "commission: maker 0, taker 0 millionths of notional; slippage: the book's depth; fills: what the book holds"));
        // the distribution's sim has no costs configured
        assertTrue(rows.toString(), rows.stream().anyMatch(r -> r.startsWith("sim\ttrue\t")
                && r.endsWith("\tMARKET,LIMIT,STOP,STOP_LIMIT,TRAILING_STOP\ttrue\ttrue\ttrue\tcommission: none; slippage: none; fills: whole")));
    }

    /** Backtests find their venue types in the registry: each venue bundle's factory, with its own settings. */
    @Test
    public void backtestsRunOnEveryInstalledVenueTypeWithItsSettings() throws Exception {
        String types = executeCommand("venue:types --no-format");
        assertTrue(types, types.lines().anyMatch(l -> l.startsWith("sim\t")) && types.lines().anyMatch(l -> l.startsWith("exchange\t")));
        String seeded = executeCommand("backtest:run --venue exchange -V seed=7 -V levels=3 -o venue-it.json sma fast=5 slow=20");
        assertTrue(seeded, seeded.contains("final equity"));
        String json = Files.readString(Path.of(System.getProperty("karaf.data"), "quiver", "backtests", "venue-it.json"));
        assertTrue(json, json.contains("\"venue\": \"exchange\"") || json.contains("\"venue\":\"exchange\""));
        assertTrue(run("backtest:run --venue exchange -V levles=3 sma"), run("backtest:run --venue exchange -V levles=3 sma")
                .contains("levles: not a setting of venue exchange"));
        assertTrue(run("backtest:run --venue nyse sma"), run("backtest:run --venue nyse sma").contains("venue: 'nyse' is not installed; installed: [exchange, sim]"));
    }

    /** Order text the shell once accepted. */
    @Test
    public void orderTextMistakesAreRefusedBeforeAnythingIsEntered() throws Exception {
        await(WAIT, "sma-demo running", this::demoRunning);
        long before = operatorOrders();
        for (String[] c : new String[][] {{"BUY 1 SYN1 limit 99 limit 98", "an order takes one limit"}, {"BUY 1e3 SYN1", "is not a plain decimal"},
                {"SELL 1 SYN1 trail 150pct", "trailing percent must be above 0 and below 100"}}) {
            String out = run("order:submit -s sma-demo " + c[0]);
            assertTrue(out, out.contains(c[1]));
        }
        assertEquals("nothing was entered", before, operatorOrders());
    }

    private long operatorOrders() {
        return runtime.orderManager().orders(io.quiver.oms.OrderFilter.ALL).stream().filter(o -> o.id().value().startsWith("op-")).count();
    }

    /** A command's output, or the message of the mistake it refused. */
    private String run(String command) {
        try {
            return executeCommand(command);
        } catch (Exception e) {
            return e.getMessage();
        }
    }
}
