package ${package};

import io.quiver.sdk.BaseStrategy;
import io.quiver.sdk.Strategy;
import io.quiver.sdk.indicators.DonchianChannel;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A channel breakout on the first subscribed instrument: when flat, it buys {@code size} at market on a close
 * above the highest high of the {@code entry} bars before; when long, it sells everything on a close below the
 * lowest low of the {@code exit} bars before.
 *
 * <p>Each factory configuration {@code etc/io.quiver.strategy.${strategyName}-<name>.cfg} is one instance
 * (see {@code demo.cfg}); {@code backtest:run ${strategyName}} backtests it.
 */
@Component(name = BreakoutStrategy.TYPE, service = Strategy.class, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BreakoutStrategy.Config.class, factory = true)
public final class BreakoutStrategy extends BaseStrategy {
    /** The strategy type: its name in backtest:run and the PID of its instances' configurations. */
    public static final String TYPE = "io.quiver.strategy.${strategyName}";

    @ObjectClassDefinition(name = "${strategyName} breakout", description = "Buys a breakout above the recent highs, sells below the recent lows")
    public @interface Config {
        @AttributeDefinition(description = "Bars whose highest high a close must pass to buy")
        int entry() default 20;

        @AttributeDefinition(description = "Bars whose lowest low a close must fall below to sell")
        int exit() default 10;

        @AttributeDefinition(description = "Quantity bought")
        String size() default "10";
    }

    private final DonchianChannel entry;
    private final DonchianChannel exit;
    private final Qty size;
    private InstrumentId instrument;

    @Activate
    public BreakoutStrategy(Config config) {
        if (config.entry() < 1 || config.exit() < 1) {
            throw new IllegalArgumentException("entry and exit must be at least 1 bar, were " + config.entry() + " and " + config.exit());
        }
        this.entry = new DonchianChannel(config.entry());
        this.exit = new DonchianChannel(config.exit());
        try {
            this.size = Qty.of(config.size().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size: '" + config.size() + "' is not a quantity");
        }
        if (!size.isPositive()) {
            throw new IllegalArgumentException("size must be positive, was " + size);
        }
    }

    @Override
    protected void start() {
        instrument = context().instruments().get(0);
    }

    @Override
    public void onBar(Bar bar) {
        if (!bar.instrument().equals(instrument)) {
            return;
        }
        // the channels hold the bars before this one: a close is compared with the past, never with itself
        if (entry.isReady() && exit.isReady() && context().openOrders().isEmpty()) {
            Qty held = context().position(instrument).quantity();
            Price close = bar.close();
            if (held.isZero() && close.compareTo(entry.upper()) > 0) {
                buyMarket(instrument, size);
            } else if (held.isPositive() && close.compareTo(exit.lower()) < 0) {
                sellMarket(instrument, held);
            }
        }
        entry.update(bar);
        exit.update(bar);
    }
}
