package io.quiver.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded stream of commands that exercises every rule: limits of every time in force and post-only,
 * markets, stops, cancels, amends, day ends, duplicate ids and invalid values, from six accounts whose
 * self-trade prevention and fee rates are drawn from the seed. Tick 5, lot 10, band 3 ticks.
 */
final class RandomCommands {
    static final long TICK = 5;
    static final long LOT = 10;
    private final SplittableRandom random;
    private final List<Long> recent = new ArrayList<>();
    private final SelfTradePrevention[] stp = new SelfTradePrevention[7];
    private final long[] makerRate = new long[7];
    private final long[] takerRate = new long[7];
    private long nextId = 1;
    private long mid = 20_000;

    RandomCommands(long seed) {
        random = new SplittableRandom(seed);
        for (int a = 1; a <= 6; a++) {
            stp[a] = SelfTradePrevention.values()[random.nextInt(4)];
            makerRate[a] = random.nextInt(-50, 101);
            takerRate[a] = random.nextInt(0, 301);
        }
    }

    BookRules rules() {
        return new BookRules(TICK, LOT, 3, new BookRules.Accounts() {
            @Override
            public SelfTradePrevention selfTradePrevention(long account) {
                return stp[(int) account];
            }

            @Override
            public long makerFeeRate(long account) {
                return makerRate[(int) account];
            }

            @Override
            public long takerFeeRate(long account) {
                return takerRate[(int) account];
            }
        });
    }

    long makerRate(long account) {
        return makerRate[(int) account];
    }

    long takerRate(long account) {
        return takerRate[(int) account];
    }

    /** One command, applied to every given book; returns a description for failure messages. */
    String next(OrderBook... books) {
        int dice = random.nextInt(1000);
        if (dice < 2) {
            for (OrderBook b : books) {
                b.expireDay();
            }
            return "expireDay";
        }
        if (random.nextInt(50) == 0) {
            mid += random.nextInt(-20, 21) * TICK;
        }
        long price = mid + random.nextInt(-25, 26) * TICK + (random.nextInt(200) == 0 ? 1 : 0);
        long size = (1 + random.nextInt(10)) * LOT + (random.nextInt(200) == 0 ? 3 : 0);
        if (dice < 430) {
            long id = random.nextInt(100) == 0 && !recent.isEmpty() ? pick() : nextId++;
            long account = 1 + random.nextInt(6);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            int k = random.nextInt(100);
            OrderKind kind = k < 86 ? OrderKind.LIMIT : k < 92 ? OrderKind.MARKET : k < 96 ? OrderKind.STOP : OrderKind.STOP_LIMIT;
            TimeInForce tif = TimeInForce.values()[random.nextInt(10) < 7 ? random.nextInt(2) : random.nextInt(4)];
            boolean postOnly = random.nextInt(10) == 0;
            long stop = mid + random.nextInt(-15, 16) * TICK;
            for (OrderBook b : books) {
                b.place(id, account, side, kind, tif, postOnly, price, stop, size);
            }
            recent.add(id);
            if (recent.size() > 3000) {
                recent.remove(0);
            }
            return "place " + id + " " + account + " " + side + " " + kind + " " + tif + (postOnly ? " post-only " : " ") + size + "@" + price
                    + " stop " + stop;
        }
        long id = recent.isEmpty() || random.nextInt(20) == 0 ? nextId + 1000 : pick();
        if (dice < 650) {
            for (OrderBook b : books) {
                b.cancel(id);
            }
            return "cancel " + id;
        }
        if (dice < 850) {
            for (OrderBook b : books) {
                b.amendPrice(id, price);
            }
            return "amendPrice " + id + " " + price;
        }
        for (OrderBook b : books) {
            b.amendSize(id, size);
        }
        return "amendSize " + id + " " + size;
    }

    private long pick() {
        // Mostly recent orders, which are the ones most likely still live.
        int n = recent.size();
        return recent.get(n - 1 - Math.min(n - 1, (int) Math.abs(random.nextGaussian() * 40)));
    }
}
