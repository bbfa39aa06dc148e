package io.quiver.venue.fix.standin;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.field.Account;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TransactTime;

/**
 * A broker on a FIX 4.4 acceptor (QuickFIX/J), bound to 127.0.0.1, for the venue's tests and for trying the
 * FIX venue without a broker ({@code bin/quiver-fix-broker}):
 * it acknowledges orders, fills market orders at the market price and limit orders when the market
 * reaches them (whole, or in parts), rejects unknown symbols and duplicate ClOrdIDs, cancels, replaces,
 * refuses to cancel what it does not hold, drops the session on demand, and keeps its sequence numbers
 * in a file store, so that a restart resumes them.
 */
public final class FixBrokerStandIn implements Application, AutoCloseable {
    public static final String BROKER = "BROKER";
    public static final String CLIENT = "QUIVER";

    /** An order the broker holds. */
    public static final class Held {
        final String orderId;
        final String firstClOrdId;
        final String account;
        final String symbol;
        final char side;
        final char type;
        volatile String clOrdId;
        BigDecimal quantity;
        BigDecimal limit;
        volatile BigDecimal filled = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        volatile boolean open = true;

        /** The ClOrdID the order is known by now (after a cancel or replace, that request's). */
        public String clOrdId() {
            return clOrdId;
        }

        public boolean isOpen() {
            return open;
        }

        /** The ClOrdID of the NewOrderSingle: the client's order id. */
        public String orderClOrdId() {
            return firstClOrdId;
        }

        public String account() {
            return account;
        }

        public String symbol() {
            return symbol;
        }

        /** The quantity filled, signed: positive for a buy. */
        public BigDecimal signedFilled() {
            return side == Side.BUY ? filled : filled.negate();
        }

        Held(String orderId, String clOrdId, String account, String symbol, char side, char type, BigDecimal quantity, BigDecimal limit) {
            this.orderId = orderId;
            this.firstClOrdId = clOrdId;
            this.clOrdId = clOrdId;
            this.account = account;
            this.symbol = symbol;
            this.side = side;
            this.type = type;
            this.quantity = quantity;
            this.limit = limit;
        }
    }

    private final SessionID session = new SessionID("FIX.4.4", BROKER, CLIENT);
    private final Set<String> symbols;
    private final int port;
    private final SocketAcceptor acceptor;
    private final Map<String, Held> byClOrdId = new LinkedHashMap<>();
    private final List<String> newOrderIds = new ArrayList<>();
    private final List<Message> executions = new ArrayList<>();
    private BigDecimal market;
    private Instant now = Instant.EPOCH;
    private int parts = 1;
    private long nextId;
    private volatile java.util.function.Consumer<String> said = line -> { };
    private volatile String[] login;
    private final java.util.concurrent.atomic.AtomicInteger refusedLogons = new java.util.concurrent.atomic.AtomicInteger();

    public FixBrokerStandIn(Path store, Set<String> symbols, BigDecimal market) throws ConfigError, IOException {
        this(store, symbols, market, freePort());
    }

    public FixBrokerStandIn(Path store, Set<String> symbols, BigDecimal market, int port) throws ConfigError {
        this.symbols = Set.copyOf(symbols);
        this.market = market;
        this.port = port;
        SessionSettings s = new SessionSettings();
        s.setString(session, "ConnectionType", "acceptor");
        s.setString(session, "SocketAcceptAddress", "127.0.0.1");
        s.setLong(session, "SocketAcceptPort", port);
        s.setString(session, "NonStopSession", "Y");
        s.setString(session, "FileStorePath", store.toString());
        s.setString(session, "FileStoreSync", "Y");
        s.setString(session, "UseDataDictionary", "Y");
        s.setString(session, "DataDictionary", "FIX44.xml");
        acceptor = new SocketAcceptor(this, new FileStoreFactory(s), s, new io.quiver.venue.fix.internal.MaskedLogFactory(new quickfix.SLF4JLogFactory(s)), new quickfix.fix44.MessageFactory());
        acceptor.start();
    }

    public static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** From now on a Logon must carry this Username (553) and Password (554), or it is refused. */
    public void requireLogin(String username, String password) {
        login = new String[] {username, password};
    }

    /** How many Logons were refused for their username or password. */
    public int refusedLogons() {
        return refusedLogons.get();
    }

