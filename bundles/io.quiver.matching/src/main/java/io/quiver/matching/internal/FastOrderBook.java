package io.quiver.matching.internal;

import io.quiver.matching.BookRules;
import io.quiver.matching.CancelReason;
import io.quiver.matching.DepthListener;
import io.quiver.matching.LevelVisitor;
import io.quiver.matching.MatchingEvents;
import io.quiver.matching.OrderBook;
import io.quiver.matching.OrderKind;
import io.quiver.matching.OrderVisitor;
import io.quiver.matching.RejectReason;
import io.quiver.matching.SelfTradePrevention;
import io.quiver.matching.Side;
import io.quiver.matching.TimeInForce;
import java.util.Arrays;

/**
 * The order book for the hot path, in the exchange-core manner: long prices and sizes, pooled order
 * and level objects, price levels in sorted arrays with the best level at the end (so changes at the
 * top of the book cost O(1)), an open-addressing id map. Semantics are those of {@link OrderBook}.
 */
public final class FastOrderBook implements OrderBook {

    /** An order, resting in a level or pending as a stop. */
    static final class Order {
        long id;
        long account;
        Side side;
        OrderKind kind;
        TimeInForce tif;
        boolean postOnly;
        long price;
        long stop;
        long remaining;
        Level level;
        Order prev;
        Order next;
    }

    /** One price level: its orders oldest first. */
    static final class Level {
        long price;
        long total;
        int count;
        Order head;
        Order tail;
    }

    /**
     * One side's levels, sorted by key (price for bids, -price for asks) with the best at the end, and
     * found by price through a hash: the sorted array is only searched when a level appears or goes.
     */
    private static final class SideBook {
        final boolean bids;
        final LongObjectMap<Level> byPrice = new LongObjectMap<>(256);
        Level[] levels = new Level[64];
        long[] keys = new long[64];
        int n;

        SideBook(boolean bids) {
            this.bids = bids;
        }

        long key(long price) {
            return bids ? price : -price;
        }

        Level best() {
            return n == 0 ? null : levels[n - 1];
        }

        int search(long key) {
            return Arrays.binarySearch(keys, 0, n, key);
        }

        void insert(int at, Level level) {
            if (n == levels.length) {
                levels = Arrays.copyOf(levels, n * 2);
                keys = Arrays.copyOf(keys, n * 2);
            }
            System.arraycopy(levels, at, levels, at + 1, n - at);
            System.arraycopy(keys, at, keys, at + 1, n - at);
            levels[at] = level;
            keys[at] = key(level.price);
            n++;
            byPrice.put(level.price, level);
        }

        void remove(Level level) {
            int at = level == levels[n - 1] ? n - 1 : search(key(level.price));
            System.arraycopy(levels, at + 1, levels, at, n - at - 1);
            System.arraycopy(keys, at + 1, keys, at, n - at - 1);
            levels[--n] = null;
            byPrice.remove(level.price);
        }
    }

    /** Pending stops sorted so that the next to trigger is at the end; older before newer among equals. */
    private static final class StopBook {
        final boolean buys;
        Order[] orders = new Order[16];
        int n;

        StopBook(boolean buys) {
            this.buys = buys;
        }

        long key(long stop) {
            return buys ? -stop : stop;
        }

        /** First index whose key is not below {@code key}. */
        int lowerBound(long key) {
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (key(orders[mid].stop) < key) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        void add(Order o) {
            if (n == orders.length) {
                orders = Arrays.copyOf(orders, n * 2);
            }
            int at = lowerBound(key(o.stop));
            System.arraycopy(orders, at, orders, at + 1, n - at);
            orders[at] = o;
            n++;
        }

        Order next() {
            return n == 0 ? null : orders[n - 1];
        }

        void remove(Order o) {
            int at = lowerBound(key(o.stop));
            while (orders[at] != o) {
                at++;
            }
            System.arraycopy(orders, at + 1, orders, at, n - at - 1);
            orders[--n] = null;
        }
    }

