package io.quiver.engine.internal;

import io.quiver.oms.host.StrategyHarness;
import io.quiver.engine.InstanceInfo;
import io.quiver.engine.OrderEventListener;
import io.quiver.oms.host.InstanceState;
import io.quiver.engine.StateStoreFactory;
import io.quiver.oms.host.StrategyInstantiator;
import io.quiver.engine.StrategyRuntime;
import io.quiver.oms.JournalStore;
import io.quiver.oms.OrderFilter;
import io.quiver.oms.OrderManager;
import io.quiver.oms.ReconciliationPolicy;
import io.quiver.oms.ReconciliationReport;
import io.quiver.risk.RiskService;
import io.quiver.sdk.Strategy;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.Position;
import io.quiver.sdk.model.Quote;
import io.quiver.sdk.model.Trade;
import io.quiver.sdk.spi.MarketDataFeed;
import io.quiver.sdk.spi.MarketDataListener;
import io.quiver.sdk.spi.ReconcilableVenue;
import io.quiver.sdk.spi.Venue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper/live runtime. Strategies, feeds and venues are whiteboard services: each strategy service
 * becomes an instance that starts once its feed and venue are present and stops (orders cancelled,
 * state saved) when any of the three goes away. Each bar goes first to the simulated venues (so working
 * orders fill on it) and then to the instances subscribed to its instrument. The bind methods are public so
 * that a benchmark can wire the runtime by hand, without a framework.
 */
