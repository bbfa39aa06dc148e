package io.quiver.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deliberately simple order book written from the {@link OrderBook} javadoc alone: sorted maps of
 * lists, a list of stops sorted on demand, no pooling, no cleverness. The differential test holds the
 * fast book to it.
 */
final class NaiveOrderBook implements OrderBook {
    private static final class O {
        long id;
        long account;
        Side side;
        OrderKind kind;
        TimeInForce tif;
        boolean postOnly;
        long price;
        long stop;
        long remaining;
        long seq;
        boolean pendingStop;
    }

    private final BookRules rules;
    private final MatchingEvents events;
    private DepthListener depth;
    private long depthSequence;
    private final TreeMap<Long, List<O>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, List<O>> asks = new TreeMap<>();
    private final List<O> stops = new ArrayList<>();
    private final Map<Long, O> live = new HashMap<>();
    private long last;
    private long seq;
    private boolean traded;

    NaiveOrderBook(BookRules rules, MatchingEvents events) {
        this.rules = rules;
        this.events = events;
    }

    private TreeMap<Long, List<O>> own(Side s) {
        return s == Side.BUY ? bids : asks;
    }

    private TreeMap<Long, List<O>> opposite(Side s) {
        return s == Side.BUY ? asks : bids;
    }

    private boolean priceOk(long p) {
        return p > 0 && p % rules.tickSize() == 0;
    }

    private static boolean crosses(Side taker, long resting, long limit) {
        return taker == Side.BUY ? resting <= limit : resting >= limit;
    }

    /** Depth as "side price" -> {total, count}. */
    private Map<String, long[]> depthNow() {
        Map<String, long[]> m = new HashMap<>();
        for (Side side : Side.values()) {
            for (Map.Entry<Long, List<O>> e : own(side).entrySet()) {
                m.put(side + " " + e.getKey(), new long[] {e.getValue().stream().mapToLong(o -> o.remaining).sum(), e.getValue().size()});
            }
        }
        return m;
    }

    /** Runs a command and sends the levels it changed, found by comparing the depth before and after. */
    private void command(Runnable r) {
        Map<String, long[]> before = depth == null ? null : depthNow();
        r.run();
        if (depth == null) {
            return;
        }
        Map<String, long[]> after = depthNow();
        java.util.Set<String> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> changed = new ArrayList<>();
        for (String k : keys) {
            long[] a = before.getOrDefault(k, new long[2]);
            long[] b = after.getOrDefault(k, new long[2]);
            if (a[0] != b[0] || a[1] != b[1]) {
                changed.add(k);
            }
        }
        changed.sort(Comparator.comparing((String k) -> k.startsWith("SELL")).thenComparingLong(k -> {
            long p = Long.parseLong(k.substring(k.indexOf(' ') + 1));
            return k.startsWith("BUY") ? -p : p;
        }));
        for (String k : changed) {
            long[] b = after.getOrDefault(k, new long[2]);
            depth.levelChanged(++depthSequence, Side.valueOf(k.substring(0, k.indexOf(' '))), Long.parseLong(k.substring(k.indexOf(' ') + 1)),
                    b[0], (int) b[1]);
        }
    }

    @Override
    public void depthListener(DepthListener listener) {
        depth = listener;
    }

    @Override
    public long depthSequence() {
        return depthSequence;
    }

    @Override
    public void place(long id, long account, Side side, OrderKind kind, TimeInForce tif, boolean postOnly, long price, long stopPrice,
            long size) {
        command(() -> doPlace(id, account, side, kind, tif, postOnly, price, stopPrice, size));
    }

    @Override
    public void cancel(long id) {
        command(() -> doCancel(id));
    }

    @Override
    public void amendPrice(long id, long newPrice) {
        command(() -> doAmendPrice(id, newPrice));
    }

    @Override
    public void amendSize(long id, long newSize) {
        command(() -> doAmendSize(id, newSize));
    }

    @Override
    public void expireDay() {
        command(this::doExpireDay);
    }

