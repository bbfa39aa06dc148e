package io.quiver.backtest.internal;

import java.util.List;

/**
 * The bars (or quotes and trades) of several series in time order: a binary heap of series indexes keyed by the time of each
 * series' next bar, a tie going to the lower index. Primitive arrays, so merging millions of bars
 * allocates nothing.
 */
final class BarMerge {
    private final List<MarketSeries> series;
    private final int[] cursor;
    private final long[] nextTime;
    private final int[] heap;
    private int size;

    BarMerge(List<MarketSeries> series) {
        this.series = series;
        this.cursor = new int[series.size()];
        this.nextTime = new long[series.size()];
        this.heap = new int[series.size()];
        for (int k = 0; k < series.size(); k++) {
            if (series.get(k).size() > 0) {
                nextTime[k] = series.get(k).timeNanos(0);
                heap[size] = k;
                up(size++);
            }
        }
    }

    boolean hasNext() {
        return size > 0;
    }

    /** The series whose bar comes next; {@link #index(int)} is that bar's index until {@link #advance(int)}. */
    int peek() {
        return heap[0];
    }

    int index(int k) {
        return cursor[k];
    }

    /** Moves series {@code k} (the one {@link #peek()} gave) past its current bar. */
    void advance(int k) {
        MarketSeries s = series.get(k);
        if (++cursor[k] < s.size()) {
            nextTime[k] = s.timeNanos(cursor[k]);
            down(0);
        } else {
            heap[0] = heap[--size];
            if (size > 0) {
                down(0);
            }
        }
    }

    private boolean before(int a, int b) {
        return nextTime[a] < nextTime[b] || nextTime[a] == nextTime[b] && a < b;
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(heap[i], heap[parent])) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void down(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int least = left + 1 < size && before(heap[left + 1], heap[left]) ? left + 1 : left;
            if (!before(heap[least], heap[i])) {
                return;
            }
            swap(i, least);
            i = least;
        }
    }

    private void swap(int i, int j) {
        int t = heap[i];
        heap[i] = heap[j];
        heap[j] = t;
    }
}
