package io.quiver.matching;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One instrument's limit order book. Single-threaded: call it from one thread. Every command reports
 * to the book's {@link MatchingEvents} before it returns.
 *
 * <h2>place</h2>
 * <ol>
 * <li>Checks, in this order, each refusing with {@code rejected}: the id is not live in the book
 * (DUPLICATE_ORDER_ID); size positive and a lot multiple (INVALID_SIZE); a LIMIT/STOP_LIMIT price, and a
 * STOP/STOP_LIMIT stop price, positive tick multiples (INVALID_PRICE); post-only only on LIMIT
 * (NOT_SUPPORTED); a MARKET order needs opposite liquidity (NO_LIQUIDITY); a post-only order must not
 * cross the best opposite price (POST_ONLY_WOULD_TAKE).</li>
 * <li>{@code accepted}.</li>
 * <li>STOP/STOP_LIMIT: triggered at once if a last trade price exists and has reached the stop (buy:
 * last &gt;= stop, sell: last &lt;= stop), else it waits for a trade that reaches it.</li>
 * <li>LIMIT/MARKET: matching, below. A MARKET order's limit is the best opposite price at arrival plus
 * (buy) or minus (sell) {@code marketBandTicks} ticks. A FOK order first checks that its whole size can
 * fill; if not it is cancelled (FILL_OR_KILL) with no trade. After matching, the rest of a GTC/DAY
 * LIMIT order rests at the back of its price level; the rest of an IOC LIMIT or of a MARKET order is
 * cancelled (UNFILLED_REMAINDER).</li>
 * <li>If the command traded, pending stops are triggered (below).</li>
 * </ol>
 *
 * <h2>Matching</h2>
 * While the incoming order has size left and the best opposite level crosses its limit, it meets the
 * oldest order of that level. Same account and self-trade prevention (the incoming order's account's
 * setting) other than NONE: CANCEL_NEWEST cancels the incoming rest and stops; CANCEL_OLDEST cancels the
 * resting order and goes on; CANCEL_BOTH cancels the resting order, then the incoming rest, and stops.
 * Otherwise they trade the smaller size at the resting order's price; fees are {@code price * size *
 * rate}. The FOK check walks the same way: same-account orders are skipped under CANCEL_OLDEST and end
 * the walk under CANCEL_NEWEST/CANCEL_BOTH.
 *
 * <h2>Stops</h2>
 * After a command traded: repeatedly, the pending buy stop with the lowest stop price at or below the
 * last trade price (oldest first among equals), else the sell stop with the highest stop price at or
 * above it, is {@code triggered} and enters as MARKET (STOP) or LIMIT at its price (STOP_LIMIT) with its
 * time in force, until none is reached. A triggered MARKET finding no liquidity is cancelled
 * (UNFILLED_REMAINDER).
 *
 * <h2>cancel, amend, expire</h2>
 * cancel: a resting order or pending stop is {@code cancelled} (REQUESTED); unknown ids are
 * {@code rejected} (UNKNOWN_ORDER). amendPrice and amendSize apply to resting orders (pending stops:
 * NOT_SUPPORTED). amendPrice: same price changes nothing; a post-only order that would cross is refused
 * (POST_ONLY_WOULD_TAKE); otherwise the order leaves its level, {@code amended} is sent, and it matches
 * as an incoming order at its new price, its rest going to the back of the new level (time priority is
 * lost). amendSize: the new remaining size, positive lot multiple; smaller keeps the order's place,
 * larger moves it to the back of its level. expireDay cancels (EXPIRED) every DAY order: bids best to
 * worst, then asks (each level oldest first), then pending buy stops, then sell stops, each in the
 * order they would trigger.
 *
 * <h2>Snapshots</h2>
 * {@link #orders} visits every live order in the order that rebuilds the book: placing them again, one
 * by one in that order, into an empty book with the same rules, then calling {@link #restoreMarket}
 * with the old book's last trade price and depth sequence, gives a book that answers every later
 * command exactly as the old one would (same queue positions, same stop trigger order).
 */
@ProviderType
public interface OrderBook {

    /** {@code price} is ignored for MARKET and STOP; {@code stopPrice} for LIMIT and MARKET. */
    void place(long orderId, long account, Side side, OrderKind kind, TimeInForce tif, boolean postOnly, long price,
            long stopPrice, long size);

    void cancel(long orderId);

    void amendPrice(long orderId, long newPrice);

    void amendSize(long orderId, long newSize);

    void expireDay();

    /** Best bid price, 0 when there are no bids. */
    long bestBid();

    /** Best ask price, 0 when there are no asks. */
    long bestAsk();

    /** Price of the last trade, 0 before the first. */
    long lastTradePrice();

    /** Resting orders plus pending stops. */
    int orderCount();

    /** The size left of a resting order or pending stop; 0 if the id is not live. */
    long remaining(long orderId);

    /** Visits up to {@code maxLevels} levels of one side, best first. */
    void levels(Side side, int maxLevels, LevelVisitor visitor);

    /** Starts sending depth updates to {@code listener} (null stops them). */
    void depthListener(DepthListener listener);

    /** The sequence number of the last depth update sent; a snapshot taken now is as of this sequence. */
    long depthSequence();

    /**
     * Visits every live order: bids best to worst, then asks best to worst (each level oldest first), then
     * pending buy stops, then sell stops, each in the order they would trigger.
     */
    void orders(OrderVisitor visitor);

    /**
     * Sets the last trade price and the depth sequence of a book rebuilt from {@link #orders}; call it
     * once its orders are placed again, before any other command.
     */
    void restoreMarket(long lastTradePrice, long depthSequence);
}