    private void doPlace(long id, long account, Side side, OrderKind kind, TimeInForce tif, boolean postOnly, long price, long stopPrice,
            long size) {
        boolean limitPriced = kind == OrderKind.LIMIT || kind == OrderKind.STOP_LIMIT;
        boolean stopPriced = kind == OrderKind.STOP || kind == OrderKind.STOP_LIMIT;
        RejectReason r = null;
        if (live.containsKey(id)) {
            r = RejectReason.DUPLICATE_ORDER_ID;
        } else if (size <= 0 || size % rules.lotSize() != 0) {
            r = RejectReason.INVALID_SIZE;
        } else if (limitPriced && !priceOk(price) || stopPriced && !priceOk(stopPrice)) {
            r = RejectReason.INVALID_PRICE;
        } else if (postOnly && kind != OrderKind.LIMIT) {
            r = RejectReason.NOT_SUPPORTED;
        } else if (kind == OrderKind.MARKET && opposite(side).isEmpty()) {
            r = RejectReason.NO_LIQUIDITY;
        } else if (postOnly && !opposite(side).isEmpty() && crosses(side, opposite(side).firstKey(), price)) {
            r = RejectReason.POST_ONLY_WOULD_TAKE;
        }
        if (r != null) {
            events.rejected(id, r);
            return;
        }
        events.accepted(id);
        O o = new O();
        o.id = id;
        o.account = account;
        o.side = side;
        o.kind = kind;
        o.tif = tif;
        o.postOnly = postOnly;
        o.price = limitPriced ? price : 0;
        o.stop = stopPriced ? stopPrice : 0;
        o.remaining = size;
        o.seq = seq++;
        live.put(id, o);
        traded = false;
        if (stopPriced) {
            if (last != 0 && (side == Side.BUY ? last >= o.stop : last <= o.stop)) {
                events.triggered(id);
                activate(o);
            } else {
                o.pendingStop = true;
                stops.add(o);
            }
        } else if (kind == OrderKind.MARKET) {
            run(o, bandLimit(side));
        } else {
            run(o, price);
        }
        if (traded) {
            triggerStops();
        }
    }

    private long bandLimit(Side side) {
        long best = opposite(side).firstKey();
        long band = rules.marketBandTicks() * rules.tickSize();
        return side == Side.BUY ? best + band : best - band;
    }

    private void activate(O o) {
        o.pendingStop = false;
        if (o.kind == OrderKind.STOP) {
            o.kind = OrderKind.MARKET;
            if (opposite(o.side).isEmpty()) {
                live.remove(o.id);
                events.cancelled(o.id, o.remaining, CancelReason.UNFILLED_REMAINDER);
                return;
            }
            run(o, bandLimit(o.side));
        } else {
            o.kind = OrderKind.LIMIT;
            run(o, o.price);
        }
    }

