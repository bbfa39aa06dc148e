package io.quiver.risk.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.oms.InMemoryJournal;
import io.quiver.oms.OrderManager;
import io.quiver.risk.RiskLimits;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Order;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.spi.ExecutionListener;
import io.quiver.sdk.spi.Venue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a strategy sends, whatever the venue fills (at the limit price, or a market order within the
 * buffer above the reference price it was accepted at) and whatever is cancelled: no position exceeds
 * its limit counting, and cash never goes below zero on an account that may not short. Checked after
 * every step, against the real order manager and the real chain.
 */
class RiskChainPropertiesTest {
    static final InstrumentId[] SYMBOLS = {InstrumentId.of("A"), InstrumentId.of("B")};
    static final Qty MAX = Qty.of(40);

    /** One step: {@code kind} 0-4 submit, 5-6 fill part of an open order, 7 cancel one, 8-9 a bar moves the price. */
    record Step(int kind, int symbol, int size, int offset, int pick, int share) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(1, 60), Arbitraries.integers().between(-8, 8), Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(1, 4)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(150);
    }

    @Property(tries = 300)
    void noPositionOverItsLimitAndNoNegativeCash(@ForAll("steps") List<Step> steps) {
        RecordingVenue venue = new RecordingVenue();
        Instant[] now = {Instant.parse("2026-11-20T14:30:00Z")};
        OrderManager oms = new OrderManager(new InMemoryJournal(), id -> venue, () -> now[0]);
        Map<String, String> config = Map.of("position.max", MAX.toString());
        RiskLimits limits = RiskLimits.parse(config, true).over(RiskLimits.DEFAULTS);
        oms.gate(new RiskChain(limits, Map.of(), ZoneOffset.UTC, null, null, List::of, AuditTrail.NONE));
        Map<InstrumentId, Price> price = new HashMap<>();
        for (InstrumentId i : SYMBOLS) {
            oms.registerInstrument(new Instrument(i, Price.of("0.01"), Qty.of(1), "USD"));
            price.put(i, Price.of("50.00"));
            oms.onBar(bar(i, price.get(i), now[0]));
        }
        oms.openAccount("s", "v", Money.of(5_000));
        int[] n = {0};
        for (Step st : steps) {
            now[0] = now[0].plusSeconds(1);
            InstrumentId sym = SYMBOLS[st.symbol()];
            if (st.kind() <= 4) {
                Side side = st.kind() % 2 == 0 ? Side.BUY : Side.SELL;
                Price ref = price.get(sym);
                OrderRequest r = st.offset() == 0 ? OrderRequest.market(sym, side, Qty.of(st.size()))
                        : OrderRequest.limit(sym, side, Qty.of(st.size()), ref.plus(Price.of(BigDecimal.valueOf(st.offset(), 1))), TimeInForce.GTC);
                oms.submit("s", ClientOrderId.of("o" + ++n[0]), r);
                venue.acceptAll(oms, now[0]);
            } else if (st.kind() <= 6) {
                List<Order> open = oms.openOrders("s");
                if (!open.isEmpty()) {
                    Order o = open.get(st.pick() % open.size());
                    Qty leaves = o.request().quantity().minus(o.filledQuantity());
                    long part = Math.max(1, leaves.unitsAt(0) * st.share() / 4);
                    Price at = o.request().limitPrice() != null ? o.request().limitPrice() : marketFill(venue.referenceAtEntry.get(o.id()), o.side());
                    Qty q = Qty.of(part);
                    boolean full = q.compareTo(leaves) == 0;
                    Fill f = new Fill(o.id(), "x" + ++n[0], "s", o.request().instrument(), o.side(), q, at, Money.ZERO, now[0]);
                    oms.onVenueEvent("v", new OrderEvent.Filled(o.id(), now[0], f, full ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED));
                }
            } else if (st.kind() == 7) {
                List<Order> open = oms.openOrders("s");
                if (!open.isEmpty()) {
                    Order o = open.get(st.pick() % open.size());
                    oms.onVenueEvent("v", new OrderEvent.Cancelled(o.id(), now[0], "cancelled"));
                }
            } else {
                Price moved = price.get(sym).plus(Price.of(BigDecimal.valueOf(st.offset(), 1)));
                if (moved.signum() > 0) {
                    price.put(sym, moved);
                    oms.onBar(bar(sym, moved, now[0]));
                }
            }
            for (InstrumentId i : SYMBOLS) {
                Qty p = oms.position("s", i).quantity();
                assertTrue(p.abs().compareTo(MAX) <= 0, "position " + p + " of " + i + " after " + st);
            }
            assertTrue(oms.cash("s").signum() >= 0, "cash " + oms.cash("s") + " after " + st);
        }
    }

    /** A market order fills anywhere up to the buffer above the price it was accepted at (a buy) or at it (a sell). */
    private static Price marketFill(Price reference, Side side) {
        BigDecimal p = side == Side.BUY ? reference.toBigDecimal().multiply(new BigDecimal("1.05")).setScale(2, RoundingMode.FLOOR)
                : reference.toBigDecimal();
        return Price.of(p);
    }

    private static Bar bar(InstrumentId i, Price p, Instant t) {
        return new Bar(i, t, p, p, p, p, Qty.of(1000));
    }

    /** Takes every order, remembering the reference price each was sent at, and answers nothing until told. */
    static final class RecordingVenue implements Venue {
        final List<ClientOrderId> toAccept = new ArrayList<>();
        final Map<ClientOrderId, Price> referenceAtEntry = new HashMap<>();
        final Map<InstrumentId, Price> last = new HashMap<>();

        @Override
        public String id() {
            return "v";
        }

        @Override
        public void open(ExecutionListener listener) {
        }

        @Override
        public void submit(String account, ClientOrderId orderId, OrderRequest request, Instant time) {
            toAccept.add(orderId);
        }

        void acceptAll(OrderManager oms, Instant now) {
            for (ClientOrderId id : List.copyOf(toAccept)) {
                Order o = oms.order(id).orElseThrow();
                referenceAtEntry.put(id, oms.readBooks(b -> b.referencePrice(o.request().instrument())));
                oms.onVenueEvent("v", new OrderEvent.Accepted(id, now));
            }
            toAccept.clear();
        }

        @Override
        public void cancel(ClientOrderId orderId, Instant time) {
        }

        @Override
        public void close() {
        }
    }
}
