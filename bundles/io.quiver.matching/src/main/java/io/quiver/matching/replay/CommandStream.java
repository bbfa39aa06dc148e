package io.quiver.matching.replay;

import io.quiver.matching.OrderBook;
import io.quiver.matching.OrderKind;
import io.quiver.matching.Side;
import io.quiver.matching.TimeInForce;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Order book commands held in primitive arrays, so that replaying them costs nothing but the book.
 * Read from and written to the CSV command format (one command a line; {@code #} starts a comment):
 * <pre>
 * PLACE,id,account,BUY|SELL,LIMIT|MARKET|STOP|STOP_LIMIT,GTC|DAY|IOC|FOK,price,stop,size[,POST_ONLY]
 * CANCEL,id
 * AMEND_PRICE,id,price
 * AMEND_SIZE,id,size
 * EXPIRE_DAY
 * </pre>
 * Prices and sizes are whole numbers in the book's units; {@code price} is empty for MARKET and STOP,
 * {@code stop} empty for LIMIT and MARKET.
 */
public final class CommandStream {
    static final byte PLACE = 0;
    static final byte CANCEL = 1;
    static final byte AMEND_PRICE = 2;
    static final byte AMEND_SIZE = 3;
    static final byte EXPIRE_DAY = 4;
    private static final Side[] SIDES = Side.values();
    private static final OrderKind[] KINDS = OrderKind.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();

    byte[] op = new byte[1024];
    long[] id = new long[1024];
    long[] account = new long[1024];
    byte[] side = new byte[1024];
    byte[] kind = new byte[1024];
    byte[] tif = new byte[1024];
    boolean[] postOnly = new boolean[1024];
    long[] price = new long[1024];
    long[] stop = new long[1024];
    long[] size = new long[1024];
    int count;

    public int size() {
        return count;
    }

    /** Applies command {@code i} to a book. */
    public void apply(OrderBook book, int i) {
        switch (op[i]) {
            case PLACE -> book.place(id[i], account[i], SIDES[side[i]], KINDS[kind[i]], TIFS[tif[i]], postOnly[i], price[i], stop[i], size[i]);
            case CANCEL -> book.cancel(id[i]);
            case AMEND_PRICE -> book.amendPrice(id[i], price[i]);
            case AMEND_SIZE -> book.amendSize(id[i], size[i]);
            default -> book.expireDay();
        }
    }

    public void place(long orderId, long acct, Side s, OrderKind k, TimeInForce t, boolean post, long p, long stopPrice, long sz) {
        int i = next(PLACE, orderId);
        account[i] = acct;
        side[i] = (byte) s.ordinal();
        kind[i] = (byte) k.ordinal();
        tif[i] = (byte) t.ordinal();
        postOnly[i] = post;
        price[i] = p;
        stop[i] = stopPrice;
        size[i] = sz;
    }

    public void cancel(long orderId) {
        next(CANCEL, orderId);
    }

    public void amendPrice(long orderId, long p) {
        int i = next(AMEND_PRICE, orderId); // before indexing: next() may grow the arrays
        price[i] = p;
    }

    public void amendSize(long orderId, long sz) {
        int i = next(AMEND_SIZE, orderId);
        size[i] = sz;
    }

    public void expireDay() {
        next(EXPIRE_DAY, 0);
    }

    private int next(byte o, long orderId) {
        if (count == op.length) {
            int n = count * 2;
            op = Arrays.copyOf(op, n);
            id = Arrays.copyOf(id, n);
            account = Arrays.copyOf(account, n);
            side = Arrays.copyOf(side, n);
            kind = Arrays.copyOf(kind, n);
            tif = Arrays.copyOf(tif, n);
            postOnly = Arrays.copyOf(postOnly, n);
            price = Arrays.copyOf(price, n);
            stop = Arrays.copyOf(stop, n);
            size = Arrays.copyOf(size, n);
        }
        int i = count++;
        op[i] = o;
        id[i] = orderId;
        account[i] = 0;
        side[i] = 0;
        kind[i] = 0;
        tif[i] = 0;
        postOnly[i] = false;
        price[i] = 0;
        stop[i] = 0;
        size[i] = 0;
        return i;
    }

    /** Reads a command file; the first bad line stops the read with its line and column. */
    public static CommandStream read(Path file) {
        String name = file.getFileName().toString();
        CommandStream s = new CommandStream();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            long line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                String t = text.trim();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split(",", -1);
                Fields fields = new Fields(name, line, f);
                switch (fields.word(0).toUpperCase(Locale.ROOT)) {
                    case "PLACE" -> {
                        fields.count(9, 10);
                        OrderKind k = fields.choice(4, KINDS);
                        boolean limitPriced = k == OrderKind.LIMIT || k == OrderKind.STOP_LIMIT;
                        boolean stopPriced = k == OrderKind.STOP || k == OrderKind.STOP_LIMIT;
                        boolean post = f.length == 10 && fields.flag(9, "POST_ONLY");
                        s.place(fields.number(1), fields.number(2), fields.choice(3, SIDES), k, fields.choice(5, TIFS), post,
                                limitPriced ? fields.number(6) : fields.empty(6), stopPriced ? fields.number(7) : fields.empty(7),
                                fields.number(8));
                    }
                    case "CANCEL" -> {
                        fields.count(2, 2);
                        s.cancel(fields.number(1));
                    }
                    case "AMEND_PRICE" -> {
                        fields.count(3, 3);
                        s.amendPrice(fields.number(1), fields.number(2));
                    }
                    case "AMEND_SIZE" -> {
                        fields.count(3, 3);
                        s.amendSize(fields.number(1), fields.number(2));
                    }
                    case "EXPIRE_DAY" -> {
                        fields.count(1, 1);
                        s.expireDay();
                    }
                    default -> throw new CommandFileException(name, line, 1, "'" + f[0]
                            + "' is not a command (PLACE, CANCEL, AMEND_PRICE, AMEND_SIZE, EXPIRE_DAY)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return s;
    }

    /** Writes the commands in the file format. */
    public void write(Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# Quiver order book commands: see docs/matching.md\n");
            for (int i = 0; i < count; i++) {
                switch (op[i]) {
                    case PLACE -> {
                        OrderKind k = KINDS[kind[i]];
                        boolean limitPriced = k == OrderKind.LIMIT || k == OrderKind.STOP_LIMIT;
                        boolean stopPriced = k == OrderKind.STOP || k == OrderKind.STOP_LIMIT;
                        out.write("PLACE," + id[i] + "," + account[i] + "," + SIDES[side[i]] + "," + k + "," + TIFS[tif[i]] + ","
                                + (limitPriced ? Long.toString(price[i]) : "") + "," + (stopPriced ? Long.toString(stop[i]) : "") + ","
                                + size[i] + (postOnly[i] ? ",POST_ONLY" : "") + "\n");
                    }
                    case CANCEL -> out.write("CANCEL," + id[i] + "\n");
                    case AMEND_PRICE -> out.write("AMEND_PRICE," + id[i] + "," + price[i] + "\n");
                    case AMEND_SIZE -> out.write("AMEND_SIZE," + id[i] + "," + size[i] + "\n");
                    default -> out.write("EXPIRE_DAY\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The fields of one line, with errors that name the column. */
    private record Fields(String file, long line, String[] f) {
        String word(int i) {
            return f[i].trim();
        }

        void count(int min, int max) {
            if (f.length < min || f.length > max) {
                throw new CommandFileException(file, line, 0, f[0].trim() + " takes " + (min == max ? min : min + " or " + max)
                        + " fields, the line has " + f.length);
            }
        }

        long number(int i) {
            try {
                return Long.parseLong(f[i].trim());
            } catch (NumberFormatException e) {
                throw new CommandFileException(file, line, i + 1, "'" + f[i] + "' is not a whole number");
            }
        }

        long empty(int i) {
            if (!f[i].isBlank()) {
                throw new CommandFileException(file, line, i + 1, "'" + f[i] + "' must be empty for this order kind");
            }
            return 0;
        }

        <E extends Enum<E>> E choice(int i, E[] values) {
            for (E v : values) {
                if (v.name().equalsIgnoreCase(f[i].trim())) {
                    return v;
                }
            }
            throw new CommandFileException(file, line, i + 1, "'" + f[i] + "' is not one of " + Arrays.toString(values));
        }

        boolean flag(int i, String name) {
            if (f[i].isBlank()) {
                return false;
            }
            if (!f[i].trim().equalsIgnoreCase(name)) {
                throw new CommandFileException(file, line, i + 1, "'" + f[i] + "' is not " + name);
            }
            return true;
        }
    }
}
