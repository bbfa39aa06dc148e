package io.quiver.matching;

import io.quiver.matching.internal.FastOrderBook;

/** Creates order books. */
public final class OrderBooks {
    private OrderBooks() {
    }

    public static OrderBook create(BookRules rules, MatchingEvents events) {
        return new FastOrderBook(rules, events);
    }
}
