package io.quiver.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.oms.PreTradeGate;
import io.quiver.sdk.BaseStrategy;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.BarSeries;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.spi.ExecutionListener;
import io.quiver.sdk.spi.MarketDataListener;
import io.quiver.sdk.spi.Venue;
import io.quiver.sdk.spi.VenueFactory;
import io.quiver.sdk.spi.TypedSettings;
import io.quiver.sdk.spi.VenueSetup;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A venue type the engine has never heard of is backtested through its factory, with its own settings. */
class VenueFactoryBacktestTest {
    private static final Instrument X = Instrument.of("X", 2, "USD");

    /** Fills market orders whole at the next bar's close, less a {@code haircut} in cents. */
    static final class CloseFillFactory implements VenueFactory {
        public interface Settings {
            default long haircut() {
                return 0;
            }
        }

        @Override
        public String type() {
            return "close-fill";
        }

        @Override
        public String description() {
            return "market orders at the next close";
        }

        @Override
        public Venue create(VenueSetup setup) {
            long haircut = TypedSettings.of(Settings.class, setup.settings(), "venue " + type()).haircut();
            return new CloseFill(setup.id(), haircut);
        }
    }

    private static final class CloseFill implements Venue, MarketDataListener {
        private final String id;
        private final long haircut;
        private final Map<ClientOrderId, String[]> working = new LinkedHashMap<>();
        private final Map<ClientOrderId, OrderRequest> requests = new LinkedHashMap<>();
        private ExecutionListener listener;
        private int executions;

        CloseFill(String id, long haircut) {
            this.id = id;
            this.haircut = haircut;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void open(ExecutionListener l) {
            listener = l;
        }

        @Override
        public void submit(String account, ClientOrderId orderId, OrderRequest request, Instant time) {
            working.put(orderId, new String[] {account});
            requests.put(orderId, request);
            listener.onOrderEvent(new OrderEvent.Accepted(orderId, time));
        }

        @Override
        public void cancel(ClientOrderId orderId, Instant time) {
            if (working.remove(orderId) != null) {
                listener.onOrderEvent(new OrderEvent.Cancelled(orderId, time, "cancelled"));
            }
        }

        @Override
        public void onBar(Bar bar) {
            for (var e : List.copyOf(working.entrySet())) {
                OrderRequest r = requests.get(e.getKey());
                working.remove(e.getKey());
                var price = bar.close().minus(io.quiver.sdk.model.Price.ofUnits(haircut, 2));
                Fill f = new Fill(e.getKey(), "cf-" + ++executions, e.getValue()[0], r.instrument(), r.side(), r.quantity(), price, Money.ZERO,
                        bar.time());
                listener.onOrderEvent(new OrderEvent.Filled(e.getKey(), bar.time(), f, OrderStatus.FILLED));
            }
        }

        @Override
        public void close() {
            listener = null;
        }
    }

    /** Buys 10 on the first bar and sells them on the third. */
    private static final class InAndOut extends BaseStrategy {
        final List<Fill> fills = new ArrayList<>();
        private int bars;

        @Override
        public void onBar(Bar bar) {
            bars++;
            if (bars == 1) {
                buyMarket(bar.instrument(), Qty.of(10));
            } else if (bars == 3) {
                sellMarket(bar.instrument(), Qty.of(10));
            }
        }

        @Override
        public void onFill(Fill fill) {
            fills.add(fill);
        }
    }

    private static BarSeries bars() {
        BarSeries.Builder b = BarSeries.builder(X, 0);
        long[] closes = {10_000, 10_100, 10_200, 10_300, 10_400};
        for (int i = 0; i < closes.length; i++) {
            b.add(BarSeries.nanosOf(Instant.parse("2020-01-02T00:00:00Z").plusSeconds(86_400L * i)), closes[i], closes[i], closes[i], closes[i], 1);
        }
        return b.build();
    }

    @Test
    void aNewVenueTypeIsBacktestedWithItsOwnSettings() {
        BacktestSettings settings = new BacktestSettings("t", "test", Map.of(), Money.of(100_000), BigDecimal.ZERO, 3, "five bars", "n/a",
                "close-fill", Map.of("haircut", "5"));
        InAndOut strategy = new InAndOut();
        BacktestResult r = Backtester.run(strategy, bars(), settings, PreTradeGate.NONE, BacktestProgress.NONE, new CloseFillFactory());
        assertEquals(List.of("BUY 10 @ 100.95", "SELL 10 @ 102.95"),
                strategy.fills.stream().map(f -> f.side() + " " + f.quantity() + " @ " + f.price()).toList(), "filled at the next close less 5 cents");
        assertEquals(Money.of("100020.00"), r.cash(), "100,000 - 1,009.50 + 1,029.50, exactly");
    }

    @Test
    void aVenueTypeThatIsNotInstalledOrASettingItDoesNotKnowIsNamed() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> VenueFactories.onClassPath().named("nyse"));
        assertEquals("venue: 'nyse' is not installed; installed: [exchange, sim]", missing.getMessage());
        BacktestSettings typo = new BacktestSettings("t", "test", Map.of(), Money.of(100_000), BigDecimal.ZERO, 3, "five bars", "n/a",
                "exchange", Map.of("levles", "3"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Backtester.run(new InAndOut(), bars(), typo,
                PreTradeGate.NONE, BacktestProgress.NONE));
        assertEquals("levles: not a setting of venue exchange; its settings: [account.fees, account.self.trade, band.ticks, fee.bps, level.lots, "
                + "levels, maker.rate, noise.lots, seed, self.trade, taker.rate]", unknown.getMessage());
        BacktestSettings negative = new BacktestSettings("t", "test", Map.of(), Money.of(100_000), BigDecimal.ZERO, 3, "five bars", "n/a",
                "sim", Map.of("fee.bps", "-1"));
        assertEquals("fee.bps: must be at least 0, was -1", assertThrows(IllegalArgumentException.class, () -> Backtester.run(new InAndOut(),
                bars(), negative, PreTradeGate.NONE, BacktestProgress.NONE)).getMessage());
    }
}
