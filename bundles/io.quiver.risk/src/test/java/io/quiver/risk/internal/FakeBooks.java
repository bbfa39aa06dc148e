package io.quiver.risk.internal;

import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.spi.PreTradeOrder;
import io.quiver.sdk.spi.RiskContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Books set by hand, for checking one check at its boundaries. */
final class FakeBooks implements RiskContext {
    final Map<InstrumentId, Qty> positions = new HashMap<>();
    final Map<InstrumentId, Qty> openBuys = new HashMap<>();
    final Map<InstrumentId, Qty> openSells = new HashMap<>();
    final Map<InstrumentId, Price> reference = new HashMap<>();
    final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    int open;
    int enteredToday;
    Money free = Money.of(1_000_000);
    Money required = Money.ZERO;

    @Override
    public Instrument instrument(InstrumentId instrument) {
        return instruments.get(instrument);
    }

    @Override
    public Qty position(String strategyId, InstrumentId instrument) {
        return positions.getOrDefault(instrument, Qty.ZERO);
    }

    @Override
    public List<InstrumentId> instruments(String strategyId) {
        java.util.Set<InstrumentId> all = new java.util.TreeSet<>(java.util.Comparator.comparing(InstrumentId::symbol));
        all.addAll(positions.keySet());
        all.addAll(openBuys.keySet());
        all.addAll(openSells.keySet());
        return List.copyOf(all);
    }

    @Override
    public Qty openQuantity(String strategyId, InstrumentId instrument, Side side) {
        return (side == Side.BUY ? openBuys : openSells).getOrDefault(instrument, Qty.ZERO);
    }

    @Override
    public int openOrders(String strategyId) {
        return open;
    }

    @Override
    public int ordersEntered(String strategyId, Instant since) {
        return enteredToday;
    }

    Money equity = Money.of(100_000);

    @Override
    public Money equity(String strategyId) {
        return equity;
    }

    @Override
    public Money freeCash(String strategyId) {
        return free;
    }

    @Override
    public Money cashRequired(PreTradeOrder order) {
        return required;
    }

    @Override
    public Price referencePrice(InstrumentId instrument) {
        return reference.get(instrument);
    }

    @Override
    public Price mark(String strategyId, InstrumentId instrument) {
        return reference.get(instrument);
    }
}
