package io.quiver.matching;

import static io.quiver.matching.OrderKind.LIMIT;
import static io.quiver.matching.OrderKind.MARKET;
import static io.quiver.matching.OrderKind.STOP;
import static io.quiver.matching.OrderKind.STOP_LIMIT;
import static io.quiver.matching.Side.BUY;
import static io.quiver.matching.Side.SELL;
import static io.quiver.matching.TimeInForce.DAY;
import static io.quiver.matching.TimeInForce.FOK;
import static io.quiver.matching.TimeInForce.GTC;
import static io.quiver.matching.TimeInForce.IOC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule of the book, on the fast book and on the naive reference alike. Tick 5, lot 10. */
class OrderBookScenarioTest {
    private final RecordingEvents events = new RecordingEvents();
    private OrderBook book;

    private void open(String impl, BookRules.Accounts accounts) {
        BookRules rules = new BookRules(5, 10, 2, accounts);
        book = impl.equals("fast") ? OrderBooks.create(rules, events) : new NaiveOrderBook(rules, events);
    }

    private void open(String impl) {
        open(impl, BookRules.uniform(SelfTradePrevention.NONE, 0, 0));
    }

    private void limit(long id, long account, Side side, long price, long size) {
        book.place(id, account, side, LIMIT, GTC, false, price, 0, size);
    }

