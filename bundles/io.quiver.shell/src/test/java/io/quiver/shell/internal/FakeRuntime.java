package io.quiver.shell.internal;

import io.quiver.engine.InstanceInfo;
import io.quiver.oms.host.InstanceState;
import io.quiver.engine.StrategyRuntime;
import io.quiver.oms.InMemoryJournal;
import io.quiver.oms.OrderManager;
import io.quiver.oms.ReconciliationPolicy;
import io.quiver.oms.ReconciliationReport;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.Position;
import io.quiver.venue.sim.BarFillSimulator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A runtime with fixed instances, recording starts and stops, whose orders go through a real order
 * manager to a real simulated venue ({@code sim}) on a clock the test moves.
 */
final class FakeRuntime implements StrategyRuntime {
    final List<InstanceInfo> instances = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final BarFillSimulator venue = new BarFillSimulator("sim", BigDecimal.ZERO);
    Instant now = Instant.parse("2026-11-20T14:30:00Z");
    final OrderManager oms = new OrderManager(new InMemoryJournal(), id -> id.equals("sim") ? venue : null, () -> now);
    /** The risk layer behind {@link #kill}, when a test wires one (its gate is then the order manager's). */
    io.quiver.risk.RiskService risk;

    FakeRuntime withRisk(io.quiver.risk.RiskService riskService) {
        this.risk = riskService;
        oms.gate(riskService.gate());
        return this;
    }

    FakeRuntime() {
        venue.open(e -> oms.onVenueEvent("sim", e));
    }

    FakeRuntime add(String id, InstanceState state, String reason, String equity) {
        instances.add(new InstanceInfo(id, "io.quiver.strategy.sma", state, reason, "synthetic", "sim", List.of("SYN1"), Money.of(1000),
                Money.of("900.5"), Money.of(equity), 1, 4, reason.isEmpty() ? 0 : 3, ""));
        return this;
    }

    @Override
    public List<InstanceInfo> instances() {
        return instances;
    }

    @Override
    public Optional<InstanceInfo> instance(String id) {
        return instances.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    @Override
    public void start(String id) {
        calls.add("start " + id);
    }

    @Override
    public void stop(String id) {
        calls.add("stop " + id);
    }

    @Override
    public List<Order> orders(String id) {
        return List.of();
    }

    @Override
    public List<Position> positions(String id) {
        return oms.accounts().contains(id) ? oms.positions(id) : List.of();
    }

    @Override
    public OrderManager orderManager() {
        return oms;
    }

    @Override
    public ReconciliationReport reconcile(String venueId, ReconciliationPolicy policy) {
        if (!venueId.equals("sim")) {
            throw new IllegalArgumentException("no venue '" + venueId + "'");
        }
        return oms.reconcile(venue, policy);
    }

    @Override
    public KillReport kill(String who, String reason, boolean flatten) {
        calls.add("kill " + who + " " + reason + (flatten ? " flatten" : ""));
        if (risk != null) {
            risk.kill(who, reason);
        }
        return new KillReport(oms.cancelAll(null, "kill switch thrown by " + who), List.of());
    }

    @Override
    public List<FeedInfo> feeds() {
        return List.of(new FeedInfo("live", true, List.of("AAPL"), 0, new io.quiver.sdk.spi.FeedHealth(true,
                java.time.Instant.now().minusSeconds(3), java.time.Duration.ofMillis(12), 2, 1)), new FeedInfo("synthetic", true, List.of("SYN1", "SYN2"), 42));
    }

    @Override
    public List<VenueInfo> venues() {
        return List.of(new VenueInfo("sim", true, 2, java.util.EnumSet.of(io.quiver.sdk.model.OrderType.MARKET, io.quiver.sdk.model.OrderType.LIMIT,
                io.quiver.sdk.model.OrderType.STOP), true, true, true, "commission: 1 bps of notional"));
    }
}
