package io.quiver.oms;

import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.Position;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cash and positions of one strategy instance, exact. Positions are kept as FIFO lots: a fill that
 * reduces a position closes the oldest lots first and realises {@code (exit - entry) * quantity} on each,
 * so realised P&L never needs a division. Fees are paid from cash and counted apart.
 */
public final class Account {
    private final Money startingCash;
    private Money cash;
    private Money fees = Money.ZERO;
    private Money transferred = Money.ZERO;
    private final Map<InstrumentId, Book> books = new TreeMap<>();

    /** An open lot: a signed quantity bought (positive) or sold short (negative) at one price. */
    record Lot(Qty quantity, Price price) {
    }

    private static final class Book {
        final Deque<Lot> lots = new ArrayDeque<>();
        Qty quantity = Qty.ZERO;
        Money realised = Money.ZERO;
        Price mark;
    }

    public Account(Money startingCash) {
        this.startingCash = startingCash;
        this.cash = startingCash;
    }

    public Money startingCash() {
        return startingCash;
    }

    public Money cash() {
        return cash;
    }

    public Money fees() {
        return fees;
    }

    /** The capital moved in less the capital moved out since the account opened (a portfolio's rebalancing). */
    public Money transferred() {
        return transferred;
    }

    public void apply(Fill fill) {
        Money notional = fill.price().times(fill.quantity());
        cash = fill.side().sign() > 0 ? cash.minus(notional) : cash.plus(notional);
        cash = cash.minus(fill.fee());
        fees = fees.plus(fill.fee());
        Book book = books.computeIfAbsent(fill.instrument(), k -> new Book());
        Qty remaining = fill.signedQuantity();
        while (!remaining.isZero() && !book.lots.isEmpty() && book.lots.peekFirst().quantity().signum() != remaining.signum()) {
            Lot lot = book.lots.pollFirst();
            Qty closing = lot.quantity().abs().min(remaining.abs());
            Money perUnit = fill.price().minus(lot.price()).times(closing);
            book.realised = book.realised.plus(lot.quantity().signum() > 0 ? perUnit : perUnit.negate());
            Qty lotLeft = lot.quantity().signum() > 0 ? lot.quantity().minus(closing) : lot.quantity().plus(closing);
            if (!lotLeft.isZero()) {
                book.lots.addFirst(new Lot(lotLeft, lot.price()));
            }
            remaining = remaining.signum() > 0 ? remaining.minus(closing) : remaining.plus(closing);
        }
        if (!remaining.isZero()) {
            book.lots.addLast(new Lot(remaining, fill.price()));
        }
        book.quantity = book.quantity.plus(fill.signedQuantity());
        if (book.mark == null) {
            book.mark = fill.price();
        }
    }

    /** Marks an instrument's position at a new price. */
    public void mark(InstrumentId instrument, Price price) {
        Book book = books.get(instrument);
        if (book != null) {
            book.mark = price;
        }
    }

    /** Whether the account has ever traded the instrument (so a new price of it marks the account). */
    boolean books(InstrumentId instrument) {
        return books.containsKey(instrument);
    }

    public Qty quantity(InstrumentId instrument) {
        Book book = books.get(instrument);
        return book == null ? Qty.ZERO : book.quantity;
    }

    public Position position(InstrumentId instrument) {
        Book book = books.get(instrument);
        if (book == null) {
            return Position.flat(instrument);
        }
        Money cost = Money.ZERO;
        for (Lot lot : book.lots) {
            cost = cost.plus(lot.price().times(lot.quantity()));
        }
        Money unrealised = book.mark == null ? Money.ZERO : book.mark.times(book.quantity).minus(cost);
        return new Position(instrument, book.quantity, cost, book.realised, unrealised, book.mark);
    }

    /** Every instrument ever traded, in symbol order. */
    public Iterable<InstrumentId> instruments() {
        return books.keySet();
    }

    /** Cash plus every position at its mark. */
    public Money equity() {
        Money equity = cash;
        for (Book book : books.values()) {
            if (!book.quantity.isZero()) {
                equity = equity.plus(book.mark.times(book.quantity));
            }
        }
        return equity;
    }

    // ---- snapshots, for compacting the journal ------------------------------------------------------

    List<Lot> lots(InstrumentId instrument) {
        Book book = books.get(instrument);
        return book == null ? List.of() : List.copyOf(book.lots);
    }

    Money realised(InstrumentId instrument) {
        Book book = books.get(instrument);
        return book == null ? Money.ZERO : book.realised;
    }

    Price mark(InstrumentId instrument) {
        Book book = books.get(instrument);
        return book == null ? null : book.mark;
    }

    /** A cost outside any fill (borrow, financing): cash falls by {@code amount}, which counts among the fees. */
    void charge(Money amount) {
        cash = cash.minus(amount);
        fees = fees.plus(amount);
    }

    /** Capital moved in (positive) or out (negative): cash changes, fees and P&L do not. */
    void transfer(Money amount) {
        cash = cash.plus(amount);
        transferred = transferred.plus(amount);
    }

    void restoreCash(Money cashNow, Money feesNow, Money transferredNow) {
        this.cash = cashNow;
        this.fees = feesNow;
        this.transferred = transferredNow;
    }

    void restoreBook(InstrumentId instrument, Money realised, Price mark, List<Lot> lots) {
        Book book = new Book();
        book.realised = realised;
        book.mark = mark;
        for (Lot lot : lots) {
            book.lots.addLast(lot);
            book.quantity = book.quantity.plus(lot.quantity());
        }
        books.put(instrument, book);
    }

    public Money realisedPnl() {
        Money total = Money.ZERO;
        for (Book book : books.values()) {
            total = total.plus(book.realised);
        }
        return total;
    }
}
