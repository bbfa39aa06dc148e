package io.quiver.oms.host;

import io.quiver.sdk.BarHistory;
import io.quiver.sdk.model.Bar;

/** A growable ring of the latest bars of one instrument. */
final class BarRing implements BarHistory {
    private Bar[] bars = new Bar[0];
    private int next;
    private int size;

    void ensureCapacity(int capacity) {
        if (capacity <= bars.length) {
            return;
        }
        Bar[] grown = new Bar[capacity];
        for (int i = 0; i < size; i++) {
            grown[size - 1 - i] = get(i);
        }
        bars = grown;
        next = size % capacity;
    }

    void add(Bar bar) {
        if (bars.length == 0) {
            return;
        }
        bars[next] = bar;
        next = (next + 1) % bars.length;
        size = Math.min(size + 1, bars.length);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Bar get(int ago) {
        if (ago < 0 || ago >= size) {
            throw new IndexOutOfBoundsException("history holds " + size + " bars, asked for " + ago + " ago");
        }
        int i = next - 1 - ago;
        return bars[i < 0 ? i + bars.length : i];
    }
}
