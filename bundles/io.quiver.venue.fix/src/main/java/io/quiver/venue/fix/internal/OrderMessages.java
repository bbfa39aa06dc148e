package io.quiver.venue.fix.internal;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.OrderRequest;
import io.quiver.sdk.model.OrderType;
import io.quiver.sdk.model.Side;
import io.quiver.sdk.model.TimeInForce;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import quickfix.Message;
import quickfix.field.Account;
import quickfix.field.ClOrdID;
import quickfix.field.HandlInst;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Symbol;
import quickfix.field.TransactTime;

/**
 * Orders as FIX 4.4 messages. Quantities and prices are written from their exact decimals (QuickFIX/J's
 * typed price fields are doubles, so they are set by tag).
 */
public final class OrderMessages {
    private OrderMessages() {
    }

    public static Message newOrder(String account, ClientOrderId id, OrderRequest r, Instant time) {
        Message m = new quickfix.fix44.NewOrderSingle();
        m.setString(ClOrdID.FIELD, id.value());
        m.setString(Account.FIELD, account);
        m.setChar(HandlInst.FIELD, HandlInst.AUTOMATED_EXECUTION_ORDER_PRIVATE_NO_BROKER_INTERVENTION);
        order(m, r, time);
        return m;
    }

    public static Message cancel(SentOrders.Sent s, String requestId, Instant time) {
        Message m = new quickfix.fix44.OrderCancelRequest();
        m.setString(OrigClOrdID.FIELD, s.clOrdId());
        m.setString(ClOrdID.FIELD, requestId);
        m.setString(Account.FIELD, s.account());
        m.setString(Symbol.FIELD, s.request().instrument().symbol());
        m.setChar(quickfix.field.Side.FIELD, side(s.request().side()));
        m.setDecimal(OrderQty.FIELD, s.request().quantity().toBigDecimal());
        m.setUtcTimeStamp(TransactTime.FIELD, utc(time), true);
        return m;
    }

    /** An OrderStatusRequest for an order, by the ClOrdID the broker knows it by. */
    public static Message status(SentOrders.Sent s) {
        Message m = new quickfix.fix44.OrderStatusRequest();
        m.setString(ClOrdID.FIELD, s.clOrdId());
        m.setString(Account.FIELD, s.account());
        m.setString(Symbol.FIELD, s.request().instrument().symbol());
        m.setChar(quickfix.field.Side.FIELD, side(s.request().side()));
        return m;
    }

    public static Message replace(SentOrders.Sent s, String requestId, OrderRequest amended, Instant time) {
        Message m = new quickfix.fix44.OrderCancelReplaceRequest();
        m.setString(OrigClOrdID.FIELD, s.clOrdId());
        m.setString(ClOrdID.FIELD, requestId);
        m.setString(Account.FIELD, s.account());
        m.setChar(HandlInst.FIELD, HandlInst.AUTOMATED_EXECUTION_ORDER_PRIVATE_NO_BROKER_INTERVENTION);
        order(m, amended, time);
        return m;
    }

    private static void order(Message m, OrderRequest r, Instant time) {
        m.setString(Symbol.FIELD, r.instrument().symbol());
        m.setChar(quickfix.field.Side.FIELD, side(r.side()));
        m.setUtcTimeStamp(TransactTime.FIELD, utc(time), true);
        m.setDecimal(OrderQty.FIELD, r.quantity().toBigDecimal());
        m.setChar(OrdType.FIELD, r.type() == OrderType.LIMIT ? OrdType.LIMIT : OrdType.MARKET);
        if (r.type() == OrderType.LIMIT) {
            m.setDecimal(Price.FIELD, r.limitPrice().toBigDecimal());
        }
        m.setChar(quickfix.field.TimeInForce.FIELD, timeInForce(r.timeInForce()));
    }

    public static char side(Side s) {
        return s == Side.BUY ? quickfix.field.Side.BUY : quickfix.field.Side.SELL;
    }

    static char timeInForce(TimeInForce t) {
        return switch (t) {
            case DAY -> quickfix.field.TimeInForce.DAY;
            case GTC -> quickfix.field.TimeInForce.GOOD_TILL_CANCEL;
            case IOC -> quickfix.field.TimeInForce.IMMEDIATE_OR_CANCEL;
            case FOK -> quickfix.field.TimeInForce.FILL_OR_KILL;
        };
    }

    public static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
