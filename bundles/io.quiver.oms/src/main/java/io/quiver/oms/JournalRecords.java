package io.quiver.oms;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.spi.JournalFields;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import io.quiver.sdk.model.TrailingOffset;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The journal's record types. Every change to the books is one record, applied as it is made and, where
 * the journal keeps records, written as one line of text; replaying the lines in order rebuilds the books
 * exactly (see {@code docs/orders.md}).
 */
final class JournalRecords {
    private JournalRecords() {
    }

    sealed interface Rec permits AccountOpened, OrderEntered, Sent, CancelRequested, Activated, Reserved, Trailed, Session, Event, AccountCash,
            AccountBook, OrderState, HistoryStep, Execution, OrderCount, Forgotten, Format, Charged, Transferred {
        JournalFields encode();
    }

    record AccountOpened(String strategyId, String venueId, Money startingCash) implements Rec {
        @Override
        public JournalFields encode() {
            return JournalFields.record("ACCOUNT").add(strategyId).add(venueId).add(startingCash.toBigDecimal().toPlainString());
        }

        static AccountOpened decode(List<String> v) {
            return new AccountOpened(v.get(1), v.get(2), Money.of(v.get(3)));
        }
    }

    record OrderEntered(Instant time, String strategyId, String venueId, ClientOrderId id, String group, ClientOrderId parent,
            OrderRequest request, boolean emulated) implements Rec {
        @Override
        public JournalFields encode() {
            OrderRequest r = request;
            return JournalFields.record("ORDER").add(time).add(strategyId).add(venueId).add(id).add(group).add(parent).add(r.instrument())
                    .add(r.side()).add(r.type()).add(r.quantity()).add(r.limitPrice()).add(r.stopPrice()).add(r.trailingOffset())
                    .add(r.timeInForce()).add(emulated ? "1" : "0");
        }

        static OrderEntered decode(List<String> v) {
            return new OrderEntered(Instant.parse(v.get(1)), v.get(2), v.get(3), ClientOrderId.of(v.get(4)), v.get(5),
                    v.get(6) == null ? null : ClientOrderId.of(v.get(6)), JournalRecords.request(v, 7), "1".equals(v.get(15)));
        }
    }

    record Sent(ClientOrderId id) implements Rec {
        @Override
        public JournalFields encode() {
            return JournalFields.record("SENT").add(id);
        }

        static Sent decode(List<String> v) {
            return new Sent(ClientOrderId.of(v.get(1)));
        }
    }

    record CancelRequested(ClientOrderId id, Instant time, String reason) implements Rec {
        @Override
        public JournalFields encode() {
            return JournalFields.record("CANCEL").add(id).add(time).add(reason);
        }

        static CancelRequested decode(List<String> v) {
            return new CancelRequested(ClientOrderId.of(v.get(1)), Instant.parse(v.get(2)), v.get(3));
        }
    }

    /** A held DAY order's trading day: that of the first market event it was checked against. */
    record Session(ClientOrderId id, java.time.LocalDate day) implements Rec {
        @Override
        public JournalFields encode() {
            return JournalFields.record("SESSION").add(id).add(day.toString());
        }

        static Session decode(List<String> v) {
            return new Session(ClientOrderId.of(v.get(1)), java.time.LocalDate.parse(v.get(2)));
        }
    }

    /** A bracket child put to work for {@code quantity}, the entry's filled quantity. */
    record Activated(ClientOrderId id, Qty quantity) implements Rec {
        @Override
        public JournalFields encode() {
            return JournalFields.record("ACTIVATE").add(id).add(quantity);
        }

        static Activated decode(List<String> v) {
            return new Activated(ClientOrderId.of(v.get(1)), Qty.of(v.get(2)));
        }
    }

    /** The buying power an order holds while open: {@code perUnit} for each of the first {@code quantity} still to fill. */
    record Reserved(ClientOrderId id, Qty quantity, Money perUnit) implements Rec {
        @Override
        public JournalFields encode() {
            return JournalFields.record("RESERVE").add(id).add(quantity).add(plain(perUnit));
        }

        static Reserved decode(List<String> v) {
            return new Reserved(ClientOrderId.of(v.get(1)), Qty.of(v.get(2)), Money.of(v.get(3)));
        }
    }