@Component(service = StrategyRuntime.class, immediate = true, configurationPid = "io.quiver.oms")
@Designate(ocd = StrategyRuntimeComponent.Config.class)
public final class StrategyRuntimeComponent implements StrategyRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(StrategyRuntimeComponent.class);

    private final StateStoreFactory stores;
    private final OrderManager oms;
    private final ReconciliationPolicy policy;
    private final int maxOrdersPerCallback;
    /** Quarantines, journaled so that a restart does not start a quarantined instance again; lifted by strategy:start. */
    private final io.quiver.oms.OrderJournal quarantines;
    private final Map<String, String> quarantined = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, LiveInstance> instances = new ConcurrentHashMap<>();
    private final Map<String, MarketDataFeed> feeds = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> feedBars = new ConcurrentHashMap<>();
    private final Map<String, Venue> venues = new ConcurrentHashMap<>();
    /** Simulated venues get market data only once reconciled, so they do not trade while their books are compared. */
    private final Map<String, MarketDataListener> simulatedVenues = new ConcurrentHashMap<>();
    private final List<OrderEventListener> listeners = new CopyOnWriteArrayList<>();
    /** Instances whose id another configuration holds (the first file name wins), by id. */
    private final Map<String, List<LiveInstance>> standby = new java.util.HashMap<>();
    /** Configurations that never became an instance; refreshed every second. */
    private volatile List<StrategyConfigurations.Problem> configProblems = List.of();
    /** How long after deploy/ opens a strategy type may still be missing without a word (its bundle is being installed). */
    private static final java.time.Duration MISSING_TYPE_GRACE = java.time.Duration.ofSeconds(10);
    private volatile long deployOpenSince;
    /** The configuration problems logged, so each is logged once while it lasts. */
    private final java.util.Set<String> reportedProblems = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile org.osgi.service.cm.ConfigurationAdmin configAdmin;
    private volatile org.osgi.service.component.runtime.ServiceComponentRuntime scr;
    private int ticks;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quiver-timers");
        t.setUncaughtExceptionHandler((th, e) -> LOG.error("the runtime's timer thread failed: {}", e.toString(), e));
        return t;
    });

    @ObjectClassDefinition(name = "Quiver order management")
    public @interface Config {
        @AttributeDefinition(description = "What to do with differences found when reconciling with a venue: SYNC or HALT")
        String reconciliation_policy() default "SYNC";

        @AttributeDefinition(description = "How long closed orders stay in the journal (ISO-8601, e.g. P7D); older ones are "
                + "forgotten when the journal is compacted at start or with order:compact")
        String order_retention() default "P7D";

        @AttributeDefinition(description = "How many orders one strategy callback may enter; beyond it submit throws and the "
                + "callback counts as a fault")
        int orders_per_callback_max() default StrategyHarness.DEFAULT_MAX_ORDERS_PER_CALLBACK;

        @AttributeDefinition(description = "Seconds without a message after which a live feed counts as stale: new orders of the "
                + "strategies on it are refused STALE_MARKET_DATA until it speaks again (0: never)")
        int feed_stale_seconds() default 30;
    }

    /** The client order ids of the orders the kill switch sends to flatten positions. */
    static final String FLATTEN_PREFIX = "kill-";

    private final RiskService risk;
    private java.time.Duration feedStaleAfter;
    /** The live feeds that are stale now, with why. */
    private final Map<String, String> staleFeeds = new ConcurrentHashMap<>();
    private final Map<String, Instant> feedWatchedSince = new ConcurrentHashMap<>();

    @Activate
    public StrategyRuntimeComponent(@Reference StateStoreFactory stores, @Reference JournalStore journals, @Reference RiskService risk,
            Config config) {
        this.stores = stores;
        this.risk = risk;
        try {
            this.policy = ReconciliationPolicy.valueOf(config.reconciliation_policy().trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reconciliation.policy: '" + config.reconciliation_policy() + "' is not one of "
                    + java.util.Arrays.toString(ReconciliationPolicy.values()));
        }
        if (config.orders_per_callback_max() < 1) {
            throw new IllegalArgumentException("orders.per.callback.max: must be at least 1, was " + config.orders_per_callback_max());
        }
        this.maxOrdersPerCallback = config.orders_per_callback_max();
        Duration retention;
        try {
            retention = Duration.parse(config.order_retention().trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("order.retention: '" + config.order_retention() + "' is not an ISO-8601 duration such as P7D");
        }
        this.quarantines = journals.open("instances");
        quarantines.replay(line -> {
            List<String> v = io.quiver.sdk.spi.JournalFields.parse(line);
            if (v.get(0).equals("QUARANTINED")) {
                quarantined.put(v.get(1), v.get(3));
            } else if (v.get(0).equals("LIFTED")) {
                quarantined.remove(v.get(1));
            }
        });
        long started = System.nanoTime();
        this.oms = new OrderManager(journals.open("orders"), venues::get, clock::instant);
        if (config.feed_stale_seconds() < 0) {
            throw new IllegalArgumentException("feed.stale.seconds: " + config.feed_stale_seconds() + " must be 0 (never) or more");
        }
        this.feedStaleAfter = java.time.Duration.ofSeconds(config.feed_stale_seconds());
        oms.gate(new StaleFeedGate(risk.gate(), this::staleFeedOf));
        LOG.info("order manager recovered {} order(s) of {} account(s) from its journal in {} ms", oms.orderCount(null),
                oms.accounts().size(), (System.nanoTime() - started) / 1_000_000);
        started = System.nanoTime();
        Instant keepSince = clock.instant().minus(retention);
        long bytesBefore = oms.journalSizeOnDisk();
        int forgotten = oms.compact(keepSince);
        if (forgotten > 0) {
            LOG.info("order manager compacted its journal: forgot {} order(s) closed before {}, kept {}, in {} ms; {} bytes on disk before, {} after",
                    forgotten, keepSince, oms.orderCount(null), (System.nanoTime() - started) / 1_000_000, bytesBefore, oms.journalSizeOnDisk());
        }
        ticker.scheduleAtFixedRate(this::safeTick, 100, 100, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    public synchronized void deactivate() {
        instances.values().forEach(LiveInstance::stop);
        feeds.values().forEach(MarketDataFeed::stop);
        venues.values().forEach(Venue::close);
        ticker.shutdownNow();
    }

    // ---- whiteboard ----------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public synchronized void addStrategy(Strategy strategy, Map<String, Object> props) {
        LiveInstance instance;
        String source = InstanceSettings.sourceOf(props);
        try {
            InstanceSettings settings = InstanceSettings.from(props);
            java.util.Set<String> unknown = StrategyConfigurations.unknownKeys(props,
                    StrategyInstantiator.parameters(strategy.getClass()).keySet());
            if (!unknown.isEmpty()) {
                java.util.Set<String> parameters = StrategyInstantiator.parameters(strategy.getClass()).keySet();
                throw new IllegalArgumentException(String.join(", ", unknown) + ": not a parameter of " + settings.type() + "; "
                        + (parameters.isEmpty() ? "it takes none" : "its parameters: " + String.join(", ", parameters)) + "; the platform's: "
                        + String.join(", ", new java.util.TreeSet<>(InstanceSettings.KEYS)));
            }
            StrategyInstantiator.checkParameters(strategy.getClass(), props);
            instance = new LiveInstance(settings, strategy, clock);
        } catch (IllegalArgumentException e) {
            InstanceSettings fallback = new InstanceSettings(InstanceSettings.idOf(props), String.valueOf(props.get("component.name")), "", "",
                    List.of(), io.quiver.sdk.model.Money.ZERO, false);
            instance = LiveInstance.failed(fallback, strategy, e.getMessage());
            LOG.error("strategy configuration {} refused: {}", source, e.getMessage());
        }
        instance.source = source;
        LiveInstance holder = instances.get(instance.id());
        if (holder != null) {
            // Two configurations with one id: the first file name wins, at every boot; the other waits for it to go.
            LiveInstance loser = holder.source.compareTo(source) <= 0 ? instance : holder;
            LiveInstance winner = loser == instance ? holder : instance;
            loser.waitFor(io.quiver.engine.StrategyProperties.ID + " '" + instance.id() + "' is also given by " + winner.source
                    + ", which wins as the first file name; this one (" + loser.source + ") starts when that one is removed");
            standby.computeIfAbsent(instance.id(), k -> new ArrayList<>()).add(loser);
            LOG.error("strategy configuration {} waits: strategy.id '{}' is used by {}", loser.source, instance.id(), winner.source);
            if (loser == instance) {
                return;
            }
            holder.stop();
        }
        instances.put(instance.id(), instance);
        if (instance.settings.autostart()) {
            tryStart(instance);
        }
    }

    synchronized void removeStrategy(Strategy strategy, Map<String, Object> props) {
        standby.values().forEach(list -> list.removeIf(i -> i.strategy == strategy));
        instances.values().stream().filter(i -> i.strategy == strategy).findFirst().ifPresent(i -> {
            i.stop();
            instances.remove(i.id());
            List<LiveInstance> waiting = standby.getOrDefault(i.id(), List.of());
            if (!waiting.isEmpty()) {
                waiting.sort(Comparator.comparing((LiveInstance w) -> w.source));
                LiveInstance next = waiting.remove(0);
                LiveInstance fresh = next;
                instances.put(fresh.id(), fresh);
                LOG.info("strategy configuration {} takes over strategy.id '{}'", fresh.source, fresh.id());
                if (fresh.settings.autostart()) {
                    tryStart(fresh);
                }
            }
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public synchronized void addFeed(MarketDataFeed feed) {
        feeds.put(feed.id(), feed);
        feedBars.put(feed.id(), new AtomicLong());
        feed.instruments().forEach(oms::registerInstrument);
        feed.start(new FeedDispatcher(feed.id()));
        instances.values().stream().filter(i -> i.settings.feed().equals(feed.id()) && i.settings.autostart()).forEach(this::tryStart);
    }

    synchronized void removeFeed(MarketDataFeed feed) {
        instances.values().stream().filter(i -> i.settings.feed().equals(feed.id())).forEach(i -> {
            i.stop();
            i.waitFor("feed " + feed.id());
        });
        feed.stop();
        feeds.remove(feed.id(), feed);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public synchronized void addVenue(Venue venue) {
        venues.put(venue.id(), venue);
        String venueId = venue.id();
        venue.open(e -> oms.onVenueEvent(venueId, e));
        if (venue instanceof ReconcilableVenue reconcilable) {
            oms.reconcile(reconcilable, policy);
        }
        if (venue instanceof MarketDataListener simulated) {
            simulatedVenues.put(venueId, simulated);
        }
        instances.values().stream().filter(i -> i.settings.venue().equals(venue.id()) && i.settings.autostart()).forEach(this::tryStart);
    }

    synchronized void removeVenue(Venue venue) {
        instances.values().stream().filter(i -> i.settings.venue().equals(venue.id())).forEach(i -> {
            i.stop();
            i.waitFor("venue " + venue.id());
        });
        simulatedVenues.remove(venue.id(), venue);
        venue.close();
        venues.remove(venue.id(), venue);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setConfigurationAdmin(org.osgi.service.cm.ConfigurationAdmin admin) {
        this.configAdmin = admin;
    }

    void unsetConfigurationAdmin(org.osgi.service.cm.ConfigurationAdmin admin) {
        if (configAdmin == admin) {
            configAdmin = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setComponentRuntime(org.osgi.service.component.runtime.ServiceComponentRuntime runtime) {
        this.scr = runtime;
    }

    void unsetComponentRuntime(org.osgi.service.component.runtime.ServiceComponentRuntime runtime) {
        if (scr == runtime) {
            scr = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(OrderEventListener listener) {
        listeners.add(listener);
    }

    void removeListener(OrderEventListener listener) {
        listeners.remove(listener);
    }

    // ---- wiring ------------------------------------------------------------------------------

    private void tryStart(LiveInstance instance) {
        String held = quarantined.get(instance.id());
        if (held != null && !instance.isActive()) {
            instance.holdQuarantined("quarantined before the restart: " + held + "; strategy:start " + instance.id() + " lifts it");
            return;
        }
        MarketDataFeed feed = feeds.get(instance.settings.feed());
        Venue venue = venues.get(instance.settings.venue());
        if (feed == null || venue == null) {
            instance.waitFor(feed == null ? "feed " + instance.settings.feed() + " (installed feeds: " + new java.util.TreeSet<>(feeds.keySet()) + ")"
                    : "venue " + instance.settings.venue() + " (installed venues: " + new java.util.TreeSet<>(venues.keySet()) + ")");
            return;
        }
        String id = instance.id();
        instance.start(feed.instruments(), oms, stores.open(id), e -> publish(id, e), maxOrdersPerCallback);
    }

    private void publish(String strategyId, OrderEvent e) {
        for (OrderEventListener l : listeners) {
            try {
                l.onOrderEvent(strategyId, e);
            } catch (RuntimeException ex) {
                LOG.warn("order event listener {} failed", l, ex);
            }
        }
    }

    /** A strategy callback running longer than this is quarantined. */
    static final long CALLBACK_BUDGET_MILLIS = 1_000;

    /** A tick that throws would end every later tick (timers, the watchdog): log it and carry on. */
    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("a runtime tick failed: {}", e.toString(), e);
        }
    }

    private void tick() {
        if (++ticks % 10 == 0) {
            scanConfigurations();
            judgeBreakers();
            watchFeeds();
        }
        instances.values().forEach(i -> {
            if (i.quarantineReason() != null && !quarantined.containsKey(i.id())) {
                journalQuarantine(i);
            }
            if (i.quarantineIfOverrun(CALLBACK_BUDGET_MILLIS)) {
                cancelOrdersOf(i.id());
            } else if (i.isRunning()) {
                i.tick();
            }
        });
    }

    /** Logs each live feed's change between fresh and stale (silent for {@code feed.stale.seconds}): one line each way. */
    private void watchFeeds() {
        feeds.forEach((id, f) -> {
            Optional<String> stale = staleness(id, f);
            if (stale.isPresent() && staleFeeds.put(id, stale.get()) == null) {
                LOG.error("{}: new orders of the strategies on it are refused STALE_MARKET_DATA until it speaks again", stale.get());
            } else if (stale.isEmpty() && staleFeeds.remove(id) != null) {
                LOG.warn("feed {} speaks again: orders of the strategies on it go through", id);
            }
        });
    }

    /** Why feed {@code f} counts as stale now (by the wall clock: its silence is real time); empty while it is fresh or tells no health. */
    private Optional<String> staleness(String id, MarketDataFeed f) {
        Optional<io.quiver.sdk.spi.FeedHealth> h = f.health();
        if (feedStaleAfter.isZero() || h.isEmpty() || !f.isRunning()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Instant since = feedWatchedSince.computeIfAbsent(id, k -> now);
        Instant last = h.get().lastMessage() != null && h.get().lastMessage().isAfter(since) ? h.get().lastMessage() : since;
        java.time.Duration silent = java.time.Duration.between(last, now);
        if (silent.compareTo(feedStaleAfter) <= 0) {
            return Optional.empty();
        }
        return Optional.of("feed " + id + " has sent nothing for " + silent.toSeconds() + " s (feed.stale.seconds = " + feedStaleAfter.toSeconds()
                + ")" + (h.get().connected() ? "" : "; it is not connected"));
    }

    /** Why the feed of strategy {@code strategyId} counts as stale; empty while it is fresh or the strategy is unknown. */
    private Optional<String> staleFeedOf(String strategyId) {
        LiveInstance i = instances.get(strategyId);
        MarketDataFeed f = i == null ? null : feeds.get(i.settings.feed());
        return f == null ? Optional.empty() : staleness(f.id(), f);
    }

    /** Lets the risk layer judge every account's breakers on the books now, so a loss trips one while no order is sent. */
    private void judgeBreakers() {
        try {
            oms.readBooks(books -> {
                risk.evaluate(books, oms.accounts());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("judging the breakers failed: {}", e.toString());
        }
    }

    /** Journals an instance's quarantine, unless strategy:start lifted it meanwhile (checked again under the lock). */
    private synchronized void journalQuarantine(LiveInstance i) {
        String reason = i.quarantineReason();
        if (reason == null || quarantined.containsKey(i.id()) || instances.get(i.id()) != i) {
            return;
        }
        quarantines.append(io.quiver.sdk.spi.JournalFields.record("QUARANTINED").add(i.id()).add(clock.instant()).add(reason).toString());
        quarantines.commit();
        quarantined.put(i.id(), reason);
    }

    /** Finds the strategy configurations that never became an instance (see {@link StrategyConfigurations}). */
    private void scanConfigurations() {
        org.osgi.service.cm.ConfigurationAdmin admin = configAdmin;
        org.osgi.service.component.runtime.ServiceComponentRuntime components = scr;
        if (admin == null || components == null) {
            return;
        }
        try {
            List<StrategyConfigurations.Problem> found = StrategyConfigurations.scan(admin, components);
            boolean booted = deployFolderOpen();
            if (booted && deployOpenSince == 0) {
                deployOpenSince = System.nanoTime();
            }
            // deploy/ takes a moment to install what it holds once it opens: a type still missing after that is worth a word
            boolean settled = booted && System.nanoTime() - deployOpenSince >= MISSING_TYPE_GRACE.toNanos();
            java.util.Set<String> now = new java.util.HashSet<>();
            for (StrategyConfigurations.Problem p : found) {
                String key = p.id() + "\n" + p.reason();
                now.add(key);
                if ((p.failed() || settled) && reportedProblems.add(key)) {
                    LOG.error("strategy configuration {}: {}", p.id(), p.reason());
                }
            }
            reportedProblems.retainAll(now);
            configProblems = found;
        } catch (java.io.IOException | org.osgi.framework.InvalidSyntaxException | RuntimeException e) {
            LOG.debug("cannot list the strategy configurations: {}", e.toString());
        }
    }

    /** Whether the boot is done and deploy/ watched (see {@link DeployFolderGate}); outside OSGi, always. */
    private static boolean deployFolderOpen() {
        org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(StrategyRuntimeComponent.class);
        org.osgi.framework.BundleContext context = bundle == null ? null : bundle.getBundleContext();
        return context == null || context.getBundle(0).adapt(org.osgi.framework.startlevel.FrameworkStartLevel.class).getStartLevel()
                >= DeployFolderGate.OPEN;
    }

    /** Cancels an instance's open orders, from outside its (possibly stuck) thread. */
    private void cancelOrdersOf(String instanceId) {
        oms.cancelAll(instanceId, "strategy " + instanceId + " quarantined");
    }

    /** The order manager's view of market data: marks and emulated order types. */
    private final MarketDataListener orderMarketData = new MarketDataListener() {
        @Override
        public void onBar(Bar bar) {
            oms.onBar(bar);
        }

        @Override
        public void onQuote(Quote quote) {
            oms.onQuote(quote);
        }

        @Override
        public void onTrade(Trade trade) {
            oms.onTrade(trade);
        }
    };

    /** Receives one feed's events: venues first, then the order manager, then the subscribed instances. */
    private final class FeedDispatcher implements MarketDataListener {
        private final String feedId;

        FeedDispatcher(String feedId) {
            this.feedId = feedId;
        }

        @Override
        public void onBar(Bar bar) {
            feedBars.get(feedId).incrementAndGet();
            dispatch(venue -> venue.onBar(bar), instance -> instance.onBar(bar));
        }

        @Override
        public void onQuote(Quote quote) {
            dispatch(venue -> venue.onQuote(quote), instance -> instance.onQuote(quote));
        }

        @Override
        public void onTrade(Trade trade) {
            dispatch(venue -> venue.onTrade(trade), instance -> instance.onTrade(trade));
        }

        private void dispatch(Consumer<MarketDataListener> toVenue, Consumer<LiveInstance> toInstance) {
            // The fills and triggers one bar causes are journaled in one commit.
            oms.inBatch(() -> {
                simulatedVenues.values().forEach(toVenue);
                toVenue.accept(orderMarketData);
            });
            for (LiveInstance i : instances.values()) {
                if (i.settings.feed().equals(feedId)) {
                    toInstance.accept(i);
                }
            }
        }
    }

    // ---- StrategyRuntime ---------------------------------------------------------------------

    /**
     * Every instance, and every configuration that did not become one: a configuration whose strategy
     * refused it (FAILED), whose type is not installed (waiting for it), or whose id another holds.
     */
    @Override
    public List<InstanceInfo> instances() {
        List<InstanceInfo> all = new java.util.ArrayList<>();
        instances.values().forEach(i -> all.add(i.info(oms)));
        synchronized (this) {
            standby.values().forEach(list -> list.forEach(i -> all.add(i.info(oms))));
        }
        for (StrategyConfigurations.Problem p : configProblems) {
            if (!instances.containsKey(p.id())) {
                all.add(problemInfo(p));
            }
        }
        all.sort(Comparator.comparing(InstanceInfo::id));
        return all;
    }

    @Override
    public Optional<InstanceInfo> instance(String id) {
        LiveInstance i = instances.get(id);
        if (i != null) {
            return Optional.of(i.info(oms));
        }
        return configProblems.stream().filter(p -> p.id().equals(id)).findFirst().map(this::problemInfo);
    }

    /** What a configuration without an instance shows: its settings as far as they can be read, and its books. */
    private InstanceInfo problemInfo(StrategyConfigurations.Problem p) {
        InstanceSettings s;
        try {
            s = InstanceSettings.from(p.properties());
        } catch (IllegalArgumentException e) {
            s = new InstanceSettings(p.id(), p.type(), "", "", List.of(), io.quiver.sdk.model.Money.ZERO, false);
        }
        boolean known = oms.accounts().contains(p.id());
        return new InstanceInfo(p.id(), p.type(), p.failed() ? InstanceState.FAILED : InstanceState.CREATED, p.failed() ? p.reason() : "",
                s.feed(), s.venue(), s.instruments(), s.capital(), known ? oms.cash(p.id()) : s.capital(), known ? oms.equity(p.id()) : s.capital(),
                known ? oms.openOrders(p.id()).size() : 0, known ? oms.orderCount(p.id()) : 0, 0, p.failed() ? "" : p.reason());
    }

    @Override
    public synchronized void start(String id) {
        LiveInstance i = existing(id);
        if (quarantined.containsKey(id)) {
            quarantines.append(io.quiver.sdk.spi.JournalFields.record("LIFTED").add(id).add(clock.instant()).toString());
            quarantines.commit();
            quarantined.remove(id);
            i.holdQuarantined(null);
            LOG.info("strategy {}: quarantine lifted", id);
        }
        if (i.isHalted()) {
            i.stop(); // retire the quarantined or failed run (its thread may be stuck: stop interrupts it after 10 s)
        }
        if (!i.isActive()) {
            tryStart(i);
        }
    }

    @Override
    public synchronized void stop(String id) {
        existing(id).stop();
    }

    private LiveInstance existing(String id) {
        LiveInstance i = instances.get(id);
        if (i == null) {
            throw new IllegalArgumentException("no strategy instance '" + id + "'; instances: " + instances.keySet().stream().sorted().toList());
        }
        return i;
    }

    @Override
    public List<Order> orders(String id) {
        if (id != null) {
            existing(id);
        }
        return oms.orders(id == null ? OrderFilter.ALL : OrderFilter.ofStrategy(id));
    }

    @Override
    public List<Position> positions(String id) {
        existing(id);
        return oms.accounts().contains(id) ? oms.positions(id) : List.of();
    }

    @Override
    public OrderManager orderManager() {
        return oms;
    }

    @Override
    public synchronized ReconciliationReport reconcile(String venueId, ReconciliationPolicy reconciliationPolicy) {
        Venue venue = venues.get(venueId);
        if (venue == null) {
            throw new IllegalArgumentException("no venue '" + venueId + "'; venues: " + String.join(", ", new java.util.TreeSet<>(venues.keySet())));
        }
        if (!(venue instanceof ReconcilableVenue reconcilable)) {
            throw new IllegalArgumentException("venue '" + venueId + "' keeps no books to reconcile with");
        }
        return oms.reconcile(reconcilable, reconciliationPolicy);
    }

    @Override
    public KillReport kill(String who, String reason, boolean flatten) {
        risk.kill(who, reason);
        int cancels = oms.cancelAll(null, "kill switch thrown by " + who);
        List<Order> flattening = new java.util.ArrayList<>();
        if (flatten) {
            String stamp = Long.toString(clock.millis(), 36);
            for (String account : oms.accounts()) {
                for (Position p : oms.positions(account)) {
                    if (p.quantity().isZero()) {
                        continue;
                    }
                    io.quiver.sdk.model.ClientOrderId id = io.quiver.sdk.model.ClientOrderId.of(FLATTEN_PREFIX + stamp + "-" + account + "-"
                            + p.instrument().symbol());
                    io.quiver.sdk.model.Side side = p.quantity().signum() > 0 ? io.quiver.sdk.model.Side.SELL : io.quiver.sdk.model.Side.BUY;
                    risk.exempt(id);
                    flattening.add(oms.submit(account, id, io.quiver.sdk.model.OrderRequest.market(p.instrument(), side, p.quantity().abs())));
                }
            }
        }
        LOG.warn("kill switch thrown by {} ({}): {} cancel(s) requested, {} flattening order(s)", who, reason, cancels, flattening.size());
        return new KillReport(cancels, flattening);
    }

    @Override
    public List<FeedInfo> feeds() {
        return feeds.values().stream().map(f -> new FeedInfo(f.id(), f.isRunning(),
                f.instruments().stream().map(i -> i.id().symbol()).toList(), feedBars.getOrDefault(f.id(), new AtomicLong()).get(),
                f.health().orElse(null)))
                .sorted(Comparator.comparing(FeedInfo::id)).toList();
    }

    @Override
    public List<VenueInfo> venues() {
        return venues.values().stream().map(v -> new VenueInfo(v.id(), v instanceof MarketDataListener,
                (int) instances.values().stream().filter(i -> i.settings.venue().equals(v.id()) && i.isActive()).count(),
                java.util.Arrays.stream(io.quiver.sdk.model.OrderType.values()).filter(v::supportsNatively)
                        .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(io.quiver.sdk.model.OrderType.class))),
                v.supportsModify(), v.batches(), v instanceof ReconcilableVenue, v.costs())).sorted(Comparator.comparing(VenueInfo::id)).toList();
    }
}