    private final long tick;
    private final long lot;
    private final long band;
    private final BookRules.Accounts accounts;
    private final MatchingEvents events;
    private final SideBook bids = new SideBook(true);
    private final SideBook asks = new SideBook(false);
    private final StopBook buyStops = new StopBook(true);
    private final StopBook sellStops = new StopBook(false);
    private final OrderTable orders = new OrderTable(1024);
    private Order[] orderPool = new Order[1024];
    private int freeOrders;
    private Level[] levelPool = new Level[256];
    private int freeLevels;
    private long lastPrice;
    private boolean traded;
    private DepthListener depth;
    private long depthSequence;
    /** Levels touched by the current command: prices with the side in the sign (bids positive, asks negative). */
    private long[] touched = new long[16];
    /** Each touched level's total and order count before the command, to publish only real changes. */
    private long[] touchedTotalBefore = new long[16];
    private int[] touchedOrdersBefore = new int[16];
    private int touchedCount;

    public FastOrderBook(BookRules rules, MatchingEvents events) {
        this.tick = rules.tickSize();
        this.lot = rules.lotSize();
        this.band = Math.multiplyExact(rules.marketBandTicks(), rules.tickSize());
        this.accounts = rules.accounts();
        this.events = events;
    }

    // ---- commands -------------------------------------------------------------------------

    @Override
    public void place(long id, long account, Side side, OrderKind kind, TimeInForce tif, boolean postOnly, long price, long stopPrice,
            long size) {
        doPlace(id, account, side, kind, tif, postOnly, price, stopPrice, size);
        publishDepth();
    }

    @Override
    public void cancel(long id) {
        doCancel(id);
        publishDepth();
    }

    @Override
    public void amendPrice(long id, long newPrice) {
        doAmendPrice(id, newPrice);
        publishDepth();
    }

    @Override
    public void amendSize(long id, long newSize) {
        doAmendSize(id, newSize);
        publishDepth();
    }

    @Override
    public void expireDay() {
        expireDay(bids);
        expireDay(asks);
        expireDay(buyStops);
        expireDay(sellStops);
        publishDepth();
    }

    private void doPlace(long id, long account, Side side, OrderKind kind, TimeInForce tif, boolean postOnly, long price, long stopPrice,
            long size) {
        SideBook opposite = side == Side.BUY ? asks : bids;
        RejectReason reason = null;
        if (orders.get(id) != null) {
            reason = RejectReason.DUPLICATE_ORDER_ID;
        } else if (size <= 0 || size % lot != 0) {
            reason = RejectReason.INVALID_SIZE;
        } else if ((kind == OrderKind.LIMIT || kind == OrderKind.STOP_LIMIT) && !validPrice(price)
                || (kind == OrderKind.STOP || kind == OrderKind.STOP_LIMIT) && !validPrice(stopPrice)) {
            reason = RejectReason.INVALID_PRICE;
        } else if (postOnly && kind != OrderKind.LIMIT) {
            reason = RejectReason.NOT_SUPPORTED;
        } else if (kind == OrderKind.MARKET && opposite.n == 0) {
            reason = RejectReason.NO_LIQUIDITY;
        } else if (postOnly && crossesBest(side, price)) {
            reason = RejectReason.POST_ONLY_WOULD_TAKE;
        }
        if (reason != null) {
            events.rejected(id, reason);
            return;
        }
        events.accepted(id);
        Order o = newOrder(id, account, side, kind, tif, postOnly, price, stopPrice, size);
        orders.add(o);
        traded = false;
        if (kind == OrderKind.STOP || kind == OrderKind.STOP_LIMIT) {
            if (lastPrice != 0 && reached(o)) {
                events.triggered(id);
                activate(o);
            } else {
                (side == Side.BUY ? buyStops : sellStops).add(o);
            }
        } else {
            execute(o, kind == OrderKind.MARKET ? bandLimit(side, opposite) : price);
        }
        if (traded) {
            triggerStops();
        }
    }