    /** A trailing stop moved to {@code stop}; {@code reference} is the best price it trails (null: not yet known). */
    record Trailed(ClientOrderId id, Instant time, Price stop, Price reference) implements Rec {
        @Override
        public JournalFields encode() {
            return JournalFields.record("TRAIL").add(id).add(time).add(stop).add(reference);
        }

        static Trailed decode(List<String> v) {
            return new Trailed(ClientOrderId.of(v.get(1)), Instant.parse(v.get(2)), Price.of(v.get(3)), JournalRecords.price(v.get(4)));
        }
    }

    record Event(OrderEvent event) implements Rec {
        @Override
        public JournalFields encode() {
            OrderEvent e = event;
            JournalFields f = JournalFields.record("EVENT").add(OrderStateMachine.Kind.of(e)).add(e.orderId()).add(e.time());
            if (e instanceof OrderEvent.Rejected r) {
                f.add(r.reasonCode()).add(r.message());
            } else if (e instanceof OrderEvent.Triggered t) {
                f.add(t.price());
            } else if (e instanceof OrderEvent.Filled fe) {
                Fill fill = fe.fill();
                f.add(fill.executionId()).add(fill.quantity()).add(fill.price()).add(fill.fee().toBigDecimal().toPlainString())
                        .add(fill.time()).add(fe.statusAfter());
            } else if (e instanceof OrderEvent.Modified m) {
                f.add(m.quantity()).add(m.limitPrice()).add(m.stopPrice());
            } else if (e instanceof OrderEvent.ModifyRejected r) {
                f.add(r.reasonCode()).add(r.message());
            } else if (e instanceof OrderEvent.Cancelled c) {
                f.add(c.reason());
            }
            return f;
        }

        static Event decode(List<String> v, Map<ClientOrderId, WorkingOrder> orders) {
            return new Event(JournalRecords.readEvent(v, orders));
        }
    }

    /** A charge to an account outside any fill (borrow cost, financing interest): its cash falls by the amount. */
    record Charged(String strategyId, Instant time, Money amount, String reason) implements Rec {
        @Override
        public JournalFields encode() {
            return JournalFields.record("CHARGE").add(strategyId).add(time).add(plain(amount)).add(reason);
        }

        static Charged decode(List<String> v) {
            return new Charged(v.get(1), Instant.parse(v.get(2)), Money.of(v.get(3)), v.get(4));
        }
    }

    /** Capital moved into an account (positive) or out of it (negative), as a portfolio's allocator moves it: cash only, no fee. */
    record Transferred(String strategyId, Instant time, Money amount, String reason) implements Rec {
        @Override
        public JournalFields encode() {
            return JournalFields.record("TRANSFER").add(strategyId).add(time).add(plain(amount)).add(reason);
        }

        static Transferred decode(List<String> v) {
            return new Transferred(v.get(1), Instant.parse(v.get(2)), Money.of(v.get(3)), v.get(4));
        }
    }

    // ---- a snapshot: what compaction writes instead of the history that led to it ----------------

    /** An account's cash and fees as they stand. */
    record AccountCash(String strategyId, Money cash, Money fees, Money transferred) implements Rec {
        @Override
        public JournalFields encode() {
            return JournalFields.record("CASH").add(strategyId).add(plain(cash)).add(plain(fees)).add(plain(transferred));
        }

        static AccountCash decode(List<String> v) {
            // journals compacted before transfers existed have no fourth field
            return new AccountCash(v.get(1), Money.of(v.get(2)), Money.of(v.get(3)), v.size() > 4 ? Money.of(v.get(4)) : Money.ZERO);
        }
    }

    /** One instrument of an account as it stands: realised P&L, mark and the open lots, oldest first. */
    record AccountBook(String strategyId, InstrumentId instrument, Money realised, Price mark, List<Account.Lot> lots) implements Rec {
        @Override
        public JournalFields encode() {
            StringBuilder b = new StringBuilder();
            for (Account.Lot lot : lots) {
                b.append(b.length() == 0 ? "" : " ").append(lot.quantity()).append('@').append(lot.price());
            }
            return JournalFields.record("BOOK").add(strategyId).add(instrument).add(plain(realised)).add(mark).add(b);
        }

