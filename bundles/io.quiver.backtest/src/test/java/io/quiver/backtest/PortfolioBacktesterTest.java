package io.quiver.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.BaseStrategy;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioBacktesterTest {
    @TempDir
    Path home;

    /** Buys {@code quantity} of its first instrument at market on its first bar and holds it. */
    public static final class BuyOnce extends BaseStrategy {
        public @interface Config {
            int quantity() default 10;
        }

        private final Qty quantity;
        private boolean bought;

        public BuyOnce(Config c) {
            this.quantity = Qty.of(c.quantity());
        }

        @Override
        public void onBar(Bar bar) {
            if (!bought && bar.instrument().equals(context().instruments().get(0))) {
                bought = true;
                buyMarket(bar.instrument(), quantity);
            }
        }
    }

    /** Holds cash. */
    public static final class Idle extends BaseStrategy {
        @Override
        public void onBar(Bar bar) {
        }
    }

    /** Goes in and out of its instrument every other bar with a share of its equity: it trades whatever capital it has. */
    public static final class Flipper extends BaseStrategy {
        public @interface Config {
            String share() default "0.5";
        }

        private final BigDecimal share;
        private int bars;

        public Flipper(Config c) {
            this.share = new BigDecimal(c.share());
        }

        @Override
        public void onBar(Bar bar) {
            InstrumentId i = context().instruments().get(0);
            if (!bar.instrument().equals(i) || !context().openOrders().isEmpty()) {
                return;
            }
            Qty held = context().position(i).quantity();
            if (bars++ % 2 == 0 && held.isZero()) {
                BigDecimal q = context().equity().toBigDecimal().multiply(share).divide(bar.close().toBigDecimal(), 0, java.math.RoundingMode.DOWN);
                if (q.signum() > 0) {
                    buyMarket(i, Qty.of(q));
                }
            } else if (held.isPositive()) {
                sellMarket(i, held);
            }
        }
    }

    /** Buys one share at its second bar and fails at every bar from its tenth (three faults quarantine it). */
    public static final class Failing extends BaseStrategy {
        private int bars;

        @Override
        public void onBar(Bar bar) {
            if (++bars >= 10) {
                throw new IllegalStateException("a bug in the strategy");
            }
            if (bars == 2) {
                buyMarket(bar.instrument(), Qty.of(1));
            }
        }
    }

    /** Buys one of every instrument it is given on its first bar, and sells it on its third. */
    public static final class EachInstrument extends BaseStrategy {
        private final Map<InstrumentId, Integer> seen = new java.util.HashMap<>();

        @Override
        public void onBar(Bar bar) {
            int n = seen.merge(bar.instrument(), 1, Integer::sum);
            if (n == 1) {
                buyMarket(bar.instrument(), Qty.of(1));
            } else if (n == 3) {
                sellMarket(bar.instrument(), Qty.of(1));
            }
        }
    }

    private static final Map<String, Class<?>> TYPES = Map.of("test.buy", BuyOnce.class, "test.idle", Idle.class, "test.flip", Flipper.class,
            "test.fail", Failing.class, "test.each", EachInstrument.class);

    private Path csv(String name, String... rows) throws IOException {
        Path f = home.resolve(name);
        Files.writeString(f, "Date,Open,High,Low,Close,Volume\n" + String.join("\n", rows) + "\n");
        return f;
    }

    private static PortfolioPlan plan(String... lines) {
        Map<String, String> m = new TreeMap<>();
        for (String l : lines) {
            int eq = l.indexOf('=');
            m.put(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
        }
        return PortfolioPlan.parse(m, "plan.cfg", "test");
    }

    private PortfolioResult run(PortfolioPlan plan) {
        return PortfolioBacktester.run(plan, TYPES, home, limits -> io.quiver.risk.RiskChains.backtest(Map.of(), limits), BacktestProgress.NONE);
    }

    @Test
    void fixedWeightsSplitTheCapitalAndAMonthlyRebalanceMovesItBackToTheTargetsExactly() throws IOException {
        csv("a.csv", "2024-01-30,10,10,10,10,100", "2024-01-31,10,10,10,10,100", "2024-02-01,20,20,20,20,100", "2024-02-02,20,20,20,20,100",
                "2024-03-01,20,20,20,20,100");
        csv("b.csv", "2024-01-30,10,10,10,10,100", "2024-01-31,10,10,10,10,100", "2024-02-01,10,10,10,10,100", "2024-02-02,10,10,10,10,100",
                "2024-03-01,10,10,10,10,100");
        PortfolioResult r = run(plan("cash = 1000", "allocator = fixed", "rebalance = monthly", "data.a = a.csv", "data.b = b.csv",
                "instance.a.type = test.buy", "instance.a.data = a", "instance.a.weight = 0.5",
                "instance.b.type = test.idle", "instance.b.data = b", "instance.b.weight = 0.3"));
        // a: 500, buys 10 at 10 (the second bar's open); b: 300; 200 unallocated. February: a's 10 shares go to 20, a = 600.
        // March: total 1100, targets a 550 and b 330: 50 taken from a's free cash, 30 given to b, 220 left unallocated.
        BacktestResult a = r.instances().get(0);
        BacktestResult b = r.instances().get(1);
        assertEquals(Money.of(550), a.finalEquity());
        assertEquals(Money.of(350), a.cash());
        assertEquals(Money.of(330), b.finalEquity());
        assertEquals(Money.of(220), r.unallocated());
        assertEquals(Money.of(1100), r.finalEquity());
        assertEquals(2, r.rebalances()); // February and March
        // a daily bar is stamped at its end: March's first bar at 2024-03-02T00:00Z
        assertTrue(r.json().contains("{\"time\": \"2024-03-02T00:00:00Z\", \"weights\": {\"a\": 0.5, \"b\": 0.3}, \"moved\": {\"a\": -50, \"b\": 30}}"), r.json());
        // a's return is time-weighted: 0 % in January, +20 % in February, 0 % in March; the 50 taken out is no loss
        assertEquals(0, new BigDecimal("0.2").compareTo(a.metrics().totalReturn()), a.metrics().totalReturn().toPlainString());
        assertEquals(0, new BigDecimal("0.1").compareTo(r.metrics().totalReturn()));
    }

    @Test
    void anInstanceWhoseDataHasEndedGivesItsCapitalBackAndFromToCutTheData() throws IOException {
        csv("a.csv", "2024-01-29,10,10,10,10,100", "2024-01-30,10,10,10,10,100", "2024-01-31,10,10,10,10,100", "2024-02-01,10,10,10,10,100",
                "2024-03-01,10,10,10,10,100", "2024-04-01,10,10,10,10,100");
        csv("b.csv", "2024-01-29,10,10,10,10,100", "2024-01-30,10,10,10,10,100", "2024-01-31,10,10,10,10,100");
        PortfolioResult r = run(plan("cash = 1000", "allocator = equal", "data.a = a.csv", "data.b = b.csv", "from = 2024-01-30", "to = 2024-03-31",
                "instance.a.type = test.idle", "instance.a.data = a", "instance.b.type = test.idle", "instance.b.data = b"));
        // 500 each; in February b's data has ended: its 500 goes to a, which holds it all
        assertEquals(Money.of(1000), r.instances().get(0).finalEquity());
        assertEquals(Money.ZERO, r.instances().get(1).finalEquity());
        assertEquals(6, r.bars()); // from/to leave a: 30 and 31 January, 1 February, 1 March; b: 30 and 31 January
        assertTrue(r.json().contains("\"weights\": {\"a\": 1.00000000, \"b\": 0}, \"moved\": {\"a\": 500, \"b\": -500}}"), r.json());
        assertEquals(0, r.instances().get(0).metrics().totalReturn().signum());
    }

    @Test
    void everyAllocatorKeepsTheCashOfThePortfolioEqualToTheSumOfItsPartsExactly() {
        for (String allocator : new String[] {"equal", "inverse-volatility", "kelly", "drawdown"}) {
            PortfolioResult r = run(plan("cash = 250000", "allocator = " + allocator, "rebalance = daily", "venue.fee.bps = 3",
                    "borrow.rate = 0.04", "financing.rate = 0.06", "data.x = synthetic:3000:1", "data.x.symbol = X",
                    "data.y = synthetic:3000:2", "data.y.symbol = Y", "data.z = synthetic:2000:3", "data.z.symbol = Z",
                    "instance.f1.type = test.flip", "instance.f1.data = x", "instance.f1.param.share = 0.9",
                    "instance.f2.type = test.flip", "instance.f2.data = y", "instance.f2.param.share = 0.95",
                    "instance.f3.type = test.flip", "instance.f3.data = z, x", "instance.f3.param.share = 0.3",
                    "instance.idle.type = test.idle", "instance.idle.data = x"));
            Money parts = r.unallocated();
            Money cash = r.unallocated();
            Money flows = Money.ZERO;
            Money fees = Money.ZERO;
            for (BacktestResult i : r.instances()) {
                parts = parts.plus(i.finalEquity());
                cash = cash.plus(i.cash());
                fees = fees.plus(i.fees());
                for (Fill f : i.fills()) {
                    Money notional = f.price().times(f.quantity());
                    flows = f.side() == Side.BUY ? flows.minus(notional) : flows.plus(notional);
                }
            }
            assertEquals(r.finalEquity(), parts, allocator);
            // cash only changes by what fills pay and receive, their fees and the overnight charges: transfers add up to nothing
            assertEquals(Money.of(250000).plus(flows).minus(fees), cash, allocator);
            assertTrue(r.rebalances() > 0, allocator);
            assertTrue(r.instances().stream().allMatch(i -> !i.fills().isEmpty() || i.settings().strategyId().equals("idle")), allocator);
        }
    }

    @Test
    void thePortfolioRunTwiceGivesTheSameBytes() {
        PortfolioPlan p = plan("allocator = inverse-volatility", "rebalance = weekly", "venue.slippage = FIXED_BPS", "venue.slippage.bps = 2",
                "latency = PT30S", "data.x = synthetic:20000:5", "data.x.symbol = X", "data.y = synthetic:20000:6", "data.y.symbol = Y",
                "instance.a.type = test.flip", "instance.a.data = x", "instance.b.type = test.flip", "instance.b.data = y",
                "instance.c.type = test.flip", "instance.c.data = y, x", "instance.c.param.share = 0.2");
        assertEquals(run(p).json(), run(p).json());
    }

    @Test
    void aPortfolioLimitHoldsAcrossInstancesThatEachStayWithinTheirOwn() throws IOException {
        csv("a.csv", "2024-01-30,10,10,10,10,100", "2024-01-31,10,10,10,10,100", "2024-02-01,10,10,10,10,100");
        PortfolioResult r = run(plan("allocator = equal", "data.a = a.csv", "risk.position.max = 10", "risk.portfolio.position.max = 15",
                "instance.p.type = test.buy", "instance.q.type = test.buy"));
        // each may hold 10; together at most 15: p, first, buys 10; q's 10 would make 20
        assertEquals(Qty.of(10), r.instances().get(0).finalPosition());
        assertEquals(Qty.ZERO, r.instances().get(1).finalPosition());
        assertEquals(1, r.instances().get(1).orders());
        assertTrue(r.instances().get(1).fills().isEmpty());
        PortfolioResult without = run(plan("allocator = equal", "data.a = a.csv", "risk.position.max = 10", "instance.p.type = test.buy",
                "instance.q.type = test.buy"));
        assertEquals(Qty.of(10), without.instances().get(1).finalPosition());
    }

    @Test
    void aFailingInstanceIsQuarantinedAloneAndItsFreeCashGoesBackToTheOthers() {
        PortfolioResult r = run(plan("cash = 100000", "allocator = equal", "rebalance = daily", "data.x = synthetic:5000:1",
                "instance.bad.type = test.fail", "instance.good.type = test.flip"));
        BacktestResult bad = r.instances().get(0);
        BacktestResult good = r.instances().get(1);
        assertEquals(io.quiver.oms.host.InstanceState.QUARANTINED, bad.finalState());
        assertTrue(bad.quarantineReason().contains("a bug in the strategy"), bad.quarantineReason());
        assertEquals(io.quiver.oms.host.InstanceState.STOPPED, good.finalState());
        // the quarantined instance keeps only its one share; everything else went to the instance still at work
        assertEquals(Qty.of(1), bad.finalPosition());
        assertEquals(0, bad.cash().signum(), bad.cash().toString());
        assertTrue(good.fills().size() > 100);
        assertTrue(r.json().contains("\"weights\": {\"bad\": 0, \"good\": 1.00000000}"), "bad gets no weight once quarantined");
    }

    @Test
    void aPlanFileWithAKeyTwiceOrAnUnusedDataSetIsRefused() throws IOException {
        Path twice = home.resolve("twice.cfg");
        Files.writeString(twice, "data.a = x.csv\ninstance.a.type = sma\ninstance.a.type = ladder\n");
        assertEquals(twice + ": instance.a.type: given twice", assertThrows(IllegalArgumentException.class, () -> PortfolioPlan.read(twice)).getMessage());
        assertEquals("plan.cfg: data.b: no instance trades it; name it in an instance's data or drop it", assertThrows(IllegalArgumentException.class,
                () -> plan("data.a = a.csv", "data.b = b.csv", "instance.a.type = sma", "instance.a.data = a")).getMessage());
        PortfolioPlan read = PortfolioPlan.read(writePlan("ok.cfg", "# a comment\ndata.a = x.csv\ninstance.a.type = sma\n"));
        assertEquals("ok", read.name());
    }

    private Path writePlan(String name, String text) throws IOException {
        Path f = home.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** An instance trading two instruments has a round trip on each, with its own prices: fills are booked by their instrument. */
    @Test
    void anInstanceOnTwoInstrumentsHasTheRoundTripsOfEach() throws IOException {
        csv("a.csv", "2024-01-29,10,10,10,10,100", "2024-01-30,10,10,10,10,100", "2024-01-31,11,11,11,11,100", "2024-02-01,12,12,12,12,100");
        csv("b.csv", "2024-01-29,50,50,50,50,100", "2024-01-30,50,50,50,50,100", "2024-01-31,40,40,40,40,100", "2024-02-01,45,45,45,45,100");
        PortfolioResult r = run(plan("allocator = equal", "data.a = a.csv", "data.b = b.csv", "instance.x.type = test.each", "instance.x.data = a, b"));
        List<RoundTrip> trips = r.instances().get(0).trades();
        // bought at the second bar's open, sold at the fourth's: a 10 -> 12 (+2), b 50 -> 45 (-5)
        assertEquals(2, trips.size(), trips.toString());
        Map<String, Money> pnl = new TreeMap<>();
        trips.forEach(t -> pnl.put(t.instrument().symbol(), t.pnl()));
        assertEquals(Map.of("a", Money.of(2), "b", Money.of(-5)), pnl);
    }

    @Test
    void aWrongKeyIsNamed() throws IOException {
        csv("a.csv", "2024-01-30,10,10,10,10,100", "2024-01-31,10,10,10,10,100");
        assertEquals("plan.cfg: instance.a.typ: not an instance setting; they are type, data, weight, param.<name>, risk.<key>",
                assertThrows(IllegalArgumentException.class, () -> plan("data.a = a.csv", "instance.a.typ = sma")).getMessage());
        assertEquals("plan.cfg: instance.a.data: no data set 'b'; the plan has [a]",
                assertThrows(IllegalArgumentException.class, () -> plan("data.a = a.csv", "instance.a.type = x", "instance.a.data = b")).getMessage());
        assertEquals("plan.cfg: rebalance: 'yearly' is not one of never, daily, weekly, monthly, quarterly",
                assertThrows(IllegalArgumentException.class, () -> plan("data.a = a.csv", "instance.a.type = x", "rebalance = yearly")).getMessage());
        assertEquals("instance.a.type: no strategy type 'nope'; installed: [test.buy, test.each, test.fail, test.flip, test.idle]",
                assertThrows(IllegalArgumentException.class, () -> run(plan("data.a = a.csv", "instance.a.type = nope"))).getMessage());
        assertEquals("instance.a.param.quantity: 'ten' is not a whole number", assertThrows(IllegalArgumentException.class,
                () -> run(plan("data.a = a.csv", "instance.a.type = test.buy", "instance.a.param.quantity = ten"))).getMessage());
        assertEquals("instance.a.weight: is required by the fixed allocator",
                assertThrows(IllegalArgumentException.class, () -> run(plan("data.a = a.csv", "instance.a.type = test.idle", "allocator = fixed"))).getMessage());
        assertEquals("allocator.lookbak: not a setting of allocator inverse-volatility; its settings: [lookback]",
                assertThrows(IllegalArgumentException.class, () -> run(plan("data.a = a.csv", "instance.a.type = test.idle",
                        "allocator = inverse-volatility", "allocator.lookbak = 5"))).getMessage());
        assertEquals("instance.a.risk.position.maxx: not a risk setting; the settings are " + String.join(", ",
                new java.util.TreeSet<>(io.quiver.risk.RiskLimits.KEYS.keySet())),
                assertThrows(IllegalArgumentException.class, () -> run(plan("data.a = a.csv", "instance.a.type = test.idle",
                        "instance.a.risk.position.maxx = 5"))).getMessage());
    }
}