    private void run(O o, long limit) {
        if (o.tif == TimeInForce.FOK && !canFill(o, limit)) {
            live.remove(o.id);
            events.cancelled(o.id, o.remaining, CancelReason.FILL_OR_KILL);
            return;
        }
        boolean closed = false;
        SelfTradePrevention stp = rules.accounts().selfTradePrevention(o.account);
        while (o.remaining > 0 && !opposite(o.side).isEmpty()) {
            Map.Entry<Long, List<O>> best = opposite(o.side).firstEntry();
            if (!crosses(o.side, best.getKey(), limit)) {
                break;
            }
            O m = best.getValue().get(0);
            if (m.account == o.account && stp != SelfTradePrevention.NONE) {
                if (stp == SelfTradePrevention.CANCEL_NEWEST) {
                    events.cancelled(o.id, o.remaining, CancelReason.SELF_TRADE);
                    closed = true;
                    break;
                }
                takeOut(m);
                events.cancelled(m.id, m.remaining, CancelReason.SELF_TRADE);
                if (stp == SelfTradePrevention.CANCEL_BOTH) {
                    events.cancelled(o.id, o.remaining, CancelReason.SELF_TRADE);
                    closed = true;
                    break;
                }
                continue;
            }
            long q = Math.min(o.remaining, m.remaining);
            long p = best.getKey();
            o.remaining -= q;
            m.remaining -= q;
            last = p;
            traded = true;
            events.trade(o.id, o.account, m.id, m.account, o.side, p, q, p * q * rules.accounts().takerFeeRate(o.account),
                    p * q * rules.accounts().makerFeeRate(m.account), o.remaining, m.remaining);
            if (m.remaining == 0) {
                takeOut(m);
            }
        }
        if (closed || o.remaining == 0) {
            live.remove(o.id);
        } else if (o.kind == OrderKind.LIMIT && (o.tif == TimeInForce.GTC || o.tif == TimeInForce.DAY)) {
            own(o.side).computeIfAbsent(o.price, k -> new ArrayList<>()).add(o);
        } else {
            live.remove(o.id);
            events.cancelled(o.id, o.remaining, CancelReason.UNFILLED_REMAINDER);
        }
    }

    private boolean canFill(O o, long limit) {
        SelfTradePrevention stp = rules.accounts().selfTradePrevention(o.account);
        long sum = 0;
        for (Map.Entry<Long, List<O>> level : opposite(o.side).entrySet()) {
            if (!crosses(o.side, level.getKey(), limit)) {
                break;
            }
            for (O m : level.getValue()) {
                if (m.account == o.account && stp != SelfTradePrevention.NONE) {
                    if (stp == SelfTradePrevention.CANCEL_OLDEST) {
                        continue;
                    }
                    return sum >= o.remaining;
                }
                sum += m.remaining;
            }
        }
        return sum >= o.remaining;
    }

    /** Removes a resting order from its level and from the live set. */
    private void takeOut(O m) {
        List<O> level = own(m.side).get(m.price);
        level.remove(m);
        if (level.isEmpty()) {
            own(m.side).remove(m.price);
        }
        live.remove(m.id);
    }

    private void triggerStops() {
        while (true) {
            O next = null;
            for (O s : stops) {
                if (s.side == Side.BUY && last >= s.stop
                        && (next == null || s.stop < next.stop || s.stop == next.stop && s.seq < next.seq)) {
                    next = s;
                }
            }
            if (next == null) {
                for (O s : stops) {
                    if (s.side == Side.SELL && last <= s.stop
                            && (next == null || s.stop > next.stop || s.stop == next.stop && s.seq < next.seq)) {
                        next = s;
                    }
                }
            }
            if (next == null) {
                return;
            }
            stops.remove(next);
            events.triggered(next.id);
            activate(next);
        }
    }

    private void doCancel(long id) {
        O o = live.get(id);
        if (o == null) {
            events.rejected(id, RejectReason.UNKNOWN_ORDER);
            return;
        }
        if (o.pendingStop) {
            stops.remove(o);
            live.remove(id);
        } else {
            takeOut(o);
        }
        events.cancelled(id, o.remaining, CancelReason.REQUESTED);
    }

    private void doAmendPrice(long id, long newPrice) {
        O o = live.get(id);
        RejectReason r = null;
        if (o == null) {
            r = RejectReason.UNKNOWN_ORDER;
        } else if (o.pendingStop) {
            r = RejectReason.NOT_SUPPORTED;
        } else if (!priceOk(newPrice)) {
            r = RejectReason.INVALID_PRICE;
        } else if (o.postOnly && newPrice != o.price && !opposite(o.side).isEmpty()
                && crosses(o.side, opposite(o.side).firstKey(), newPrice)) {
            r = RejectReason.POST_ONLY_WOULD_TAKE;
        }
        if (r != null) {
            events.rejected(id, r);
            return;
        }
        if (newPrice == o.price) {
            events.amended(id, o.price, o.remaining);
            return;
        }
        List<O> level = own(o.side).get(o.price);
        level.remove(o);
        if (level.isEmpty()) {
            own(o.side).remove(o.price);
        }
        o.price = newPrice;
        events.amended(id, newPrice, o.remaining);
        traded = false;
        run(o, newPrice);
        if (traded) {
            triggerStops();
        }
    }