        static AccountBook decode(List<String> v) {
            return new AccountBook(v.get(1), InstrumentId.of(v.get(2)), Money.of(v.get(3)), JournalRecords.price(v.get(4)), JournalRecords.lots(v.get(5)));
        }
    }

    /** One order as it stands: what was asked, what it is now, and where it is. */
    record OrderState(Instant created, Instant updated, String strategyId, String venueId, ClientOrderId id, String group,
            ClientOrderId parent, boolean emulated, OrderRequest original, OrderRequest current, OrderStatus status, Qty filled,
            boolean sent, boolean venueAccepted, boolean cancelRequested, boolean activated, Price workingStop, Price trailReference)
            implements Rec {
        @Override
        public JournalFields encode() {
            OrderRequest r = original;
            return JournalFields.record("ORDERSTATE").add(created).add(updated).add(strategyId).add(venueId).add(id).add(group).add(parent)
                    .add(flag(emulated)).add(r.instrument()).add(r.side()).add(r.type()).add(r.quantity()).add(r.limitPrice()).add(r.stopPrice())
                    .add(r.trailingOffset()).add(r.timeInForce()).add(current.quantity()).add(current.limitPrice()).add(current.stopPrice())
                    .add(status).add(filled).add(flag(sent)).add(flag(venueAccepted)).add(flag(cancelRequested)).add(flag(activated))
                    .add(workingStop).add(trailReference);
        }

        static OrderState decode(List<String> v) {
            OrderRequest original = JournalRecords.request(v, 9);
            OrderRequest current = new OrderRequest(original.instrument(), original.side(), original.type(), Qty.of(v.get(17)),
                    JournalRecords.price(v.get(18)), JournalRecords.price(v.get(19)), original.trailingOffset(), original.timeInForce());
            return new OrderState(Instant.parse(v.get(1)), Instant.parse(v.get(2)), v.get(3), v.get(4), ClientOrderId.of(v.get(5)), v.get(6),
                    v.get(7) == null ? null : ClientOrderId.of(v.get(7)), "1".equals(v.get(8)), original, current,
                    OrderStatus.valueOf(v.get(20)), Qty.of(v.get(21)), "1".equals(v.get(22)), "1".equals(v.get(23)), "1".equals(v.get(24)),
                    "1".equals(v.get(25)), JournalRecords.price(v.get(26)), JournalRecords.price(v.get(27)));
        }
    }

    /** One line of an order's history, kept as the words it is shown in. */
    record HistoryStep(ClientOrderId id, Instant time, String what, OrderStatus statusAfter, String detail) implements Rec {
        @Override
        public JournalFields encode() {
            return JournalFields.record("STEP").add(id).add(time).add(what).add(statusAfter).add(detail);
        }

        static HistoryStep decode(List<String> v) {
            return new HistoryStep(ClientOrderId.of(v.get(1)), Instant.parse(v.get(2)), v.get(3), OrderStatus.valueOf(v.get(4)), v.get(5));
        }
    }

    /** A venue execution id already booked (fills are counted once). */
    record Execution(String executionId) implements Rec {
        @Override
        public JournalFields encode() {
            return JournalFields.record("EXEC").add(executionId);
        }

        static Execution decode(List<String> v) {
            return new Execution(v.get(1));
        }
    }

    /** How many orders a strategy has entered in all, forgotten ones included. */
    record OrderCount(String strategyId, int count) implements Rec {
        @Override
        public JournalFields encode() {
            return JournalFields.record("COUNT").add(strategyId).add(count);
        }

        static OrderCount decode(List<String> v) {
            return new OrderCount(v.get(1), Integer.parseInt(v.get(2)));
        }
    }

    /** Orders closed before {@code before} were forgotten: a venue's fill of an unknown order from then was booked. */
    /** The journal's format: the first record of a journal (a journal written before it had one is format 1). */
    record Format(int version) implements Rec {
        /** The format this version writes and reads. */
        static final int CURRENT = 1;

        @Override
        public JournalFields encode() {
            return JournalFields.record("FORMAT").add(version);
        }

        static Format decode(List<String> v) {
            return new Format(Integer.parseInt(v.get(1)));
        }
    }

    record Forgotten(Instant before) implements Rec {
        @Override
        public JournalFields encode() {
            return JournalFields.record("FORGOTTEN").add(before);
        }

