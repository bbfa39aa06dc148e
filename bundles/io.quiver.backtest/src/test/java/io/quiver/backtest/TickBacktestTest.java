package io.quiver.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.BaseStrategy;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Quote;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TickSeries;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.model.Trade;
import io.quiver.sdk.spi.BarSourceFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Backtests over the sample quote and trade files: strategies get onQuote and onTrade, and orders fill at the bid or ask, or the trade's price. */
class TickBacktestTest {
    private static Path sample(String name) {
        return Path.of(System.getProperty("quiver.sample.data", "../../data")).resolve(name);
    }

    private static BarSourceFactory.BarData read(String name) {
        return BarSources.onClassPath().open(sample(name).toString(), Path.of("."));
    }

    private static BacktestSettings settings(Map<String, String> venue) {
        return new BacktestSettings("ticks", "test.ticks", Map.of(), Money.of(100_000), BigDecimal.ZERO, 3, "sample", "n/a", "sim", venue);
    }

    private static BacktestResult run(BaseStrategy s, TickSeries ticks, Map<String, String> venue) {
        VenueFactories venues = VenueFactories.onClassPath();
        return Backtester.run(s, ticks, Backtester.overTicks(settings(venue), venues.named("sim")), io.quiver.oms.PreTradeGate.NONE,
                BacktestProgress.NONE, venues.named("sim"));
    }

    /** Trades the ten quotes of bidask.csv: a market buy, a limit sell that rests, a marketable limit buy. */
    public static final class QuoteTrader extends BaseStrategy {
        final List<String> seen = new ArrayList<>();
        private int quotes;

        @Override
        public void onQuote(Quote q) {
            quotes++;
            seen.add(q.bid() + "/" + q.ask());
            if (quotes == 1) {
                buyMarket(q.instrument(), Qty.of(1000));
            } else if (quotes == 3) {
                context().submit(OrderRequest.limit(q.instrument(), Side.SELL, Qty.of(1000), Price.of("0.5500"), TimeInForce.GTC));
            } else if (quotes == 8) {
                context().submit(OrderRequest.limit(q.instrument(), Side.BUY, Qty.of(1000), Price.of("0.5800"), TimeInForce.GTC));
            }
        }
    }

    @Test
    void quotesFillBuysAtTheAskAndSellsAtTheBidAndARestingLimitAtItsLimit() {
        BarSourceFactory.BarData data = read("bidask.csv");
        assertTrue(data.isTicks());
        assertEquals(10, data.ticks().size());
        QuoteTrader s = new QuoteTrader();
        BacktestResult r = run(s, data.ticks(), Map.of("commission", "MAKER_TAKER", "commission.maker.bps", "0", "commission.taker.bps", "10"));
        assertEquals(10, s.seen.size());
        assertEquals("0.5346/0.5347", s.seen.get(0));
        List<Fill> f = r.fills();
        assertEquals(3, f.size(), f.toString());
        // the market buy on quote 1 meets quote 2's ask; a taker pays 10 bps
        assertEquals(Side.BUY, f.get(0).side());
        assertEquals(0, new BigDecimal("0.5347").compareTo(f.get(0).price().toBigDecimal()));
        assertEquals(Money.of("0.5347"), f.get(0).fee());
        assertEquals("2010-02-03T16:53:51Z", f.get(0).time().toString());
        // the limit sell at 0.55, entered on quote 3, misses quote 4's bid 0.5342 and rests; quote 7's bid 0.5824 reaches it:
        // it fills at its limit and made liquidity (no fee)
        assertEquals(0, new BigDecimal("0.55").compareTo(f.get(1).price().toBigDecimal()));
        assertEquals(Money.ZERO, f.get(1).fee());
        assertEquals("2010-02-03T16:53:56Z", f.get(1).time().toString());
        // the limit buy at 0.58 entered on quote 8 is marketable on quote 9 (ask 0.5794): it takes at the ask
        assertEquals(0, new BigDecimal("0.5794").compareTo(f.get(2).price().toBigDecimal()));
        assertEquals(Money.of("0.5794"), f.get(2).fee());
        assertEquals(Money.of("100000").minus(Money.of("534.7")).plus(Money.of("550")).minus(Money.of("579.4")).minus(Money.of("1.1141")), r.cash());
        assertEquals(Qty.of(1000), r.finalPosition());
        assertTrue(r.json().contains("\"fills.from\": \"TICKS\""), "the result names how the venue filled");
        assertEquals(1, r.metrics().trades().count()); // the buy and the sell: one round trip; the last buy is open
        assertEquals(Money.of("15.3").minus(Money.of("0.5347")), r.trades().get(0).pnl());
    }