    /** Tells {@code out} a line about each order received and each report sent. */
    public void tell(java.util.function.Consumer<String> out) {
        said = out;
    }

    /**
     * {@code bin/quiver-fix-broker [--port 9878] [--symbols SYN1,SYN2] [--price 100.00] [--step 0.01] [--store data/fix-broker]}:
     * a broker on 127.0.0.1 whose market moves by up to {@code step} a second (seeded), until the process is stopped.
     */
    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> o = new java.util.HashMap<>(java.util.Map.of("--port", "9878", "--symbols", "SYN1", "--price", "100.00",
                "--step", "0.01", "--store", "data/fix-broker"));
        for (int i = 0; i < args.length; i += 2) {
            if (!o.containsKey(args[i]) || i + 1 >= args.length) {
                System.err.println("usage: quiver-fix-broker [--port N] [--symbols A,B] [--price P] [--step S] [--store FOLDER]");
                System.exit(2);
            }
            o.put(args[i], args[i + 1]);
        }
        BigDecimal price = new BigDecimal(o.get("--price"));
        BigDecimal step = new BigDecimal(o.get("--step"));
        FixBrokerStandIn broker = new FixBrokerStandIn(Path.of(o.get("--store")), Set.of(o.get("--symbols").split(",")), price,
                Integer.parseInt(o.get("--port")));
        broker.tell(System.out::println);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        System.out.println("FIX 4.4 broker " + BROKER + " for " + CLIENT + " on 127.0.0.1:" + broker.port() + ", " + o.get("--symbols") + " at " + price);
        java.util.Random random = new java.util.Random(7);
        while (true) {
            Thread.sleep(1000);
            price = price.add(step.multiply(BigDecimal.valueOf(random.nextInt(3) - 1))).max(step);
            broker.marketAt(price, Instant.now());
        }
    }

    /** Each fill from now on comes in {@code n} reports (the last one takes what is left). */
    public synchronized void fillInParts(int n) {
        parts = n;
    }

    /** The market moves: market orders and limits it reaches fill at {@code price}. */
    public synchronized void marketAt(BigDecimal price, Instant time) {
        market = price;
        now = time;
        for (Held h : List.copyOf(byClOrdId.values())) {
            if (h.open && reaches(h)) {
                fill(h);
            }
        }
    }

    /** Drops the TCP connection without a logout, as a failing line would. */
    public void dropSession() throws IOException {
        Session s = Session.lookupSession(session);
        if (s != null) {
            s.disconnect("dropped by the test", false);
        }
    }

    /** Sends the last execution report again, as a resend would: the same ExecID. */
    public synchronized void repeatLastExecution() throws SessionNotFound {
        Message again = (Message) executions.get(executions.size() - 1).clone();
        Session.sendToTarget(again, session);
    }

    /** The ClOrdIDs of every NewOrderSingle received, in order, repeats included. */
    public synchronized List<String> newOrders() {
        return List.copyOf(newOrderIds);
    }

    public synchronized List<Held> held() {
        return List.copyOf(byClOrdId.values());
    }

    /** The next sequence number the broker expects from the client. */
    public int expectedFromClient() throws IOException {
        return Session.lookupSession(session).getStore().getNextTargetMsgSeqNum();
    }

    public boolean isLoggedOn() {
        Session s = Session.lookupSession(session);
        return s != null && s.isLoggedOn();
    }

    @Override
    public void close() {
        acceptor.stop(true);
    }

    private boolean reaches(Held h) {
        if (h.type == OrdType.MARKET) {
            return true;
        }
        return h.side == Side.BUY ? market.compareTo(h.limit) <= 0 : market.compareTo(h.limit) >= 0;
    }

    private void fill(Held h) {
        BigDecimal left = h.quantity.subtract(h.filled);
        BigDecimal part = parts <= 1 ? left : h.quantity.divide(BigDecimal.valueOf(parts), 0, java.math.RoundingMode.DOWN).max(BigDecimal.ONE).min(left);
        while (left.signum() > 0) {
            BigDecimal qty = part.min(left);
            h.filled = h.filled.add(qty);
            h.notional = h.notional.add(qty.multiply(market));
            left = left.subtract(qty);
            boolean done = left.signum() == 0;
            h.open = !done;
            Message er = report(h, ExecType.TRADE, done ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED);
            er.setDecimal(LastQty.FIELD, qty);
            er.setDecimal(LastPx.FIELD, market);
            said.accept("fill    " + h.clOrdId + " " + h.account + " " + (h.side == Side.BUY ? "BUY " : "SELL ") + qty.toPlainString() + " "
                    + h.symbol + " at " + market.toPlainString());
            send(er);
        }
    }

    private Message report(Held h, char execType, char status) {
        Message m = new quickfix.fix44.ExecutionReport();
        m.setString(OrderID.FIELD, h.orderId);
        m.setString(ExecID.FIELD, "x" + ++nextId);
        m.setChar(ExecType.FIELD, execType);
        m.setChar(OrdStatus.FIELD, status);
        m.setString(ClOrdID.FIELD, h.clOrdId);
        m.setString(Account.FIELD, h.account);
        m.setString(Symbol.FIELD, h.symbol);
        m.setChar(Side.FIELD, h.side);
        m.setDecimal(OrderQty.FIELD, h.quantity);
        if (h.limit != null) {
            m.setDecimal(Price.FIELD, h.limit);
        }
        m.setDecimal(LeavesQty.FIELD, h.open ? h.quantity.subtract(h.filled) : BigDecimal.ZERO);
        m.setDecimal(CumQty.FIELD, h.filled);
        m.setDecimal(AvgPx.FIELD, h.filled.signum() == 0 ? BigDecimal.ZERO : h.notional.divide(h.filled, 8, java.math.RoundingMode.HALF_EVEN));
        m.setUtcTimeStamp(TransactTime.FIELD, LocalDateTime.ofInstant(now, ZoneOffset.UTC), true);
        return m;
    }

    private void send(Message m) {
        if (m.getHeader().isSetField(MsgType.FIELD)) {
            try {
                if (m.getHeader().getString(MsgType.FIELD).equals(MsgType.EXECUTION_REPORT)) {
                    executions.add(m);
                }
            } catch (FieldNotFound e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            Session.sendToTarget(m, session); // while the client is away it is stored, and resent when asked
        } catch (SessionNotFound e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void fromApp(Message m, SessionID id) throws FieldNotFound {
        String type = m.getHeader().getString(MsgType.FIELD);
        switch (type) {
            case MsgType.ORDER_SINGLE -> newOrder(m);
            case MsgType.ORDER_CANCEL_REQUEST -> cancel(m);
            case MsgType.ORDER_CANCEL_REPLACE_REQUEST -> replace(m);
            case MsgType.ORDER_STATUS_REQUEST -> status(m);
            default -> { }
        }
    }

    private void newOrder(Message m) throws FieldNotFound {
        String clOrdId = m.getString(ClOrdID.FIELD);
        newOrderIds.add(clOrdId);
        said.accept("order   " + clOrdId + " " + m.toString().replace('\u0001', '|'));
        now = m.getUtcTimeStamp(TransactTime.FIELD).toInstant(ZoneOffset.UTC);
        Held h = new Held("o" + ++nextId, clOrdId, m.getString(Account.FIELD), m.getString(Symbol.FIELD), m.getChar(Side.FIELD),
                m.getChar(OrdType.FIELD), m.getDecimal(OrderQty.FIELD), m.isSetField(Price.FIELD) ? m.getDecimal(Price.FIELD) : null);
        if (byClOrdId.containsKey(clOrdId)) {
            h.open = false;
            Message r = report(h, ExecType.REJECTED, OrdStatus.REJECTED);
            r.setInt(OrdRejReason.FIELD, OrdRejReason.DUPLICATE_ORDER);
            r.setString(Text.FIELD, "duplicate ClOrdID " + clOrdId);
            send(r);
            return;
        }
        if (!symbols.contains(h.symbol)) {
            h.open = false;
            Message r = report(h, ExecType.REJECTED, OrdStatus.REJECTED);
            r.setInt(OrdRejReason.FIELD, OrdRejReason.UNKNOWN_SYMBOL);
            r.setString(Text.FIELD, "unknown symbol " + h.symbol);
            send(r);
            return;
        }
        byClOrdId.put(clOrdId, h);
        send(report(h, ExecType.NEW, OrdStatus.NEW));
        if (reaches(h)) {
            fill(h);
        }
    }

    private void cancel(Message m) throws FieldNotFound {
        Held h = byClOrdId.get(m.getString(OrigClOrdID.FIELD));
        if (h == null || !h.open) {
            refuse(m, CxlRejResponseTo.ORDER_CANCEL_REQUEST);
            return;
        }
        h.open = false;
        String orig = h.clOrdId;
        h.clOrdId = m.getString(ClOrdID.FIELD);
        Message r = report(h, ExecType.CANCELED, OrdStatus.CANCELED);
        r.setString(OrigClOrdID.FIELD, orig);
        send(r);
    }

    private void replace(Message m) throws FieldNotFound {
        Held h = byClOrdId.get(m.getString(OrigClOrdID.FIELD));
        if (h == null || !h.open) {
            refuse(m, CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST);
            return;
        }
        String orig = h.clOrdId;
        h.clOrdId = m.getString(ClOrdID.FIELD);
        byClOrdId.put(h.clOrdId, h);
        h.quantity = m.getDecimal(OrderQty.FIELD);
        if (m.isSetField(Price.FIELD)) {
            h.limit = m.getDecimal(Price.FIELD);
        }
        Message r = report(h, ExecType.REPLACED, h.filled.signum() == 0 ? OrdStatus.NEW : OrdStatus.PARTIALLY_FILLED);
        r.setString(OrigClOrdID.FIELD, orig);
        send(r);
        if (reaches(h)) {
            fill(h);
        }
    }

    /** An order's status, as FIX 4.4 gives it: an unknown order is reported rejected (OrdRejReason unknown order). */
    private void status(Message m) throws FieldNotFound {
        String clOrdId = m.getString(ClOrdID.FIELD);
        Held h = byClOrdId.get(clOrdId);
        Message r;
        if (h == null) {
            Held unknown = new Held("NONE", clOrdId, m.getString(Account.FIELD), m.getString(Symbol.FIELD), m.getChar(Side.FIELD), OrdType.MARKET,
                    BigDecimal.ZERO, null);
            unknown.open = false;
            r = report(unknown, ExecType.ORDER_STATUS, OrdStatus.REJECTED);
            r.setInt(OrdRejReason.FIELD, OrdRejReason.UNKNOWN_ORDER);
            r.setString(Text.FIELD, "unknown order " + clOrdId);
        } else {
            char status = !h.open && h.filled.compareTo(h.quantity) >= 0 ? OrdStatus.FILLED : !h.open ? OrdStatus.CANCELED
                    : h.filled.signum() > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW;
            r = report(h, ExecType.ORDER_STATUS, status);
        }
        send(r);
    }

    private void refuse(Message request, char responseTo) throws FieldNotFound {
        Message r = new quickfix.fix44.OrderCancelReject();
        r.setString(OrderID.FIELD, "NONE");
        r.setString(ClOrdID.FIELD, request.getString(ClOrdID.FIELD));
        r.setString(OrigClOrdID.FIELD, request.getString(OrigClOrdID.FIELD));
        r.setChar(OrdStatus.FIELD, OrdStatus.REJECTED);
        r.setChar(CxlRejResponseTo.FIELD, responseTo);
        r.setInt(CxlRejReason.FIELD, CxlRejReason.UNKNOWN_ORDER);
        r.setString(Text.FIELD, "no open order " + request.getString(OrigClOrdID.FIELD));
        send(r);
    }

    @Override
    public void onCreate(SessionID id) {
    }

    @Override
    public void onLogon(SessionID id) {
    }

    @Override
    public void onLogout(SessionID id) {
    }

    @Override
    public void toAdmin(Message m, SessionID id) {
    }

    @Override
    public void fromAdmin(Message m, SessionID id) throws FieldNotFound, quickfix.RejectLogon {
        String[] required = login;
        if (required != null && m.getHeader().getString(MsgType.FIELD).equals(MsgType.LOGON)) {
            boolean ok = m.isSetField(quickfix.field.Username.FIELD) && m.getString(quickfix.field.Username.FIELD).equals(required[0])
                    && m.isSetField(quickfix.field.Password.FIELD) && m.getString(quickfix.field.Password.FIELD).equals(required[1]);
            if (!ok) {
                refusedLogons.incrementAndGet();
                throw new quickfix.RejectLogon("unknown username or wrong password");
            }
        }
    }

    @Override
    public void toApp(Message m, SessionID id) {
    }
}
