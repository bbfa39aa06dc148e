package io.quiver.examples.sma;

import io.quiver.sdk.BaseStrategy;
import io.quiver.sdk.Strategy;
import io.quiver.sdk.indicators.Sma;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Position;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import java.util.ArrayDeque;
import java.util.Deque;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Moving-average crossover on the first subscribed instrument. Its samples are the bars' closes, or, with
 * {@code samples} set for quote or trade data, each quote's mid or each trade's price. When flat and the fast average crosses
 * above the slow one on a sample (fast &gt; slow now, and fast &lt; slow at the most recent earlier
 * bar where they differed), it buys {@code size} at market (or,
 * with {@code invest}, that share of its equity at the close, in whole lots); when long and the fast average crosses below,
 * it sells the whole position at market. Averages are compared exactly.
 *
 * <p>Each factory configuration {@code io.quiver.strategy.sma-<name>} is one instance. The recent closes
 * and the last crossing side are saved on stop and restored on start, so an updated bundle carries on
 * where the old one stopped.
 */
@Component(name = SmaCrossover.TYPE, service = Strategy.class, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SmaCrossover.Config.class, factory = true)
public final class SmaCrossover extends BaseStrategy {
    /** The strategy type name, also its factory configuration PID. */
    public static final String TYPE = "io.quiver.strategy.sma";

    @ObjectClassDefinition(name = "Quiver SMA crossover", description = "Buys on a fast-over-slow SMA cross, sells on the cross back")
    public @interface Config {
        @AttributeDefinition(description = "Bars in the fast average")
        int fast() default 10;

        @AttributeDefinition(description = "Bars in the slow average")
        int slow() default 30;

        @AttributeDefinition(description = "Quantity bought on a cross up")
        String size() default "100";

        @AttributeDefinition(description = "Share of the instance's equity bought on a cross up instead of size, e.g. 0.95; empty: size")
        String invest() default "";

        @AttributeDefinition(description = "What the averages are taken of: bars (their closes), trades (each print's price) or quotes (each mid)")
        String samples() default "bars";
    }

    private static final String STATE_CLOSES = "closes";
    private static final String STATE_SIDE = "lastSide";

    private final int fastPeriod;
    private final int slowPeriod;
    private final Qty size;
    /** What the averages sample: "bars", "trades" or "quotes". */
    private final String samples;
    /** Null: buy {@link #size}. */
    private final java.math.BigDecimal invest;
    private final Sma fast;
    private final Sma slow;
    private final Deque<Price> recentCloses = new ArrayDeque<>();
    private InstrumentId instrument;
    /** Sign of (fast - slow) at the most recent bar where they differed; 0 before any. */
    private int lastSide;

