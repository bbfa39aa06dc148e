package io.quiver.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.matching.replay.CommandFileException;
import io.quiver.matching.replay.CommandStream;
import io.quiver.matching.replay.ExchangeLikeCommands;
import io.quiver.matching.replay.Replay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandStreamTest {
    @TempDir
    Path dir;

    private static final BookRules RULES = new BookRules(1, 1, 5, BookRules.uniform(SelfTradePrevention.NONE, 0, 0));

    private static List<String> replay(CommandStream s, BookRules rules) {
        RecordingEvents log = new RecordingEvents();
        OrderBook book = OrderBooks.create(rules, log);
        for (int i = 0; i < s.size(); i++) {
            s.apply(book, i);
        }
        return log.lines;
    }

    @Test
    void everyCommandKindSurvivesAWriteAndARead() {
        CommandStream s = new CommandStream();
        s.place(1, 7, Side.SELL, OrderKind.LIMIT, TimeInForce.GTC, true, 105, 0, 10);
        s.place(2, 8, Side.BUY, OrderKind.STOP_LIMIT, TimeInForce.DAY, false, 110, 105, 5);
        s.place(3, 9, Side.BUY, OrderKind.MARKET, TimeInForce.IOC, false, 0, 0, 4);
        s.place(4, 9, Side.SELL, OrderKind.STOP, TimeInForce.GTC, false, 0, 90, 3);
        s.amendPrice(1, 106);
        s.amendSize(1, 8);
        s.cancel(4);
        s.expireDay();
        Path file = dir.resolve("commands.csv");
        s.write(file);
        CommandStream back = CommandStream.read(file);
        assertEquals(8, back.size());
        assertEquals(replay(s, RULES), replay(back, RULES));
        // 3 (market) takes 4 of 1's 10 at 105; that trade reaches 2's stop at 105, whose limit 110 takes 5 more;
        // 4's sell stop at 90 is not reached; 1 is amended to 106, then to 8; 4 is cancelled.
        assertEquals(List.of("accepted 1", "accepted 2", "accepted 3", "trade taker 3/9 maker 1/7 BUY 4@105 fees 0/0 left 0/6",
                "triggered 2", "trade taker 2/8 maker 1/7 BUY 5@105 fees 0/0 left 0/1", "accepted 4", "amended 1 1@106",
                "amended 1 8@106", "cancelled 4 3 REQUESTED"), replay(back, RULES));
    }

    @Test
    void generatedStreamsRoundTripExactly() {
        CommandStream s = ExchangeLikeCommands.generate(200, 20_000, 3);
        Path file = dir.resolve("gen.csv");
        s.write(file);
        assertEquals(replay(s, ExchangeLikeCommands.RULES), replay(CommandStream.read(file), ExchangeLikeCommands.RULES));
    }

    @Test
    void badLinesNameLineAndColumn() throws IOException {
        Path file = dir.resolve("bad.csv");
        String[][] cases = {
            {"PLACE,1,7,BUY,LIMIT,GTC,abc,,10", "bad.csv:2: column 7: 'abc' is not a whole number"},
            {"PLACE,1,7,UP,LIMIT,GTC,100,,10", "bad.csv:2: column 4: 'UP' is not one of [BUY, SELL]"},
            {"PLACE,1,7,BUY,MARKET,IOC,100,,10", "bad.csv:2: column 7: '100' must be empty for this order kind"},
            {"PLACE,1,7,BUY,LIMIT,GTC,100,,10,ICEBERG", "bad.csv:2: column 10: 'ICEBERG' is not POST_ONLY"},
            {"CANCEL,1,2", "bad.csv:2: CANCEL takes 2 fields, the line has 3"},
            {"MODIFY,1", "bad.csv:2: column 1: 'MODIFY' is not a command (PLACE, CANCEL, AMEND_PRICE, AMEND_SIZE, EXPIRE_DAY)"},
        };
        for (String[] c : cases) {
            Files.writeString(file, "# header comment\n" + c[0] + "\n");
            assertEquals(c[1], assertThrows(CommandFileException.class, () -> CommandStream.read(file)).getMessage());
        }
    }

    @Test
    void replayReportsCountsAndTheFinalBook() throws IOException {
        Path file = dir.resolve("tiny.csv");
        Files.writeString(file, """
                PLACE,1,1,BUY,LIMIT,GTC,100,,10
                PLACE,2,2,BUY,LIMIT,GTC,99,,20
                PLACE,3,3,SELL,LIMIT,GTC,101,,5
                PLACE,4,4,SELL,LIMIT,IOC,100,,4
                CANCEL,77
                """);
        Replay.Report r = Replay.run(CommandStream.read(file), RULES, 1, 0);
        assertEquals(5, r.commands());
        assertEquals(1, r.trades());
        assertEquals(1, r.rejects());
        assertEquals(List.of(new Replay.Level(Side.BUY, 100, 6, 1), new Replay.Level(Side.BUY, 99, 20, 1)), r.bids());
        assertEquals(List.of(new Replay.Level(Side.SELL, 101, 5, 1)), r.asks());
    }
}