    private void doCancel(long id) {
        Order o = orders.get(id);
        if (o == null) {
            events.rejected(id, RejectReason.UNKNOWN_ORDER);
            return;
        }
        long size = o.remaining;
        if (isPendingStop(o)) {
            (o.side == Side.BUY ? buyStops : sellStops).remove(o);
            discard(o);
        } else {
            removeResting(o);
        }
        events.cancelled(id, size, CancelReason.REQUESTED);
    }

    /** Why an amend of this order is refused before its new value is looked at, or null: it must be a resting order. */
    private static RejectReason notAmendable(Order o) {
        return o == null ? RejectReason.UNKNOWN_ORDER : isPendingStop(o) ? RejectReason.NOT_SUPPORTED : null;
    }

    private void doAmendPrice(long id, long newPrice) {
        Order o = orders.get(id);
        RejectReason reason = notAmendable(o);
        if (reason == null && !validPrice(newPrice)) {
            reason = RejectReason.INVALID_PRICE;
        }
        if (reason == null && o.postOnly && newPrice != o.price && crossesBest(o.side, newPrice)) {
            reason = RejectReason.POST_ONLY_WOULD_TAKE;
        }
        if (reason != null) {
            events.rejected(id, reason);
            return;
        }
        if (newPrice == o.price) {
            events.amended(id, o.price, o.remaining);
            return;
        }
        unlink(o);
        o.price = newPrice;
        events.amended(id, newPrice, o.remaining);
        traded = false;
        execute(o, newPrice);
        if (traded) {
            triggerStops();
        }
    }

    private void doAmendSize(long id, long newSize) {
        Order o = orders.get(id);
        RejectReason reason = notAmendable(o);
        if (reason == null && (newSize <= 0 || newSize % lot != 0)) {
            reason = RejectReason.INVALID_SIZE;
        }
        if (reason != null) {
            events.rejected(id, reason);
            return;
        }
        if (newSize < o.remaining) {
            touch(o.side, o.price);
            o.level.total -= o.remaining - newSize;
            o.remaining = newSize;
        } else if (newSize > o.remaining) {
            unlink(o);
            o.remaining = newSize;
            rest(o);
        }
        events.amended(id, o.price, o.remaining);
    }

    private void expireDay(SideBook book) {
        for (int i = book.n - 1; i >= 0; i--) {
            Level level = book.levels[i];
            for (Order o = level.head; o != null;) {
                Order next = o.next;
                if (o.tif == TimeInForce.DAY) {
                    long size = o.remaining;
                    long id = o.id;
                    removeResting(o);
                    events.cancelled(id, size, CancelReason.EXPIRED);
                }
                o = next;
            }
        }
    }

    private void expireDay(StopBook book) {
        for (int i = book.n - 1; i >= 0; i--) {
            Order o = book.orders[i];
            if (o.tif == TimeInForce.DAY) {
                System.arraycopy(book.orders, i + 1, book.orders, i, book.n - i - 1);
                book.orders[--book.n] = null;
                long size = o.remaining;
                long id = o.id;
                discard(o);
                events.cancelled(id, size, CancelReason.EXPIRED);
            }
        }
    }

    // ---- depth ----------------------------------------------------------------------------

    private void touch(Side side, long price) {
        if (depth == null) {
            return;
        }
        long mark = side == Side.BUY ? price : -price;
        for (int i = 0; i < touchedCount; i++) {
            if (touched[i] == mark) {
                return;
            }
        }
        if (touchedCount == touched.length) {
            touched = Arrays.copyOf(touched, touchedCount * 2);
            touchedTotalBefore = Arrays.copyOf(touchedTotalBefore, touchedCount * 2);
            touchedOrdersBefore = Arrays.copyOf(touchedOrdersBefore, touchedCount * 2);
        }
        Level level = (side == Side.BUY ? bids : asks).byPrice.get(price);
        touchedTotalBefore[touchedCount] = level == null ? 0 : level.total;
        touchedOrdersBefore[touchedCount] = level == null ? 0 : level.count;
        touched[touchedCount++] = mark;
    }

