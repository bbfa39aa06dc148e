package io.quiver.oms;

import io.quiver.sdk.model.Instrument;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.ReasonCode;
import io.quiver.sdk.model.Side;
import java.util.List;
import java.util.Map;

/**
 * The order manager's checks of what it is asked to enter or change, before anything reaches a venue:
 * prices and quantities that fit the type, the instrument's tick and lot, brackets that hang together.
 * Each answers null or a {@link Refusal}.
 */
final class OrderChecks {
    private final Map<InstrumentId, Instrument> instruments;

    /** Why an order or change is refused: a platform code and what was wrong with this one. */
    record Refusal(ReasonCode code, String message) {
    }

    OrderChecks(Map<InstrumentId, Instrument> instruments) {
        this.instruments = instruments;
    }

    /** What is wrong with a new order, or null. */
    Refusal request(OrderRequest r) {
        if (!r.quantity().isPositive()) {
            return new Refusal(ReasonCode.INVALID_QUANTITY, "quantity must be positive, was " + r.quantity());
        }
        boolean needsLimit = r.type() == OrderType.LIMIT || r.type() == OrderType.STOP_LIMIT;
        boolean needsStop = r.type() == OrderType.STOP || r.type() == OrderType.STOP_LIMIT;
        if (needsLimit != (r.limitPrice() != null)) {
            return new Refusal(ReasonCode.INVALID_PRICE, "a " + r.type() + " order " + (needsLimit ? "needs" : "takes no") + " limit price");
        }
        if (needsStop && r.stopPrice() == null || r.type() == OrderType.MARKET && r.stopPrice() != null
                || r.type() == OrderType.LIMIT && r.stopPrice() != null) {
            return new Refusal(ReasonCode.INVALID_PRICE, "a " + r.type() + " order " + (needsStop ? "needs" : "takes no") + " stop price");
        }
        if ((r.type() == OrderType.TRAILING_STOP) != (r.trailingOffset() != null)) {
            return new Refusal(ReasonCode.INVALID_PRICE, (r.type() == OrderType.TRAILING_STOP ? "a trailing stop needs a trailing offset"
                    : "only a trailing stop takes a trailing offset"));
        }
        for (Price p : new Price[] {r.limitPrice(), r.stopPrice()}) {
            if (p != null && p.signum() <= 0) {
                return new Refusal(ReasonCode.INVALID_PRICE, "prices must be positive, was " + p);
            }
        }
        if (r.type() == OrderType.STOP_LIMIT && (r.side() == Side.BUY ? r.limitPrice().compareTo(r.stopPrice()) < 0
                : r.limitPrice().compareTo(r.stopPrice()) > 0)) {
            return new Refusal(ReasonCode.INVALID_PRICE, "a " + r.side() + " stop-limit's limit " + r.limitPrice() + " must not be "
                    + (r.side() == Side.BUY ? "below" : "above") + " its stop " + r.stopPrice());
        }
        Price trailAmount = r.trailingOffset() == null ? null : r.trailingOffset().amount();
        Refusal tick = tick(r.instrument(), r.quantity(), r.limitPrice(), r.stopPrice());
        if (tick == null && trailAmount != null) {
            tick = tick(r.instrument(), null, trailAmount, null);
        }
        return tick;
    }

    private Refusal tick(InstrumentId id, Qty quantity, Price limit, Price stop) {
        Instrument i = instruments.get(id);
        if (i == null) {
            return null; // the venue checks instruments it knows
        }
        if (quantity != null && !quantity.isMultipleOf(i.lotSize())) {
            return new Refusal(ReasonCode.INVALID_QUANTITY, "quantity " + quantity + " is not a multiple of the lot size " + i.lotSize());
        }
        if (quantity != null && quantity.compareTo(i.minQuantity()) < 0) {
            return new Refusal(ReasonCode.INVALID_QUANTITY, "quantity " + quantity + " is below the minimum " + i.minQuantity() + " of " + id);
        }
        if (i.multiplier().compareTo(java.math.BigDecimal.ONE) != 0) {
            // The books count a contract's value as price x quantity; a multiplier would make every balance wrong.
            return new Refusal(ReasonCode.NOT_SUPPORTED, id + " has a contract multiplier of " + i.multiplier().toPlainString()
                    + "; contracts with a multiplier cannot be traded yet");
        }
        for (Price p : new Price[] {limit, stop}) {
            if (p != null && !p.isMultipleOf(i.tickSize())) {
                return new Refusal(ReasonCode.INVALID_PRICE, "price " + p + " is not a multiple of the tick size " + i.tickSize());
            }
        }
        return null;
    }