        static Forgotten decode(List<String> v) {
            return new Forgotten(Instant.parse(v.get(1)));
        }
    }

    private static String plain(Money m) {
        return m.toBigDecimal().toPlainString();
    }

    private static String flag(boolean b) {
        return b ? "1" : "0";
    }

    private static List<Account.Lot> lots(String text) {
        List<Account.Lot> lots = new java.util.ArrayList<>();
        if (text != null && !text.isEmpty()) {
            for (String lot : text.split(" ")) {
                int at = lot.indexOf('@');
                lots.add(new Account.Lot(Qty.of(lot.substring(0, at)), Price.of(lot.substring(at + 1))));
            }
        }
        return lots;
    }

    private static OrderRequest request(List<String> v, int at) {
        return new OrderRequest(InstrumentId.of(v.get(at)), Side.valueOf(v.get(at + 1)), OrderType.valueOf(v.get(at + 2)), Qty.of(v.get(at + 3)),
                price(v.get(at + 4)), price(v.get(at + 5)), v.get(at + 6) == null ? null : TrailingOffset.parse(v.get(at + 6)),
                TimeInForce.valueOf(v.get(at + 7)));
    }

    /**
     * Reads one line back, with the decoder of its record type (each beside its encoder); fills take their
     * strategy, instrument and side from the order they belong to.
     */
    static Rec decode(String line, Map<ClientOrderId, WorkingOrder> orders) {
        List<String> v = JournalFields.parse(line);
        return switch (v.get(0)) {
            case "ACCOUNT" -> AccountOpened.decode(v);
            case "ORDER" -> OrderEntered.decode(v);
            case "SENT" -> Sent.decode(v);
            case "CANCEL" -> CancelRequested.decode(v);
            case "SESSION" -> Session.decode(v);
            case "ACTIVATE" -> Activated.decode(v);
            case "RESERVE" -> Reserved.decode(v);
            case "TRAIL" -> Trailed.decode(v);
            case "EVENT" -> Event.decode(v, orders);
            case "CASH" -> AccountCash.decode(v);
            case "BOOK" -> AccountBook.decode(v);
            case "ORDERSTATE" -> OrderState.decode(v);
            case "STEP" -> HistoryStep.decode(v);
            case "EXEC" -> Execution.decode(v);
            case "COUNT" -> OrderCount.decode(v);
            case "FORGOTTEN" -> Forgotten.decode(v);
            case "FORMAT" -> Format.decode(v);
            case "CHARGE" -> Charged.decode(v);
            case "TRANSFER" -> Transferred.decode(v);
            default -> throw new IllegalStateException("unknown journal record type " + v.get(0));
        };
    }

    private static OrderEvent readEvent(List<String> v, Map<ClientOrderId, WorkingOrder> orders) {
        ClientOrderId id = ClientOrderId.of(v.get(2));
        Instant time = Instant.parse(v.get(3));
        return switch (OrderStateMachine.Kind.valueOf(v.get(1))) {
            case ACCEPTED -> new OrderEvent.Accepted(id, time);
            case REJECTED -> new OrderEvent.Rejected(id, time, v.get(4), v.get(5));
            case TRIGGERED -> new OrderEvent.Triggered(id, time, Price.of(v.get(4)));
            case FILLED -> {
                WorkingOrder w = orders.get(id);
                Fill fill = new Fill(id, v.get(4), w.strategyId, w.request.instrument(), w.request.side(), Qty.of(v.get(5)),
                        Price.of(v.get(6)), Money.of(v.get(7)), Instant.parse(v.get(8)));
                yield new OrderEvent.Filled(id, time, fill, OrderStatus.valueOf(v.get(9)));
            }
            case MODIFIED -> new OrderEvent.Modified(id, time, Qty.of(v.get(4)), price(v.get(5)), price(v.get(6)));
            case MODIFY_REJECTED -> new OrderEvent.ModifyRejected(id, time, v.get(4), v.get(5));
            case CANCELLED -> new OrderEvent.Cancelled(id, time, v.get(4));
            case EXPIRED -> new OrderEvent.Expired(id, time);
        };
    }

    private static Price price(String s) {
        return s == null ? null : Price.of(s);
    }
}