    /** Sends the command's level changes: bids best (highest) first, then asks best (lowest) first. */
    private void publishDepth() {
        if (depth == null || touchedCount == 0) {
            return;
        }
        // Bids are positive and asks negative: descending order puts bids high-to-low, then asks low-to-high.
        sortTouchedDescending();
        for (int i = 0; i < touchedCount; i++) {
            long mark = touched[i];
            Level level = (mark > 0 ? bids : asks).byPrice.get(Math.abs(mark));
            long total = level == null ? 0 : level.total;
            int count = level == null ? 0 : level.count;
            if (total != touchedTotalBefore[i] || count != touchedOrdersBefore[i]) {
                depth.levelChanged(++depthSequence, mark > 0 ? Side.BUY : Side.SELL, Math.abs(mark), total, count);
            }
        }
        touchedCount = 0;
    }

    /** Insertion sort of the (few) touched levels with their before-states, largest mark first. */
    private void sortTouchedDescending() {
        for (int i = 1; i < touchedCount; i++) {
            long mark = touched[i];
            long total = touchedTotalBefore[i];
            int count = touchedOrdersBefore[i];
            int j = i - 1;
            while (j >= 0 && touched[j] < mark) {
                touched[j + 1] = touched[j];
                touchedTotalBefore[j + 1] = touchedTotalBefore[j];
                touchedOrdersBefore[j + 1] = touchedOrdersBefore[j];
                j--;
            }
            touched[j + 1] = mark;
            touchedTotalBefore[j + 1] = total;
            touchedOrdersBefore[j + 1] = count;
        }
    }

    @Override
    public void depthListener(DepthListener listener) {
        this.depth = listener;
        touchedCount = 0;
    }

    @Override
    public long depthSequence() {
        return depthSequence;
    }

    // ---- matching --------------------------------------------------------------------------

    private boolean validPrice(long p) {
        return p > 0 && p % tick == 0;
    }

    /** Whether an order of {@code side} at {@code price} would trade with the best opposite level now. */
    private boolean crossesBest(Side side, long price) {
        SideBook opposite = side == Side.BUY ? asks : bids;
        return opposite.n > 0 && crosses(side, opposite.best().price, price);
    }

    private static boolean crosses(Side taker, long restingPrice, long limit) {
        return taker == Side.BUY ? restingPrice <= limit : restingPrice >= limit;
    }

    private long bandLimit(Side side, SideBook opposite) {
        long best = opposite.best().price;
        return side == Side.BUY ? best + band : best - band;
    }

    private static boolean isPendingStop(Order o) {
        return o.kind == OrderKind.STOP || o.kind == OrderKind.STOP_LIMIT;
    }

    private boolean reached(Order o) {
        return o.side == Side.BUY ? lastPrice >= o.stop : lastPrice <= o.stop;
    }

    /** Runs an incoming (or re-entering) order against the book; it rests, or leaves with an event. */
    private void execute(Order o, long limit) {
        if (o.tif == TimeInForce.FOK && !fillable(o, limit)) {
            long size = o.remaining;
            long id = o.id;
            discard(o);
            events.cancelled(id, size, CancelReason.FILL_OR_KILL);
            return;
        }
        if (match(o, limit)) {
            discard(o);
        } else if (o.remaining == 0) {
            discard(o);
        } else if (o.kind == OrderKind.LIMIT && (o.tif == TimeInForce.GTC || o.tif == TimeInForce.DAY)) {
            rest(o);
        } else {
            long size = o.remaining;
            long id = o.id;
            discard(o);
            events.cancelled(id, size, CancelReason.UNFILLED_REMAINDER);
        }
    }

