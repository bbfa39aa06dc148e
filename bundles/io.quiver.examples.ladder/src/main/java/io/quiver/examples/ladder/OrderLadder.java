package io.quiver.examples.ladder;

import io.quiver.sdk.BaseStrategy;
import io.quiver.sdk.Strategy;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Keeps a ladder of resting GTC limit orders on the first subscribed instrument: {@code levels} buys at
 * 1..levels steps below the centre and as many sells above it, {@code size} each. The centre is the last
 * close rounded down to a whole step. On every bar the ladder follows the centre: orders that fell outside
 * it are cancelled, missing rungs are entered. It holds many open orders at once and trades on most bars,
 * which makes it the load for crash and throughput runs as much as an example of order management.
 */
@Component(name = OrderLadder.TYPE, service = Strategy.class, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OrderLadder.Config.class, factory = true)
public final class OrderLadder extends BaseStrategy {
    /** The strategy type name, also its factory configuration PID. */
    public static final String TYPE = "io.quiver.strategy.ladder";

    @ObjectClassDefinition(name = "Quiver order ladder", description = "Resting limit orders on both sides of the price, moved with it")
    public @interface Config {
        @AttributeDefinition(description = "Orders on each side")
        int levels() default 10;

        @AttributeDefinition(description = "Price distance between rungs (a multiple of the instrument's tick)")
        String step() default "0.05";

        @AttributeDefinition(description = "Quantity of each order")
        String size() default "1";
    }

    private final int levels;
    private final Price step;
    private final Qty size;
    private InstrumentId instrument;

    @Activate
    public OrderLadder(Config config) {
        if (config.levels() < 1) {
            throw new IllegalArgumentException("levels must be at least 1, was " + config.levels());
        }
        this.levels = config.levels();
        this.step = parse("step", config.step(), Price::of);
        this.size = parse("size", config.size(), Qty::of);
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("step must be positive, was " + step);
        }
        if (!size.isPositive()) {
            throw new IllegalArgumentException("size must be positive, was " + size);
        }
    }

    private static <T> T parse(String key, String text, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a number");
        }
    }

    @Override
    protected void start() {
        instrument = context().instruments().get(0);
        if (!step.isMultipleOf(context().instrument(instrument).tickSize())) {
            throw new IllegalArgumentException("step " + step + " is not a multiple of the tick " + context().instrument(instrument).tickSize());
        }
        context().log().info("ladder on {}: {} levels a side, step {}, size {}; {} open orders", instrument, levels, step, size,
                context().openOrders().size());
    }

    @Override
    public void onBar(Bar bar) {
        if (!bar.instrument().equals(instrument)) {
            return;
        }
        int scale = Math.max(step.scale(), bar.close().scale());
        long stepUnits = step.unitsAt(scale);
        long centre = Math.floorDiv(bar.close().unitsAt(scale), stepUnits) * stepUnits;
        Map<Price, Order> buys = new HashMap<>();
        Map<Price, Order> sells = new HashMap<>();
        for (Order o : context().openOrders()) {
            OrderRequest r = o.request();
            if (!r.instrument().equals(instrument) || r.limitPrice() == null) {
                continue;
            }
            long rung = r.side() == Side.BUY ? (centre - r.limitPrice().unitsAt(scale)) / stepUnits
                    : (r.limitPrice().unitsAt(scale) - centre) / stepUnits;
            if (rung < 1 || rung > levels) {
                context().cancel(o.id());
            } else {
                (r.side() == Side.BUY ? buys : sells).put(r.limitPrice().withScale(scale), o);
            }
        }
        for (int k = 1; k <= levels; k++) {
            rung(Side.BUY, Price.ofUnits(centre - k * stepUnits, scale), buys);
            rung(Side.SELL, Price.ofUnits(centre + k * stepUnits, scale), sells);
        }
    }

    private void rung(Side side, Price price, Map<Price, Order> open) {
        if (price.signum() > 0 && !open.containsKey(price)) {
            context().submit(OrderRequest.limit(instrument, side, size, price, TimeInForce.GTC));
        }
    }
}
