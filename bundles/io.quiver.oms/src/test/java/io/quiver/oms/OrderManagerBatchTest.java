package io.quiver.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.spi.ExecutionListener;
import io.quiver.sdk.spi.Venue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Many orders entered in one batch: one commit before anything is sent, one for the answers, nothing lost. */
class OrderManagerBatchTest {
    private static final InstrumentId X = InstrumentId.of("X");
    private static final Instant T0 = Instant.parse("2024-03-04T14:30:00Z");

    /** Counts commits and knows what was appended and not yet committed. */
    private static final class CountingJournal implements OrderJournal {
        final InMemoryJournal inner = new InMemoryJournal();
        int commits;
        int uncommitted;

        @Override
        public void append(String record) {
            inner.append(record);
            uncommitted++;
        }

        @Override
        public void commit() {
            inner.commit();
            commits++;
            uncommitted = 0;
        }

        @Override
        public void replay(Consumer<String> reader) {
            inner.replay(reader);
        }
    }

    /** Accepts every order at once, like a venue on the same machine, and notes what it saw when called. */
    private static final class AcceptingVenue implements Venue {
        final CountingJournal journal;
        final List<String> seen = new ArrayList<>();
        int batches;
        ExecutionListener listener;

        AcceptingVenue(CountingJournal journal) {
            this.journal = journal;
        }

        @Override
        public String id() {
            return "v";
        }

        @Override
        public void open(ExecutionListener l) {
            listener = l;
        }

        @Override
        public void submit(String account, ClientOrderId orderId, OrderRequest request, Instant time) {
            seen.add(orderId + " after commit " + journal.commits);
            listener.onOrderEvent(new OrderEvent.Accepted(orderId, time));
        }

        @Override
        public void cancel(ClientOrderId orderId, Instant time) {
        }

        @Override
        public void inBatch(Runnable calls) {
            batches++;
            calls.run();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aBatchCommitsOnceBeforeSendingAndOnceForTheAnswersAndDeliversOnlyCommittedEvents() {
        CountingJournal journal = new CountingJournal();
        AcceptingVenue venue = new AcceptingVenue(journal);
        OrderManager oms = new OrderManager(journal, id -> venue, () -> T0);
        oms.registerInstrument(new Instrument(X, Price.of("0.01"), Qty.of(1), "USD"));
        venue.open(e -> oms.onVenueEvent("v", e));
        oms.openAccount("s", "v", Money.of(10_000));
        List<String> delivered = new ArrayList<>();
        oms.attach("s", e -> delivered.add(e.getClass().getSimpleName() + " uncommitted=" + journal.uncommitted));
        int before = journal.commits;

        oms.inBatch(() -> {
            for (int i = 0; i < 50; i++) {
                oms.submit("s", ClientOrderId.of("o" + i), OrderRequest.limit(X, Side.BUY, Qty.of(1), Price.of("9.00"), TimeInForce.GTC));
            }
            assertEquals(before, journal.commits, "nothing is committed while the batch runs");
            assertTrue(venue.seen.isEmpty(), "nothing is sent while the batch runs");
        });

        assertEquals(before + 2, journal.commits, "one commit for the 50 entries, one for the 50 acknowledgements");
        assertEquals(0, journal.uncommitted);
        assertEquals(1, venue.batches, "the venue got the 50 orders as one batch");
        assertEquals(50, venue.seen.size());
        assertTrue(venue.seen.stream().allMatch(s -> s.endsWith("after commit " + (before + 1))),
                "the one commit of the entries came before the first send, and none came between sends: " + venue.seen);
        assertEquals(50, delivered.size());
        assertTrue(delivered.stream().allMatch(s -> s.equals("Accepted uncommitted=0")), "every event was committed before delivery");

        journal.inner.crash();
        OrderManager recovered = new OrderManager(journal, id -> null, () -> T0);
        assertEquals(50, recovered.orders(new OrderFilter("s", null, OrderStatus.ACCEPTED, false, null, null)).size());
    }

    @Test
    void aBatchThatThrowsStillCommitsAndSendsWhatWasEntered() {
        CountingJournal journal = new CountingJournal();
        AcceptingVenue venue = new AcceptingVenue(journal);
        OrderManager oms = new OrderManager(journal, id -> venue, () -> T0);
        venue.open(e -> oms.onVenueEvent("v", e));
        oms.openAccount("s", "v", Money.of(10_000));
        IllegalStateException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> oms.inBatch(() -> {
            oms.submit("s", ClientOrderId.of("a"), OrderRequest.market(X, Side.BUY, Qty.of(1)));
            throw new IllegalStateException("strategy bug");
        }));
        assertEquals("strategy bug", thrown.getMessage());
        assertEquals(List.of("a after commit " + (journal.commits - 1)), venue.seen);
        assertEquals(OrderStatus.ACCEPTED, oms.order(ClientOrderId.of("a")).orElseThrow().status());
        assertEquals(0, journal.uncommitted);
    }
}
