package io.quiver.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.oms.Discrepancy;
import io.quiver.oms.InMemoryJournal;
import io.quiver.oms.OrderManager;
import io.quiver.oms.ReconciliationPolicy;
import io.quiver.oms.ReconciliationReport;
import io.quiver.sdk.model.Bar;
import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.spi.ExecutionListener;
import io.quiver.sdk.spi.ReconcilableVenue;
import io.quiver.sdk.spi.VenueAccount;
import io.quiver.sdk.spi.VenueOrder;
import io.quiver.venue.sim.BarFillSimulator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A venue that keeps trading while it is reconciled: an order fills between two of the reconciler's reads,
 * and the venue's report of that fill reaches the order manager only afterwards, as from another thread.
 * The reconciliation must neither halt on the moving target nor count the fill twice.
 */
class ReconciliationRaceTest {
    private static final Instrument X = Instrument.of("X", 2, "USD");
    private static final Instant T0 = Instant.parse("2024-05-06T13:30:00Z");

    /** Delegates to a simulated venue; trades one bar on the first call of the read named by {@code racingRead}. */
    private static final class RacingVenue implements ReconcilableVenue {
        final BarFillSimulator sim = new BarFillSimulator("sim", BigDecimal.ZERO);
        final String racingRead;
        boolean raced;

        RacingVenue(String racingRead) {
            this.racingRead = racingRead;
            sim.addInstrument(X);
        }

        private void maybeTrade(String read) {
            if (!raced && read.equals(racingRead)) {
                raced = true;
                Price p = Price.of("99.00");
                sim.onBar(new Bar(X.id(), T0.plusSeconds(60), p, p, p, p, Qty.of(100)));
            }
        }

        @Override
        public String id() {
            return "sim";
        }

        @Override
        public void open(ExecutionListener listener) {
            sim.open(listener);
        }

        @Override
        public void submit(String account, ClientOrderId orderId, OrderRequest request, Instant time) {
            sim.submit(account, orderId, request, time);
        }

        @Override
        public void cancel(ClientOrderId orderId, Instant time) {
            sim.cancel(orderId, time);
        }

        @Override
        public void close() {
            sim.close();
        }

        @Override
        public void openAccount(String account, Money startingCash) {
            sim.openAccount(account, startingCash);
        }

        @Override
        public List<VenueOrder> openOrders(String account) {
            maybeTrade("openOrders");
            return sim.openOrders(account);
        }

        @Override
        public Optional<VenueOrder> order(ClientOrderId orderId) {
            maybeTrade("order");
            return sim.order(orderId);
        }

        @Override
        public List<Fill> fillsSince(String account, Instant since) {
            List<Fill> fills = sim.fillsSince(account, since);
            maybeTrade("fillsSince"); // trades just after the fills were read
            return fills;
        }

        @Override
        public VenueAccount account(String account) {
            maybeTrade("account");
            return sim.account(account);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fillsSince", "order", "openOrders", "account"})
    void aFillBetweenTwoReadsIsBookedOnceAndHaltsNothing(String racingRead) {
        RacingVenue venue = new RacingVenue(racingRead);
        OrderManager oms = new OrderManager(new InMemoryJournal(), id -> venue, () -> T0);
        oms.registerInstrument(X);
        venue.open(e -> oms.onVenueEvent("sim", e));
        oms.openAccount("s", "sim", Money.of(10_000));
        oms.submit("s", ClientOrderId.of("b1"), OrderRequest.limit(X.id(), Side.BUY, Qty.of(5), Price.of("99.50"), TimeInForce.GTC));

        List<OrderEvent> late = new ArrayList<>();
        venue.open(late::add); // from now on the venue's reports arrive after the reconciliation
        ReconciliationReport report = oms.reconcile(venue, ReconciliationPolicy.SYNC);
        assertTrue(venue.raced, "the venue traded during the reconciliation");
        assertFalse(report.halted(), report.toString());
        assertTrue(report.discrepancies().stream().allMatch(d -> d.kind().equals(Discrepancy.MISSED_FILL)), report.toString());
        assertEquals(Qty.of(5), oms.position("s", X.id()).quantity());

        late.forEach(e -> oms.onVenueEvent("sim", e));
        assertEquals(Qty.of(5), oms.position("s", X.id()).quantity(), "the late report of the same fill is not counted again");
        assertEquals(venue.sim.account("s").cash(), oms.cash("s"));
        assertTrue(oms.reconcile(venue, ReconciliationPolicy.HALT).isClean());
    }

    @Test
    void aDifferenceThatStaysAfterReadingAgainStillHalts() {
        RacingVenue venue = new RacingVenue("account");
        venue.sim.openAccount("s", Money.of(9_000)); // the venue funded the account with less, before the runtime knew it
        OrderManager oms = new OrderManager(new InMemoryJournal(), id -> venue, () -> T0);
        oms.registerInstrument(X);
        venue.open(e -> oms.onVenueEvent("sim", e));
        oms.openAccount("s", "sim", Money.of(10_000));
        ReconciliationReport report = oms.reconcile(venue, ReconciliationPolicy.SYNC);
        assertTrue(report.halted(), report.toString());
        assertEquals(List.of(Discrepancy.CASH_MISMATCH), report.discrepancies().stream().map(Discrepancy::kind).toList());
    }
}
