package io.quiver.sdk.model;

import java.util.Optional;

/**
 * The platform's one vocabulary of reasons for refusing an order or a change: the order manager's, the
 * risk checks', the built-in venues' and the matching engine's. Code works with these values; the text
 * form ({@link #code()}) appears only at the edge, in an {@link OrderEvent.Rejected} or
 * {@link OrderEvent.ModifyRejected}, where a third-party venue or risk check may also report codes of its own.
 */
public enum ReasonCode {
    // the order and its request
    INVALID_QUANTITY("the quantity is not positive or not a multiple of the lot size"),
    INVALID_PRICE("a price is missing, not positive or not a multiple of the tick size"),
    INVALID_PRECISION("a value has more decimals than the instrument trades in"),
    INVALID_SIZE("the quantity is not a positive multiple of the lot size"),
    INVALID_GROUP("the parts of an OCO or bracket do not fit together"),
    DUPLICATE_ORDER_ID("the client order id was used before"),
    CLIENT_ORDER_ID_CONFLICT("the client order id is in use for another order"),
    UNKNOWN_INSTRUMENT("the instrument is not traded on the venue"),
    UNKNOWN_ORDER("no such order"),
    UNSUPPORTED_ORDER_TYPE("the venue does not execute this order type"),
    NOT_SUPPORTED("the venue cannot do what was asked"),
    NOT_AMENDABLE("only quantity and prices can change"),
    ORDER_CLOSED("the order is closed and cannot be changed"),
    CANCEL_PENDING("a cancel of the order is on its way"),
    POST_ONLY_WOULD_TAKE("a post-only order would have traded"),
    NO_LIQUIDITY("no opposite liquidity for a market order"),
    // the venue and the runtime
    VENUE_UNAVAILABLE("the venue is not available"),
    VENUE_REJECTED("the venue rejected the order"),
    HALTED("orders to the venue are halted after a reconciliation found differences"),
    NOT_SENT_BEFORE_RESTART("the order was written down but never reached the venue before a restart; it is not sent again"),
    // risk
    KILLED("the kill switch stopped trading"),
    BREAKER_HALTED("a loss or drawdown breaker halted the strategy"),
    REDUCE_ONLY("a breaker lets the strategy only reduce its positions"),
    INSUFFICIENT_FUNDS("the free cash does not cover the order"),
    SHORT_NOT_ALLOWED("the sale would open a short position"),
    MAX_ORDER_QUANTITY("the order quantity exceeds the limit"),
    MAX_ORDER_NOTIONAL("the order value exceeds the limit"),
    MAX_POSITION("the position would exceed the limit"),
    MAX_GROSS_EXPOSURE("the gross exposure would exceed the limit"),
    MAX_NET_EXPOSURE("the net exposure would exceed the limit"),
    MAX_OPEN_ORDERS("one more open order would exceed the limit"),
    MAX_ORDERS_PER_DAY("one more order today would exceed the limit"),
    ORDER_RATE("the order rate limit is used up"),
    PRICE_COLLAR("the limit price is too far from the reference price"),
    NO_REFERENCE_PRICE("there is no reference price to check the order against"),
    DUPLICATE_ORDER("the same order was entered moments ago"),
    INSTRUMENT_BLOCKED("the instrument is on the blocked list"),
    INSTRUMENT_NOT_ALLOWED("the instrument is not on the allowed list"),
    RISK_CHECK_FAILED("a risk check failed"),
    RISK_CONFIG_INVALID("the risk configuration is invalid"),
    STALE_MARKET_DATA("the strategy's market-data feed has gone silent");

    private final String meaning;

    ReasonCode(String meaning) {
        this.meaning = meaning;
    }

    /** The code as events carry it: the constant's name. */
    public String code() {
        return name();
    }

    /** What the code means in general; a refusal's message says what happened to this order. */
    public String meaning() {
        return meaning;
    }

    /** The platform's code with this text, if it is one (a third-party venue may report others). */
    public static Optional<ReasonCode> of(String code) {
        for (ReasonCode c : values()) {
            if (c.name().equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
