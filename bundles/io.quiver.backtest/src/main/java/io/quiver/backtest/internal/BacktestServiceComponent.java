package io.quiver.backtest.internal;

import io.quiver.backtest.BacktestProgress;
import io.quiver.backtest.BacktestResult;
import io.quiver.backtest.BacktestService;
import io.quiver.oms.host.StrategyInstantiator;
import io.quiver.sdk.Strategy;
import io.quiver.backtest.VenueFactories;
import io.quiver.sdk.spi.VenueFactory;
import java.util.ArrayList;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import java.util.Comparator;
import java.util.List;
import io.quiver.risk.RiskService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Finds strategy types among the components Declarative Services knows (whether or not an instance is
 * configured) and backtests fresh objects of them, so a backtest never disturbs a running instance.
 */
@Component(service = BacktestService.class)
public final class BacktestServiceComponent implements BacktestService {
    private final ServiceComponentRuntime scr;
    private final BundleContext context;
    private final RiskService risk;

    @Activate
    public BacktestServiceComponent(@Reference ServiceComponentRuntime scr, @Reference RiskService risk, BundleContext context) {
        this.scr = scr;
        this.risk = risk;
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            fieldOption = FieldOption.UPDATE)
    private final List<VenueFactory> venueFactories = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The bar sources installed (each bundle's {@link io.quiver.sdk.spi.BarSourceFactory}): what a backtest's data argument can name. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            fieldOption = FieldOption.UPDATE)
    private final List<io.quiver.sdk.spi.BarSourceFactory> barSources = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Allocators bundles add to the built-in ones. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            fieldOption = FieldOption.UPDATE)
    private final List<io.quiver.backtest.AllocatorFactory> allocatorFactories = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public java.util.Map<String, String> allocatorTypes() {
        java.util.Map<String, String> types = new java.util.TreeMap<>();
        new io.quiver.backtest.Allocators(allocatorFactories).all().forEach(f -> types.put(f.type(), f.description()));
        return types;
    }

    @Override
    public io.quiver.backtest.PortfolioResult runPortfolio(io.quiver.backtest.PortfolioPlan plan, java.nio.file.Path home, BacktestProgress progress) {
        java.util.Map<String, ComponentDescriptionDTO> byName = new java.util.TreeMap<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (List.of(d.serviceInterfaces).contains(Strategy.class.getName())) {
                byName.put(d.name, d);
            }
        }
        java.util.function.Function<String, PortfolioRequests.StrategyClass> find = asked -> {
            for (ComponentDescriptionDTO d : byName.values()) {
                if (BacktestRequests.matches(d.name, asked)) {
                    Class<?> type = load(d);
                    if (type == null) {
                        throw new IllegalArgumentException("strategy type " + d.name + " cannot be loaded from its bundle");
                    }
                    return new PortfolioRequests.StrategyClass(d.name, type);
                }
            }
            return null;
        };
        return PortfolioRequests.run(plan, find, List.copyOf(byName.keySet()), home, new io.quiver.backtest.BarSources(barSources),
                new VenueFactories(venueFactories), new io.quiver.backtest.Allocators(allocatorFactories), risk::backtestGate, progress);
    }

    @Override
    public java.util.Map<String, String> venueTypes() {
        java.util.Map<String, String> types = new java.util.TreeMap<>();
        new VenueFactories(venueFactories).all().forEach(f -> types.put(f.type(), f.description()));
        return types;
    }

    @Override
    public List<StrategyType> strategyTypes() {
        List<StrategyType> types = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (List.of(d.serviceInterfaces).contains(Strategy.class.getName())) {
                Class<?> type = load(d);
                types.add(new StrategyType(d.name, d.implementationClass, d.bundle.symbolicName + " " + bundleVersion(d),
                        type == null ? java.util.Map.of() : StrategyInstantiator.parameters(type)));
            }
        }
        types.sort(Comparator.comparing(StrategyType::name));
        return types;
    }

    @Override
    public BacktestResult run(Request request, BacktestProgress progress) {
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (List.of(d.serviceInterfaces).contains(Strategy.class.getName())
                    && BacktestRequests.matches(d.name, request.strategyType())) {
                Class<?> type = load(d);
                if (type == null) {
                    throw new IllegalArgumentException("strategy type " + d.name + " cannot be loaded from its bundle");
                }
                return BacktestRequests.run(type, d.name, request, risk.backtestGate(), progress, new VenueFactories(venueFactories),
                        new io.quiver.backtest.BarSources(barSources));
            }
        }
        throw new IllegalArgumentException("no strategy type '" + request.strategyType() + "'; installed: "
                + strategyTypes().stream().map(StrategyType::name).toList());
    }

    private Bundle bundle(ComponentDescriptionDTO d) {
        return context.getBundle(d.bundle.id);
    }

    private String bundleVersion(ComponentDescriptionDTO d) {
        Bundle b = bundle(d);
        return b == null ? "" : b.getVersion().toString();
    }

    private Class<?> load(ComponentDescriptionDTO d) {
        Bundle b = bundle(d);
        try {
            return b == null ? null : b.loadClass(d.implementationClass);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