    @Activate
    public SmaCrossover(Config config) {
        if (config.fast() < 1 || config.slow() < 1) {
            throw new IllegalArgumentException("fast and slow must be at least 1, were " + config.fast() + " and " + config.slow());
        }
        if (config.fast() >= config.slow()) {
            throw new IllegalArgumentException("fast (" + config.fast() + ") must be shorter than slow (" + config.slow() + ")");
        }
        this.fastPeriod = config.fast();
        this.slowPeriod = config.slow();
        try {
            this.size = Qty.of(config.size().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size: '" + config.size() + "' is not a quantity");
        }
        if (!size.isPositive()) {
            throw new IllegalArgumentException("size must be positive, was " + size);
        }
        this.invest = investShare(config.invest());
        this.samples = config.samples().trim();
        if (!java.util.List.of("bars", "trades", "quotes").contains(samples)) {
            throw new IllegalArgumentException("samples: '" + config.samples() + "' is not bars, trades or quotes");
        }
        this.fast = new Sma(fastPeriod);
        this.slow = new Sma(slowPeriod);
    }

    private static java.math.BigDecimal investShare(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            java.math.BigDecimal share = new java.math.BigDecimal(text.trim());
            if (share.signum() > 0 && share.compareTo(java.math.BigDecimal.ONE) <= 0) {
                return share;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("invest: '" + text + "' is not a share of equity above 0 and at most 1, such as 0.95");
    }

    /** What a cross up buys: {@code size}, or the invested share of the equity at the close, in whole lots (none if that is not one lot). */
    private Qty entryQuantity(Price close) {
        if (invest == null) {
            return size;
        }
        Qty lot = context().instrument(instrument).lotSize();
        java.math.BigDecimal budget = context().equity().toBigDecimal().multiply(invest);
        java.math.BigDecimal lots = budget.divide(close.toBigDecimal().multiply(lot.toBigDecimal()), 0, java.math.RoundingMode.DOWN);
        return Qty.of(lots.multiply(lot.toBigDecimal()));
    }

    @Override
    protected void start() {
        instrument = context().instruments().get(0);
        context().state().get(STATE_SIDE).ifPresent(s -> lastSide = Integer.parseInt(s));
        context().state().get(STATE_CLOSES).ifPresent(saved -> {
            for (String close : saved.split(",")) {
                if (!close.isEmpty()) {
                    update(Price.of(close));
                }
            }
        });
        context().log().info("started on {} (fast {}, slow {}, size {}), {} closes restored", instrument, fastPeriod, slowPeriod,
                size, recentCloses.size());
    }

    @Override
    public void onBar(Bar bar) {
        if (samples.equals("bars") && bar.instrument().equals(instrument)) {
            onPrice(bar.close());
        }
    }

    /** With {@code samples = trades}, each print's price is a sample of the averages. */
    @Override
    public void onTrade(io.quiver.sdk.model.Trade trade) {
        if (samples.equals("trades") && trade.instrument().equals(instrument)) {
            onPrice(trade.price());
        }
    }

    /** With {@code samples = quotes}, each two-sided quote's mid (rounded half-even to the instrument's tick) is a sample. */
    @Override
    public void onQuote(io.quiver.sdk.model.Quote quote) {
        if (samples.equals("quotes") && quote.instrument().equals(instrument) && quote.bid() != null && quote.ask() != null) {
            java.math.BigDecimal tick = context().instrument(instrument).tickSize().toBigDecimal();
            java.math.BigDecimal mid = quote.bid().toBigDecimal().add(quote.ask().toBigDecimal()).divide(java.math.BigDecimal.valueOf(2));
            onPrice(Price.of(mid.divide(tick, 0, java.math.RoundingMode.HALF_EVEN).multiply(tick)));
        }
    }

    private void onPrice(Price close) {
        update(close);
        if (!slow.isReady()) {
            return;
        }
        int side = fast.compareTo(slow);
        if (side == 0) {
            return;
        }
        boolean crossedUp = side > 0 && lastSide < 0;
        boolean crossedDown = side < 0 && lastSide > 0;
        lastSide = side;
        // only a crossing trades: the order and position queries wait for one
        if (!(crossedUp || crossedDown) || !context().openOrders().isEmpty()) {
            return;
        }
        Position position = context().position(instrument);
        if (crossedUp && position.isFlat()) {
            Qty quantity = entryQuantity(close);
            if (quantity.isPositive()) {
                buyMarket(instrument, quantity);
            }
        } else if (crossedDown && position.quantity().isPositive()) {
            sellMarket(instrument, position.quantity());
        }
    }

    private void update(Price close) {
        fast.update(close);
        slow.update(close);
        recentCloses.addLast(close);
        if (recentCloses.size() > slowPeriod) {
            recentCloses.removeFirst();
        }
    }

    @Override
    public void onStop() {
        StringBuilder closes = new StringBuilder();
        for (Price p : recentCloses) {
            closes.append(closes.length() == 0 ? "" : ",").append(p);
        }
        context().state().put(STATE_CLOSES, closes.toString());
        context().state().put(STATE_SIDE, Integer.toString(lastSide));
    }
}