    /** Matches the taker; returns true if self-trade prevention closed it. */
    private boolean match(Order taker, long limit) {
        SideBook opposite = taker.side == Side.BUY ? asks : bids;
        SelfTradePrevention stp = accounts.selfTradePrevention(taker.account);
        long takerRate = accounts.takerFeeRate(taker.account);
        while (taker.remaining > 0 && opposite.n > 0) {
            Level level = opposite.levels[opposite.n - 1];
            if (!crosses(taker.side, level.price, limit)) {
                return false;
            }
            Order maker = level.head;
            if (maker.account == taker.account && stp != SelfTradePrevention.NONE) {
                if (stp == SelfTradePrevention.CANCEL_NEWEST) {
                    events.cancelled(taker.id, taker.remaining, CancelReason.SELF_TRADE);
                    return true;
                }
                long makerId = maker.id;
                long makerSize = maker.remaining;
                removeResting(maker);
                events.cancelled(makerId, makerSize, CancelReason.SELF_TRADE);
                if (stp == SelfTradePrevention.CANCEL_BOTH) {
                    events.cancelled(taker.id, taker.remaining, CancelReason.SELF_TRADE);
                    return true;
                }
                continue;
            }
            long size = Math.min(taker.remaining, maker.remaining);
            long price = level.price;
            long notional = Math.multiplyExact(price, size);
            touch(maker.side, price);
            taker.remaining -= size;
            maker.remaining -= size;
            level.total -= size;
            lastPrice = price;
            traded = true;
            events.trade(taker.id, taker.account, maker.id, maker.account, taker.side, price, size,
                    Math.multiplyExact(notional, takerRate), Math.multiplyExact(notional, accounts.makerFeeRate(maker.account)),
                    taker.remaining, maker.remaining);
            if (maker.remaining == 0) {
                removeResting(maker);
            }
        }
        return false;
    }

    /** Whether a FOK order can fill its whole size now, walking the book as matching would. */
    private boolean fillable(Order taker, long limit) {
        SideBook opposite = taker.side == Side.BUY ? asks : bids;
        SelfTradePrevention stp = accounts.selfTradePrevention(taker.account);
        long available = 0;
        for (int i = opposite.n - 1; i >= 0; i--) {
            Level level = opposite.levels[i];
            if (!crosses(taker.side, level.price, limit)) {
                return false;
            }
            for (Order o = level.head; o != null; o = o.next) {
                if (o.account == taker.account && stp != SelfTradePrevention.NONE) {
                    if (stp == SelfTradePrevention.CANCEL_OLDEST) {
                        continue;
                    }
                    return false;
                }
                available += o.remaining;
                if (available >= taker.remaining) {
                    return true;
                }
            }
        }
        return false;
    }

    private void triggerStops() {
        while (true) {
            Order s = buyStops.next();
            if (s != null && lastPrice >= s.stop) {
                buyStops.remove(s);
            } else {
                s = sellStops.next();
                if (s != null && lastPrice <= s.stop) {
                    sellStops.remove(s);
                } else {
                    return;
                }
            }
            events.triggered(s.id);
            activate(s);
        }
    }

    private void activate(Order s) {
        if (s.kind == OrderKind.STOP) {
            s.kind = OrderKind.MARKET;
            SideBook opposite = s.side == Side.BUY ? asks : bids;
            if (opposite.n == 0) {
                long size = s.remaining;
                long id = s.id;
                discard(s);
                events.cancelled(id, size, CancelReason.UNFILLED_REMAINDER);
                return;
            }
            execute(s, bandLimit(s.side, opposite));
        } else {
            s.kind = OrderKind.LIMIT;
            execute(s, s.price);
        }
    }

    // ---- book structure --------------------------------------------------------------------

    private void rest(Order o) {
        SideBook book = o.side == Side.BUY ? bids : asks;
        Level level = book.byPrice.get(o.price);
        if (level == null) {
            level = newLevel(o.price);
            book.insert(-book.search(book.key(o.price)) - 1, level);
        }
        touch(o.side, o.price);
        o.level = level;
        o.prev = level.tail;
        o.next = null;
        if (level.tail == null) {
            level.head = o;
        } else {
            level.tail.next = o;
        }
        level.tail = o;
        level.total += o.remaining;
        level.count++;
    }

