package io.quiver.venue.fix.internal;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.InstrumentId;
import io.quiver.sdk.model.Money;
import io.quiver.sdk.model.OrderEvent;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderStatus;
import io.quiver.sdk.model.Price;
import io.quiver.sdk.model.Qty;
import io.quiver.sdk.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.Account;
import quickfix.field.ClOrdID;
import quickfix.field.CommType;
import quickfix.field.Commission;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrderQty;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TransactTime;

/**
 * ExecutionReports and OrderCancelRejects as the order events the platform books. New is Accepted, Trade
 * (and the older Partial fill and Fill) is Filled with the execution's own id, price and quantity, Canceled,
 * Replaced, Rejected and Expired are the events of those names; pending states and restatements change
 * nothing booked. A report whose ExecID was seen before (a resend) gives nothing. Prices and quantities are
 * read as exact decimals from the message text.
 */
public final class ExecutionReports {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionReports.class);

    private ExecutionReports() {
    }

    public static List<OrderEvent> events(Message m, SentOrders orders) {
        try {
            String type = m.getHeader().getString(MsgType.FIELD);
            if (type.equals(MsgType.EXECUTION_REPORT)) {
                return executionReport(m, orders);
            }
            if (type.equals(MsgType.ORDER_CANCEL_REJECT)) {
                return cancelReject(m, orders);
            }
            return List.of();
        } catch (FieldNotFound e) {
            LOG.warn("a FIX message lacks field {} and is not booked: {}", e.field, m.toString().replace('\u0001', '|'));
            return List.of();
        }
    }

    private static List<OrderEvent> executionReport(Message m, SentOrders orders) throws FieldNotFound {
        String clOrdId = m.getString(ClOrdID.FIELD);
        ClientOrderId id = orders.orderOf(clOrdId);
        char execType = m.getChar(ExecType.FIELD);
        Instant time = m.isSetField(TransactTime.FIELD) ? m.getUtcTimeStamp(TransactTime.FIELD).toInstant(ZoneOffset.UTC) : Instant.now();
        String execId = m.getString(ExecID.FIELD);
        if (execType != ExecType.ORDER_STATUS && !orders.firstReport(execId)) {
            LOG.debug("execution {} of {} was reported already", execId, id);
            return List.of();
        }
        String text = m.isSetField(Text.FIELD) ? m.getString(Text.FIELD) : "";
        boolean first = orders.answered(id);
        if (execType == ExecType.ORDER_STATUS) {
            return first ? status(m, id, time, text, orders) : List.of();
        }
        switch (execType) {
            case ExecType.NEW:
                return List.of(new OrderEvent.Accepted(id, time));
            case ExecType.TRADE, ExecType.PARTIAL_FILL, ExecType.FILL: {
                OrderStatus after = m.getChar(OrdStatus.FIELD) == OrdStatus.FILLED ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
                if (after == OrderStatus.FILLED) {
                    orders.ended(id);
                }
                return List.of(new OrderEvent.Filled(id, time, fill(m, id, execId, time, orders), after));
            }
            case ExecType.CANCELED:
            case ExecType.DONE_FOR_DAY:
                orders.ended(id);
                return List.of(new OrderEvent.Cancelled(id, time, text.isEmpty() ? "cancelled by the venue" : text));
            case ExecType.REPLACED: {
                Optional<SentOrders.Sent> sent = orders.get(id);
                Qty quantity = Qty.of(m.getDecimal(OrderQty.FIELD));
                Price limit = m.isSetField(quickfix.field.Price.FIELD) ? Price.of(m.getDecimal(quickfix.field.Price.FIELD)) : null;
                sent.ifPresent(s -> orders.replaced(id, amended(s.request(), quantity, limit), clOrdId));
                return List.of(new OrderEvent.Modified(id, time, quantity, limit, null));
            }
            case ExecType.REJECTED: {
                orders.ended(id);
                String code = m.isSetField(OrdRejReason.FIELD) ? "FIX_REJECT_" + m.getInt(OrdRejReason.FIELD) : "FIX_REJECTED";
                return List.of(new OrderEvent.Rejected(id, time, code, text.isEmpty() ? "rejected by the venue" : text));
            }
            case ExecType.EXPIRED:
                orders.ended(id);
                return List.of(new OrderEvent.Expired(id, time));
            default:
                // pending new, cancel or replace, restated, order status: nothing to book
                return List.of();
        }
    }

    /**
     * The answer to an OrderStatusRequest for an order the broker had said nothing of: unknown to it
     * (Rejected) ends the order, anything else is its acceptance; fills it made come as their own reports.
     */
    private static List<OrderEvent> status(Message m, ClientOrderId id, Instant time, String text, SentOrders orders) throws FieldNotFound {
        if (m.getChar(OrdStatus.FIELD) == OrdStatus.REJECTED) {
            orders.ended(id);
            return List.of(new OrderEvent.Rejected(id, time, "FIX_UNKNOWN_ORDER", text.isEmpty() ? "the venue does not know the order" : text));
        }
        return List.of(new OrderEvent.Accepted(id, time));
    }

    private static List<OrderEvent> cancelReject(Message m, SentOrders orders) throws FieldNotFound {
        String clOrdId = m.getString(ClOrdID.FIELD);
        ClientOrderId id = orders.orderOf(clOrdId);
        String text = m.isSetField(Text.FIELD) ? m.getString(Text.FIELD) : "refused by the venue";
        String code = m.isSetField(quickfix.field.CxlRejReason.FIELD) ? "FIX_CXL_REJECT_" + m.getInt(quickfix.field.CxlRejReason.FIELD) : "FIX_CXL_REJECT";
        if (m.getChar(CxlRejResponseTo.FIELD) == CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST) {
            return List.of(new OrderEvent.ModifyRejected(id, Instant.now(), code, text));
        }
        // a refused cancel: the order works on (or has ended, and its report says so)
        LOG.warn("the venue refused to cancel {}: {} ({})", id, text, code);
        return List.of();
    }

    private static Fill fill(Message m, ClientOrderId id, String execId, Instant time, SentOrders orders) throws FieldNotFound {
        Optional<SentOrders.Sent> sent = orders.get(id);
        String account = m.isSetField(Account.FIELD) ? m.getString(Account.FIELD) : sent.map(SentOrders.Sent::account).orElse("");
        InstrumentId instrument = InstrumentId.of(m.getString(Symbol.FIELD));
        Side side = m.getChar(quickfix.field.Side.FIELD) == quickfix.field.Side.BUY ? Side.BUY : Side.SELL;
        Qty quantity = Qty.of(m.getDecimal(LastQty.FIELD));
        Price price = Price.of(m.getDecimal(LastPx.FIELD));
        return new Fill(id, execId, account, instrument, side, quantity, price, fee(m, quantity, price), time);
    }

    /** Commission (12) as CommType (13) says: absolute (3), per unit (1) or percent of the notional (2); none is zero. */
    private static Money fee(Message m, Qty quantity, Price price) throws FieldNotFound {
        if (!m.isSetField(Commission.FIELD)) {
            return Money.ZERO;
        }
        BigDecimal c = m.getDecimal(Commission.FIELD);
        char type = m.isSetField(CommType.FIELD) ? m.getChar(CommType.FIELD) : CommType.ABSOLUTE;
        return switch (type) {
            case CommType.PER_UNIT -> Money.of(c.multiply(quantity.toBigDecimal()));
            case CommType.PERCENT -> Money.of(c.movePointLeft(2).multiply(price.toBigDecimal()).multiply(quantity.toBigDecimal()));
            default -> Money.of(c);
        };
    }

    private static OrderRequest amended(OrderRequest r, Qty quantity, Price limit) {
        return new OrderRequest(r.instrument(), r.side(), r.type(), quantity, limit != null ? limit : r.limitPrice(), r.stopPrice(),
                r.trailingOffset(), r.timeInForce());
    }
}