    private List<String> levels(Side side) {
        List<String> out = new ArrayList<>();
        book.levels(side, 10, (s, price, total, count) -> out.add(total + "@" + price + "x" + count));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "naive"})
    void priceThenTimePriority(String impl) {
        open(impl);
        limit(1, 1, BUY, 100, 10);
        limit(2, 2, BUY, 105, 10);
        limit(3, 3, BUY, 105, 10);
        events.take();
        book.place(4, 4, SELL, LIMIT, GTC, false, 100, 0, 30);
        assertEquals(List.of("accepted 4",
                "trade taker 4/4 maker 2/2 SELL 10@105 fees 0/0 left 20/0",
                "trade taker 4/4 maker 3/3 SELL 10@105 fees 0/0 left 10/0",
                "trade taker 4/4 maker 1/1 SELL 10@100 fees 0/0 left 0/0"), events.take());
        assertEquals(0, book.orderCount());
        assertEquals(100, book.lastTradePrice());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "naive"})
    void partialFillRestsTheRest(String impl) {
        open(impl);
        limit(1, 1, SELL, 100, 10);
        limit(2, 2, BUY, 100, 30);
        assertEquals(List.of("20@100x1"), levels(BUY));
        assertEquals(List.of(), levels(SELL));
        assertEquals(20, book.remaining(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "naive"})
    void iocCancelsItsRestAndFokIsAllOrNothing(String impl) {
        open(impl);
        limit(1, 1, SELL, 100, 10);
        limit(2, 1, SELL, 110, 10);
        events.take();
        book.place(3, 2, BUY, LIMIT, IOC, false, 105, 0, 20);
        assertEquals(List.of("accepted 3", "trade taker 3/2 maker 1/1 BUY 10@100 fees 0/0 left 10/0", "cancelled 3 10 UNFILLED_REMAINDER"),
                events.take());
        book.place(4, 2, BUY, LIMIT, FOK, false, 110, 0, 20);
        assertEquals(List.of("accepted 4", "cancelled 4 20 FILL_OR_KILL"), events.take());
        book.place(5, 2, BUY, LIMIT, FOK, false, 110, 0, 10);
        assertEquals(List.of("accepted 5", "trade taker 5/2 maker 2/1 BUY 10@110 fees 0/0 left 0/0"), events.take());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "naive"})
    void marketOrdersStopAtTheProtectionBand(String impl) {
        open(impl);
        book.place(1, 1, BUY, MARKET, IOC, false, 0, 0, 10);
        assertEquals(List.of("rejected 1 NO_LIQUIDITY"), events.take());
        limit(2, 1, SELL, 100, 10);
        limit(3, 1, SELL, 110, 10);
        limit(4, 1, SELL, 115, 10);
        events.take();
        // band 2 ticks of 5: a buy trades up to 100 + 10 = 110
        book.place(5, 2, BUY, MARKET, GTC, false, 0, 0, 30);
        assertEquals(List.of("accepted 5", "trade taker 5/2 maker 2/1 BUY 10@100 fees 0/0 left 20/0",
                "trade taker 5/2 maker 3/1 BUY 10@110 fees 0/0 left 10/0", "cancelled 5 10 UNFILLED_REMAINDER"), events.take());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "naive"})
    void postOnlyIsRefusedIfItWouldTake(String impl) {
        open(impl);
        limit(1, 1, SELL, 100, 10);
        events.take();
        book.place(2, 2, BUY, LIMIT, GTC, true, 100, 0, 10);
        book.place(3, 2, BUY, LIMIT, GTC, true, 95, 0, 10);
        book.amendPrice(3, 100);
        assertEquals(List.of("rejected 2 POST_ONLY_WOULD_TAKE", "accepted 3", "rejected 3 POST_ONLY_WOULD_TAKE"), events.take());
        assertEquals(List.of("10@95x1"), levels(BUY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "naive"})
    void stopsTriggerOnTheLastTradePrice(String impl) {
        open(impl);
        limit(1, 1, SELL, 100, 10);
        limit(2, 1, SELL, 105, 10);
        limit(3, 1, SELL, 120, 10);
        book.place(4, 2, BUY, STOP, GTC, false, 0, 105, 10);
        book.place(5, 2, BUY, STOP_LIMIT, GTC, false, 110, 100, 10);
        events.take();
        assertEquals(5, book.orderCount());
        // a trade at 100 reaches the stop-limit at 100 (not the stop at 105); it buys at 105 (limit 110)
        limit(6, 3, BUY, 100, 10);
        // then the trade at 105 reaches the stop at 105: a market buy with limit 120 + 2 ticks = 130 takes the 120 ask
        assertEquals(List.of("accepted 6", "trade taker 6/3 maker 1/1 BUY 10@100 fees 0/0 left 0/0", "triggered 5",
                "trade taker 5/2 maker 2/1 BUY 10@105 fees 0/0 left 0/0", "triggered 4",
                "trade taker 4/2 maker 3/1 BUY 10@120 fees 0/0 left 0/0"), events.take());
        assertEquals(0, book.orderCount());
        // a stop whose price the last trade already reached triggers at once; with no liquidity its rest is cancelled
        book.place(7, 2, SELL, STOP, GTC, false, 0, 125, 10);
        assertEquals(List.of("accepted 7", "triggered 7", "cancelled 7 10 UNFILLED_REMAINDER"), events.take());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "naive"})
    void amendPriceLosesPriorityAndSizeDecreaseKeepsIt(String impl) {
        open(impl);
        limit(1, 1, BUY, 100, 10);
        limit(2, 2, BUY, 100, 10);
        limit(3, 3, BUY, 100, 10);
        book.amendSize(1, 20);     // larger: to the back
        book.amendSize(2, 10);     // same: unchanged
        book.amendPrice(3, 95);
        book.amendPrice(3, 100);   // back at 100, behind the others
        events.take();
        book.place(9, 9, SELL, LIMIT, IOC, false, 100, 0, 40);
        assertEquals(List.of("accepted 9", "trade taker 9/9 maker 2/2 SELL 10@100 fees 0/0 left 30/0",
                "trade taker 9/9 maker 1/1 SELL 20@100 fees 0/0 left 10/0", "trade taker 9/9 maker 3/3 SELL 10@100 fees 0/0 left 0/0"),
                events.take());
        limit(10, 1, BUY, 100, 30);
        limit(11, 2, BUY, 100, 10);
        book.amendSize(10, 10);    // smaller: keeps its place in front
        events.take();
        book.place(12, 9, SELL, LIMIT, IOC, false, 100, 0, 10);
        assertEquals("trade taker 12/9 maker 10/1 SELL 10@100 fees 0/0 left 0/0", events.take().get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "naive"})
    void amendPriceThatCrossesTrades(String impl) {
        open(impl);
        limit(1, 1, SELL, 100, 10);
        limit(2, 2, BUY, 90, 20);
        events.take();
        book.amendPrice(2, 100);
        assertEquals(List.of("amended 2 20@100", "trade taker 2/2 maker 1/1 BUY 10@100 fees 0/0 left 10/0"), events.take());
        assertEquals(List.of("10@100x1"), levels(BUY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "naive"})
    void selfTradePreventionModes(String impl) {
        for (SelfTradePrevention mode : SelfTradePrevention.values()) {
            open(impl, BookRules.uniform(mode, 0, 0));
            limit(1, 7, SELL, 100, 10);
            limit(2, 8, SELL, 100, 10);
            events.take();
            book.place(3, 7, BUY, LIMIT, GTC, false, 100, 0, 20);
            List<String> e = events.take();
            switch (mode) {
                case NONE -> assertEquals(List.of("accepted 3", "trade taker 3/7 maker 1/7 BUY 10@100 fees 0/0 left 10/0",
                        "trade taker 3/7 maker 2/8 BUY 10@100 fees 0/0 left 0/0"), e);
                case CANCEL_NEWEST -> assertEquals(List.of("accepted 3", "cancelled 3 20 SELF_TRADE"), e);
                case CANCEL_OLDEST -> assertEquals(List.of("accepted 3", "cancelled 1 10 SELF_TRADE",
                        "trade taker 3/7 maker 2/8 BUY 10@100 fees 0/0 left 10/0"), e);
                case CANCEL_BOTH -> assertEquals(List.of("accepted 3", "cancelled 1 10 SELF_TRADE", "cancelled 3 20 SELF_TRADE"), e);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "naive"})
    void feesAreExactPerAccountTier(String impl) {
        BookRules.Accounts tiers = new BookRules.Accounts() {
            @Override
            public SelfTradePrevention selfTradePrevention(long account) {
                return SelfTradePrevention.NONE;
            }

            @Override
            public long makerFeeRate(long account) {
                return account == 1 ? -50 : 100;   // a maker rebate of 0.5 bp for account 1, else 1 bp
            }

            @Override
            public long takerFeeRate(long account) {
                return 250;                        // 2.5 bp
            }
        };
        open(impl, tiers);
        limit(1, 1, SELL, 12345, 70);
        book.place(2, 2, BUY, LIMIT, IOC, false, 12345, 0, 30);
        // notional 12345 * 30 = 370350; taker 370350 * 250 = 92587500; maker 370350 * -50 = -18517500 (millionths)
        assertEquals("trade taker 2/2 maker 1/1 BUY 30@12345 fees 92587500/-18517500 left 0/40", events.take().get(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "naive"})
    void tickLotAndIdsAreValidated(String impl) {
        open(impl);
        book.place(1, 1, BUY, LIMIT, GTC, false, 101, 0, 10);
        book.place(2, 1, BUY, LIMIT, GTC, false, 100, 0, 15);
        book.place(3, 1, BUY, LIMIT, GTC, false, 100, 0, 0);
        book.place(4, 1, BUY, STOP, GTC, false, 0, 0, 10);
        book.place(5, 1, BUY, MARKET, IOC, true, 0, 0, 10);
        limit(6, 1, BUY, 100, 10);
        limit(6, 1, BUY, 100, 10);
        book.cancel(99);
        book.amendSize(6, 25);
        book.amendPrice(6, 0);
        assertEquals(List.of("rejected 1 INVALID_PRICE", "rejected 2 INVALID_SIZE", "rejected 3 INVALID_SIZE", "rejected 4 INVALID_PRICE",
                "rejected 5 NOT_SUPPORTED", "accepted 6", "rejected 6 DUPLICATE_ORDER_ID", "rejected 99 UNKNOWN_ORDER",
                "rejected 6 INVALID_SIZE", "rejected 6 INVALID_PRICE"), events.take());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "naive"})
    void dayOrdersExpireAndCancelsReportTheirSize(String impl) {
        open(impl);
        book.place(1, 1, BUY, LIMIT, DAY, false, 100, 0, 10);
        limit(2, 1, BUY, 100, 10);
        book.place(3, 1, SELL, LIMIT, DAY, false, 120, 0, 20);
        book.place(4, 1, BUY, STOP, DAY, false, 0, 200, 10);
        events.take();
        book.expireDay();
        assertEquals(List.of("cancelled 1 10 EXPIRED", "cancelled 3 20 EXPIRED", "cancelled 4 10 EXPIRED"), events.take());
        book.cancel(2);
        assertEquals(List.of("cancelled 2 10 REQUESTED"), events.take());
        assertEquals(0, book.orderCount());
    }
}
