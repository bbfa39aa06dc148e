package io.quiver.oms;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The order manager's books as the risk checks read them, and the buying power an order holds while it
 * is open. A view over the order manager's own state, read under its lock only.
 */
final class RiskBooks implements RiskContext {
    /** What an order holds while open: {@code perUnit} for each of {@code quantity} still to fill. */
    record Reservation(Qty quantity, Money perUnit) {
        Money total() {
            return Money.of(perUnit.toBigDecimal().multiply(quantity.toBigDecimal()));
        }
    }

    /** The last trade, mid quote and close by instrument, in the order they are preferred as a reference price. */
    record ReferencePrices(Map<InstrumentId, Price> lastTrade, Map<InstrumentId, Price> lastMid, Map<InstrumentId, Price> lastClose) {
    }

    private final Function<InstrumentId, Instrument> instruments;
    private final Function<String, Account> accounts;
    private final Exposures exposures;
    private final Map<String, ? extends Map<ClientOrderId, WorkingOrder>> openByStrategy;
    private final Collection<WorkingOrder> orders;
    private final ReferencePrices prices;
    private final Supplier<PreTradeGate> gate;

    RiskBooks(Function<InstrumentId, Instrument> instruments, Function<String, Account> accounts, Exposures exposures,
            Map<String, ? extends Map<ClientOrderId, WorkingOrder>> openByStrategy, Collection<WorkingOrder> orders, ReferencePrices prices,
            Supplier<PreTradeGate> gate) {
        this.instruments = instruments;
        this.accounts = accounts;
        this.exposures = exposures;
        this.openByStrategy = openByStrategy;
        this.orders = orders;
        this.prices = prices;
        this.gate = gate;
    }

    /**
     * What an order would hold while open (see {@link MarginRules}), judged on the books without it; null
     * when it cannot be priced (a market order before any market data).
     */
    Reservation reservation(PreTradeOrder order) {
        OrderRequest r = order.request();
        Price price = r.limitPrice() != null ? r.limitPrice() : r.stopPrice();
        MarginRules rules = gate.get().margin(order.strategyId());
        BigDecimal factor = BigDecimal.ONE;
        if (price == null) {
            price = referencePrice(r.instrument());
            if (price == null) {
                return null;
            }
            factor = factor.add(rules.marketBuffer());
        }
        if (r.side() == Side.BUY) {
            return new Reservation(r.quantity(), Money.of(price.toBigDecimal().multiply(factor)));
        }
        Qty position = position(order.strategyId(), r.instrument());
        Qty covered = position.minus(exposures.open(order.strategyId(), r.instrument(), Side.SELL));
        Qty uncovered = covered.signum() > 0 ? r.quantity().minus(covered.min(r.quantity())) : r.quantity();
        return new Reservation(uncovered, Money.of(price.toBigDecimal().multiply(factor).multiply(rules.shortMarginRate())));
    }

    @Override
    public Instrument instrument(InstrumentId instrument) {
        return instruments.apply(instrument);
    }

    @Override
    public Qty position(String strategyId, InstrumentId instrument) {
        Account a = accounts.apply(strategyId);
        return a == null ? Qty.ZERO : a.position(instrument).quantity();
    }

    @Override
    public List<InstrumentId> instruments(String strategyId) {
        List<InstrumentId> all = new ArrayList<>(4);
        Account a = accounts.apply(strategyId);
        if (a != null) {
            a.instruments().forEach(all::add);
        }
        exposures.addInstruments(strategyId, all);
        return all;
    }

    @Override
    public Qty openQuantity(String strategyId, InstrumentId instrument, Side side) {
        return exposures.open(strategyId, instrument, side);
    }

    @Override
    public int openOrders(String strategyId) {
        Map<ClientOrderId, WorkingOrder> open = openByStrategy.get(strategyId);
        return open == null ? 0 : open.size();
    }

    @Override
    public int ordersEntered(String strategyId, Instant since) {
        int n = 0;
        for (WorkingOrder w : orders) {
            if (w.strategyId.equals(strategyId) && !w.created.isBefore(since) && w.status != OrderStatus.REJECTED) {
                n++;
            }
        }
        return n;
    }

    @Override
    public Money equity(String strategyId) {
        Account a = accounts.apply(strategyId);
        return a == null ? Money.ZERO : a.equity();
    }

    @Override
    public Money freeCash(String strategyId) {
        Account a = accounts.apply(strategyId);
        return a == null ? Money.ZERO : a.cash().minus(exposures.reserved(strategyId));
    }

    @Override
    public Money cashRequired(PreTradeOrder order) {
        Reservation r = reservation(order);
        return r == null ? null : r.total();
    }

    @Override
    public Price referencePrice(InstrumentId instrument) {
        Price p = prices.lastTrade().get(instrument);
        if (p == null) {
            p = prices.lastMid().get(instrument);
        }
        return p != null ? p : prices.lastClose().get(instrument);
    }

    @Override
    public Price mark(String strategyId, InstrumentId instrument) {
        Account a = accounts.apply(strategyId);
        return a == null ? null : a.mark(instrument);
    }
}