    private void doAmendSize(long id, long newSize) {
        O o = live.get(id);
        RejectReason r = null;
        if (o == null) {
            r = RejectReason.UNKNOWN_ORDER;
        } else if (o.pendingStop) {
            r = RejectReason.NOT_SUPPORTED;
        } else if (newSize <= 0 || newSize % rules.lotSize() != 0) {
            r = RejectReason.INVALID_SIZE;
        }
        if (r != null) {
            events.rejected(id, r);
            return;
        }
        if (newSize > o.remaining) {
            List<O> level = own(o.side).get(o.price);
            level.remove(o);
            level.add(o);
        }
        o.remaining = newSize;
        events.amended(id, o.price, o.remaining);
    }

    private void doExpireDay() {
        for (TreeMap<Long, List<O>> side : List.of(bids, asks)) {
            for (Long price : new ArrayList<>(side.keySet())) {
                for (O o : new ArrayList<>(side.get(price))) {
                    if (o.tif == TimeInForce.DAY) {
                        takeOut(o);
                        events.cancelled(o.id, o.remaining, CancelReason.EXPIRED);
                    }
                }
            }
        }
        List<O> byTrigger = new ArrayList<>(stops);
        byTrigger.sort(Comparator.comparing((O s) -> s.side)
                .thenComparingLong(s -> s.side == Side.BUY ? s.stop : -s.stop).thenComparingLong(s -> s.seq));
        for (O s : byTrigger) {
            if (s.tif == TimeInForce.DAY) {
                stops.remove(s);
                live.remove(s.id);
                events.cancelled(s.id, s.remaining, CancelReason.EXPIRED);
            }
        }
    }

    @Override
    public long bestBid() {
        return bids.isEmpty() ? 0 : bids.firstKey();
    }

    @Override
    public long bestAsk() {
        return asks.isEmpty() ? 0 : asks.firstKey();
    }

    @Override
    public long lastTradePrice() {
        return last;
    }

    @Override
    public int orderCount() {
        return live.size();
    }

    @Override
    public long remaining(long orderId) {
        O o = live.get(orderId);
        return o == null ? 0 : o.remaining;
    }

    @Override
    public void levels(Side side, int maxLevels, LevelVisitor visitor) {
        int n = 0;
        for (Map.Entry<Long, List<O>> e : own(side).entrySet()) {
            if (n++ == maxLevels) {
                return;
            }
            visitor.level(side, e.getKey(), e.getValue().stream().mapToLong(o -> o.remaining).sum(), e.getValue().size());
        }
    }

    @Override
    public void orders(OrderVisitor visitor) {
        for (TreeMap<Long, List<O>> side : List.of(bids, asks)) {
            side.values().forEach(level -> level.forEach(o -> visit(o, visitor)));
        }
        List<O> byTrigger = new ArrayList<>(stops);
        byTrigger.sort(Comparator.comparing((O s) -> s.side)
                .thenComparingLong(s -> s.side == Side.BUY ? s.stop : -s.stop).thenComparingLong(s -> s.seq));
        byTrigger.forEach(o -> visit(o, visitor));
    }

    private static void visit(O o, OrderVisitor visitor) {
        // A triggered stop-limit keeps its old stop price, which means nothing once it is a limit.
        visitor.order(o.id, o.account, o.side, o.kind, o.tif, o.postOnly, o.price, o.kind == OrderKind.STOP || o.kind == OrderKind.STOP_LIMIT ? o.stop : 0,
                o.remaining);
    }

    @Override
    public void restoreMarket(long lastTradePrice, long depthSequence) {
        this.last = lastTradePrice;
        this.depthSequence = depthSequence;
    }
}
