package io.quiver.engine.internal;

import io.quiver.engine.InstanceInfo;
import io.quiver.engine.OrderEventListener;
import io.quiver.engine.StateStoreFactory;
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
    private final Clock clock = Clock.systemUTC();
    private final Map<String, LiveInstance> instances = new ConcurrentHashMap<>();
    private final Map<String, MarketDataFeed> feeds = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> feedBars = new ConcurrentHashMap<>();
    private final Map<String, Venue> venues = new ConcurrentHashMap<>();
    /** Simulated venues get market data only once reconciled, so they do not trade while their books are compared. */
    private final Map<String, MarketDataListener> simulatedVenues = new ConcurrentHashMap<>();
    private final List<OrderEventListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "quiver-timers"));

    @ObjectClassDefinition(name = "Quiver order management")
    public @interface Config {
        @AttributeDefinition(description = "What to do with differences found when reconciling with a venue: SYNC or HALT")
        String reconciliation_policy() default "SYNC";

        @AttributeDefinition(description = "How long closed orders stay in the journal (ISO-8601, e.g. P7D); older ones are "
                + "forgotten when the journal is compacted at start or with order:compact")
        String order_retention() default "P7D";
    }

    private final RiskService risk;

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
        Duration retention;
        try {
            retention = Duration.parse(config.order_retention().trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("order.retention: '" + config.order_retention() + "' is not an ISO-8601 duration such as P7D");
        }
        long started = System.nanoTime();
        this.oms = new OrderManager(journals.open("orders"), venues::get, clock::instant);
        oms.gate(risk.gate());
        LOG.info("order manager recovered {} order(s) of {} account(s) from its journal in {} ms", oms.orderCount(null),
                oms.accounts().size(), (System.nanoTime() - started) / 1_000_000);
        started = System.nanoTime();
        Instant keepSince = clock.instant().minus(retention);
        int forgotten = oms.compact(keepSince);
        if (forgotten > 0) {
            LOG.info("order manager compacted its journal: forgot {} order(s) closed before {}, kept {}, in {} ms", forgotten, keepSince,
                    oms.orderCount(null), (System.nanoTime() - started) / 1_000_000);
        }
        ticker.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
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
        try {
            InstanceSettings settings = InstanceSettings.from(props);
            if (instances.containsKey(settings.id())) {
                throw new IllegalArgumentException(io.quiver.engine.StrategyProperties.ID + ": '" + settings.id()
                        + "' is already used by another instance");
            }
            instance = new LiveInstance(settings, strategy, clock);
        } catch (IllegalArgumentException e) {
            InstanceSettings fallback = new InstanceSettings(String.valueOf(props.getOrDefault("service.pid", props.get("component.id"))),
                    String.valueOf(props.get("component.name")), "", "", List.of(), io.quiver.sdk.model.Money.ZERO, false);
            instance = LiveInstance.failed(fallback, strategy, e.getMessage());
            LOG.error("strategy configuration {} refused: {}", fallback.id(), e.getMessage());
        }
        instances.put(instance.id(), instance);
        if (instance.settings.autostart()) {
            tryStart(instance);
        }
    }

    synchronized void removeStrategy(Strategy strategy, Map<String, Object> props) {
        instances.values().stream().filter(i -> i.strategy == strategy).findFirst().ifPresent(i -> {
            i.stop();
            instances.remove(i.id());
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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(OrderEventListener listener) {
        listeners.add(listener);
    }

    void removeListener(OrderEventListener listener) {
        listeners.remove(listener);
    }

    // ---- wiring ------------------------------------------------------------------------------

    private void tryStart(LiveInstance instance) {
        MarketDataFeed feed = feeds.get(instance.settings.feed());
        Venue venue = venues.get(instance.settings.venue());
        if (feed == null || venue == null) {
            instance.waitFor(feed == null ? "feed " + instance.settings.feed() : "venue " + instance.settings.venue());
            return;
        }
        String id = instance.id();
        instance.start(feed.instruments(), oms, stores.open(id), e -> publish(id, e));
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

    private void tick() {
        instances.values().forEach(i -> {
            if (i.quarantineIfOverrun(CALLBACK_BUDGET_MILLIS)) {
                cancelOrdersOf(i.id());
            } else if (i.isRunning()) {
                i.tick();
            }
        });
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

    @Override
    public List<InstanceInfo> instances() {
        return instances.values().stream().map(i -> i.info(oms)).sorted(Comparator.comparing(InstanceInfo::id)).toList();
    }

    @Override
    public Optional<InstanceInfo> instance(String id) {
        return Optional.ofNullable(instances.get(id)).map(i -> i.info(oms));
    }

    @Override
    public synchronized void start(String id) {
        LiveInstance i = existing(id);
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
                    io.quiver.sdk.model.ClientOrderId id = io.quiver.sdk.model.ClientOrderId.of("kill-" + stamp + "-" + account + "-"
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
                f.instruments().stream().map(i -> i.id().symbol()).toList(), feedBars.getOrDefault(f.id(), new AtomicLong()).get()))
                .sorted(Comparator.comparing(FeedInfo::id)).toList();
    }

    @Override
    public List<VenueInfo> venues() {
        return venues.values().stream().map(v -> new VenueInfo(v.id(), v instanceof MarketDataListener,
                (int) instances.values().stream().filter(i -> i.settings.venue().equals(v.id()) && i.isActive()).count()))
                .sorted(Comparator.comparing(VenueInfo::id)).toList();
    }
}