    /** What is wrong with a change to an open order, or null. */
    Refusal modify(WorkingOrder w, Qty quantity, Price limit, Price stop) {
        if (quantity != null && (!quantity.isPositive() || quantity.compareTo(w.filled) <= 0)) {
            return new Refusal(ReasonCode.INVALID_QUANTITY, "the new quantity " + quantity + " must be above the filled " + w.filled);
        }
        if (limit != null && w.request.limitPrice() == null) {
            return new Refusal(ReasonCode.INVALID_PRICE, "a " + w.request.type() + " order has no limit price");
        }
        if (stop != null && (w.request.stopPrice() == null && w.request.type() != OrderType.TRAILING_STOP || w.status == OrderStatus.TRIGGERED)) {
            return new Refusal(ReasonCode.INVALID_PRICE, (w.status == OrderStatus.TRIGGERED ? "the order has triggered already"
                    : "a " + w.request.type() + " order has no stop price"));
        }
        return tick(w.request.instrument(), quantity, limit, stop);
    }

    /** What is wrong with a bracket's three orders taken together, or null. */
    static String bracket(OrderRequest entry, OrderRequest stopLoss, OrderRequest takeProfit) {
        for (OrderRequest child : List.of(stopLoss, takeProfit)) {
            if (child.side() == entry.side()) {
                return "the stop-loss and take-profit must be on the side opposite the entry";
            }
            if (!child.instrument().equals(entry.instrument())) {
                return "the stop-loss and take-profit must be on the entry's instrument";
            }
            if (child.quantity().compareTo(entry.quantity()) != 0) {
                return "the stop-loss and take-profit must have the entry's quantity";
            }
        }
        if (!stopLoss.type().isTriggered()) {
            return "the stop-loss must be a stop, stop-limit or trailing stop";
        }
        if (takeProfit.type() != OrderType.LIMIT) {
            return "the take-profit must be a limit order";
        }
        return bracketPrices(entry, stopLoss.stopPrice(), takeProfit.limitPrice());
    }

    /**
     * A long bracket protects below and takes profit above: stop-loss < entry limit < take-profit (a short
     * one the other way round). Without an entry limit the stop-loss must still be on the loss side of
     * the take-profit; a trailing stop-loss with no first level has no price to compare.
     */
    private static String bracketPrices(OrderRequest entry, Price stopLoss, Price takeProfit) {
        boolean buy = entry.side() == Side.BUY;
        String loss = buy ? "below" : "above";
        String profit = buy ? "above" : "below";
        Price reference = entry.limitPrice();
        if (reference != null && stopLoss != null && (buy ? stopLoss.compareTo(reference) >= 0 : stopLoss.compareTo(reference) <= 0)) {
            return "the stop-loss " + stopLoss + " of a " + entry.side() + " entry must be " + loss + " its limit " + reference;
        }
        if (reference != null && (buy ? takeProfit.compareTo(reference) <= 0 : takeProfit.compareTo(reference) >= 0)) {
            return "the take-profit " + takeProfit + " of a " + entry.side() + " entry must be " + profit + " its limit " + reference;
        }
        if (stopLoss != null && (buy ? stopLoss.compareTo(takeProfit) >= 0 : stopLoss.compareTo(takeProfit) <= 0)) {
            return "the stop-loss " + stopLoss + " of a " + entry.side() + " entry must be " + loss + " the take-profit " + takeProfit;
        }
        return null;
    }
}