    /** Takes an order out of its level (dropping the level if it empties); the order stays in the id map. */
    private void unlink(Order o) {
        Level level = o.level;
        touch(o.side, level.price);
        if (o.prev == null) {
            level.head = o.next;
        } else {
            o.prev.next = o.next;
        }
        if (o.next == null) {
            level.tail = o.prev;
        } else {
            o.next.prev = o.prev;
        }
        level.total -= o.remaining;
        level.count--;
        o.level = null;
        o.prev = null;
        o.next = null;
        if (level.count == 0) {
            (o.side == Side.BUY ? bids : asks).remove(level);
            freeLevel(level);
        }
    }

    private void removeResting(Order o) {
        unlink(o);
        discard(o);
    }

    /** Forgets an order that is in no level and no stop book. */
    private void discard(Order o) {
        orders.remove(o.id);
        o.level = null;
        o.prev = null;
        o.next = null;
        if (freeOrders == orderPool.length) {
            orderPool = Arrays.copyOf(orderPool, freeOrders * 2);
        }
        orderPool[freeOrders++] = o;
    }

    private Order newOrder(long id, long account, Side side, OrderKind kind, TimeInForce tif, boolean postOnly, long price, long stop,
            long size) {
        Order o;
        if (freeOrders == 0) {
            o = new Order();
        } else {
            o = orderPool[--freeOrders];
            orderPool[freeOrders] = null;
        }
        o.id = id;
        o.account = account;
        o.side = side;
        o.kind = kind;
        o.tif = tif;
        o.postOnly = postOnly;
        o.price = kind == OrderKind.MARKET || kind == OrderKind.STOP ? 0 : price;
        o.stop = kind == OrderKind.STOP || kind == OrderKind.STOP_LIMIT ? stop : 0;
        o.remaining = size;
        return o;
    }

    private Level newLevel(long price) {
        Level level = freeLevels == 0 ? new Level() : levelPool[--freeLevels];
        level.price = price;
        level.total = 0;
        level.count = 0;
        level.head = null;
        level.tail = null;
        return level;
    }

    private void freeLevel(Level level) {
        level.head = null;
        level.tail = null;
        if (freeLevels == levelPool.length) {
            levelPool = Arrays.copyOf(levelPool, freeLevels * 2);
        }
        levelPool[freeLevels++] = level;
    }

    // ---- queries ---------------------------------------------------------------------------

    @Override
    public long bestBid() {
        return bids.n == 0 ? 0 : bids.best().price;
    }

    @Override
    public long bestAsk() {
        return asks.n == 0 ? 0 : asks.best().price;
    }

    @Override
    public long lastTradePrice() {
        return lastPrice;
    }

    @Override
    public int orderCount() {
        return orders.size();
    }

    @Override
    public long remaining(long orderId) {
        Order o = orders.get(orderId);
        return o == null ? 0 : o.remaining;
    }

    @Override
    public void levels(Side side, int maxLevels, LevelVisitor visitor) {
        SideBook book = side == Side.BUY ? bids : asks;
        for (int i = book.n - 1, seen = 0; i >= 0 && seen < maxLevels; i--, seen++) {
            Level l = book.levels[i];
            visitor.level(side, l.price, l.total, l.count);
        }
    }

    @Override
    public void orders(OrderVisitor visitor) {
        for (SideBook book : new SideBook[] {bids, asks}) {
            for (int i = book.n - 1; i >= 0; i--) {
                for (Order o = book.levels[i].head; o != null; o = o.next) {
                    visit(o, visitor);
                }
            }
        }
        for (StopBook book : new StopBook[] {buyStops, sellStops}) {
            for (int i = book.n - 1; i >= 0; i--) {
                visit(book.orders[i], visitor);
            }
        }
    }

    private static void visit(Order o, OrderVisitor visitor) {
        // A triggered stop-limit keeps its old stop price, which means nothing once it is a limit.
        visitor.order(o.id, o.account, o.side, o.kind, o.tif, o.postOnly, o.price, o.kind == OrderKind.STOP || o.kind == OrderKind.STOP_LIMIT ? o.stop : 0,
                o.remaining);
    }

    @Override
    public void restoreMarket(long lastTradePrice, long depthSequence) {
        this.lastPrice = lastTradePrice;
        this.depthSequence = depthSequence;
    }
}