    /** On trade prints: buys one on the first, then a stop sell at 3065 on the fifth (the file's prices are whole: a tick of 1). */
    public static final class TradeTrader extends BaseStrategy {
        private int trades;
        final List<String> events = new ArrayList<>();

        @Override
        public void onOrderEvent(io.quiver.sdk.model.OrderEvent e) {
            events.add(e.toString());
        }

        @Override
        public void onTrade(Trade t) {
            trades++;
            if (trades == 1) {
                buyMarket(t.instrument(), Qty.of(1));
            } else if (trades == 5) {
                context().submit(OrderRequest.stop(t.instrument(), Side.SELL, Qty.of(1), Price.of("3065"), TimeInForce.GTC));
            }
        }
    }

    @Test
    void tradePrintsFillAtTheirPriceAndTriggerStops() {
        BarSourceFactory.BarData data = read("ticksample.csv");
        assertTrue(data.isTicks());
        assertEquals(135, data.ticks().size());
        TradeTrader s = new TradeTrader();
        BacktestResult r = run(s, data.ticks(), Map.of());
        List<Fill> f = r.fills();
        assertEquals(2, f.size(), s.events.toString());
        // the market buy meets the second print (3066); the stop at 3065 is reached by the ninth print (3065)
        assertEquals(0, new BigDecimal("3066").compareTo(f.get(0).price().toBigDecimal()));
        assertEquals("2015-09-23T20:57:46.151Z", f.get(0).time().toString());
        assertEquals(0, new BigDecimal("3065").compareTo(f.get(1).price().toBigDecimal()));
        assertEquals("2015-09-23T20:58:01.091Z", f.get(1).time().toString());
        assertEquals(Money.of(-1), r.realisedPnl());
        assertEquals(135, r.bars());
    }

    /** A portfolio over the quote file and the trade file: each instance fills as it does alone, by the same rules. */
    @Test
    void aPortfolioOverQuotesAndTradesFillsEachInstanceAsItsOwnBacktestDoes() {
        Map<String, String> plan = new java.util.TreeMap<>();
        plan.put("cash", "200000");
        plan.put("allocator", "equal");
        plan.put("data.q", sample("bidask.csv").toString());
        plan.put("data.t", sample("ticksample.csv").toString());
        plan.put("instance.quotes.type", "test.quotes");
        plan.put("instance.quotes.data", "q");
        plan.put("instance.trades.type", "test.trades");
        plan.put("instance.trades.data", "t");
        PortfolioResult p = PortfolioBacktester.run(PortfolioPlan.parse(plan, "plan", "ticks"), Map.of("test.quotes", QuoteTrader.class, "test.trades",
                TradeTrader.class), Path.of("."), l -> io.quiver.risk.RiskChains.backtest(Map.of(), l), BacktestProgress.NONE);
        BacktestResult quotesAlone = run(new QuoteTrader(), read("bidask.csv").ticks(), Map.of());
        BacktestResult tradesAlone = run(new TradeTrader(), read("ticksample.csv").ticks(), Map.of());
        assertEquals(prices(quotesAlone.fills()), prices(p.instances().get(0).fills()));
        assertEquals(prices(tradesAlone.fills()), prices(p.instances().get(1).fills()));
        assertEquals(145, p.bars());
        assertTrue(p.json().contains("\"fills.from\": \"TICKS\""));
        Map<String, String> mixed = new java.util.TreeMap<>(plan);
        mixed.put("data.b", sample("orcl-1995-2014.txt").toString());
        mixed.put("instance.bars.type", "test.quotes");
        mixed.put("instance.bars.data", "b");
        assertEquals("data: a plan's data sets are all bars or all quotes and trades; this one mixes them", assertThrows(IllegalArgumentException.class,
                () -> PortfolioBacktester.run(PortfolioPlan.parse(mixed, "plan", "mixed"), Map.of("test.quotes", QuoteTrader.class, "test.trades",
                        TradeTrader.class), Path.of("."), l -> io.quiver.risk.RiskChains.backtest(Map.of(), l), BacktestProgress.NONE)).getMessage());
    }

    private static List<String> prices(List<Fill> fills) {
        return fills.stream().map(f -> f.time() + " " + f.side() + " " + f.quantity() + "@" + f.price()).toList();
    }

    @Test
    void aVenueThatFillsFromBarsOnlyIsRefusedForTicks() {
        VenueFactories venues = VenueFactories.onClassPath();
        assertEquals("venue: exchange fills from bars only; quote and trade data need a venue that fills from them, such as sim",
                assertThrows(IllegalArgumentException.class, () -> Backtester.overTicks(settings(Map.of()), venues.named("exchange"))).getMessage());
    }
}
