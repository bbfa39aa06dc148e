package io.quiver.matching;

/**
 * The last {@code capacity} depth updates, kept in primitive arrays, so that a subscriber that detects
 * a gap in the sequence numbers can catch up from the sequence it last saw; if that is too old it takes
 * a fresh snapshot instead. Register it as (or behind) the book's {@link DepthListener}.
 */
public final class DepthHistory implements DepthListener {
    private final long[] sequences;
    private final boolean[] buys;
    private final long[] prices;
    private final long[] totals;
    private final int[] counts;
    private long newest;

    public DepthHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        sequences = new long[capacity];
        buys = new boolean[capacity];
        prices = new long[capacity];
        totals = new long[capacity];
        counts = new int[capacity];
    }

    @Override
    public void levelChanged(long sequence, Side side, long price, long totalSize, int orderCount) {
        int i = (int) (sequence % sequences.length);
        sequences[i] = sequence;
        buys[i] = side == Side.BUY;
        prices[i] = price;
        totals[i] = totalSize;
        counts[i] = orderCount;
        newest = sequence;
    }

    /** The sequence of the newest update held (0 before any). */
    public long newest() {
        return newest;
    }

    /**
     * Replays every update after {@code lastSeen} to {@code to}, oldest first, and returns true; returns
     * false (replaying nothing) if some of them are no longer held: the caller needs a snapshot.
     */
    public boolean replaySince(long lastSeen, DepthListener to) {
        long first = lastSeen + 1;
        if (lastSeen > newest || newest - lastSeen > sequences.length) {
            return false;
        }
        for (long s = first; s <= newest; s++) {
            int i = (int) (s % sequences.length);
            to.levelChanged(s, buys[i] ? Side.BUY : Side.SELL, prices[i], totals[i], counts[i]);
        }
        return true;
    }
}
